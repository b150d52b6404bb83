package extract

import (
	"strings"
	"testing"
)

func TestInlineSVGKeepsItsTitle(t *testing.T) {
	for _, tc := range []struct {
		name, body, want, notWant string
	}{
		{"titled logo", `<main><h2>Logo</h2><div><svg><title>Acme main   logo</title><use href="#l"/></svg></div><p>Use it well.</p></main>`,
			"Acme main logo", ""},
		{"icon without title", `<main><p>Close <svg><path d="M0 0"/><text>x-icon</text></svg> the menu.</p></main>`,
			"Close the menu.", "x-icon"},
		{"title of a nested element only", `<main><p>Text.</p><svg><g><title>group</title></g></svg></main>`,
			"Text.", "group"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md, err := Extract([]byte("<html><body>"+tc.body+"</body></html>"), "text/html", "https://example.com/", Rules{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(md, tc.want) {
				t.Errorf("markdown lacks %q:\n%s", tc.want, md)
			}
			if tc.notWant != "" && strings.Contains(md, tc.notWant) {
				t.Errorf("markdown keeps %q:\n%s", tc.notWant, md)
			}
		})
	}
}
