package catalogue

import (
	"encoding/json"
	"testing"
)

func TestParseClosesSelectorsAtEndOfInput(t *testing.T) {
	tests := []struct {
		name, css, want string
		ok              bool
	}{
		{"complete", `main > .terms`, `main > .terms`, true},
		{"open double-quoted attribute", `img[src="https://quokka.test/badge.png"`, `img[src="https://quokka.test/badge.png"]`, true},
		{"open single-quoted string", `img[src^='data:image/png`, `img[src^='data:image/png']`, true},
		{"open pseudo-class argument", `li:not(.ad`, `li:not(.ad)`, true},
		{"escaped quote inside", `a[title="say \"hi\""`, `a[title="say \"hi\""]`, true},
		{"open string in a list", `.a, b[data-x='1`, `.a, b[data-x='1']`, true},
		{"not CSS at all", "a `select` kept for validation", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			decl := `{"name": "Quokka", "terms": {"Imprint": {"fetch": "https://quokka.test/", "select": ` + jsonString(tt.css) + `}}}`
			p, err := Parse("q.json", []byte(decl))
			if !tt.ok {
				if err == nil {
					t.Fatalf("Parse accepted %q", tt.css)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Documents[0].Sources[0].Rules.Select[0].CSS; got != tt.want {
				t.Errorf("select = %q, want %q", got, tt.want)
			}
		})
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
