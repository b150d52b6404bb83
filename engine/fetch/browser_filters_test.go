package fetch

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestChromeBrowserRunFilters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	b, err := NewChromeBrowser("")
	if err != nil {
		t.Skipf("no Chromium here: %v", err)
	}
	const module = `export function dropBadges(document) {
  document.querySelectorAll('.badge').forEach(el => el.remove());
}
export async function absoluteHelp(document, declaration) {
  const link = document.querySelector('a.help');
  link.setAttribute('href', link.href + '#from-' + new URL(declaration.fetch).host);
}
export const renameTo = (document, [from, to]) => {
  document.querySelectorAll(from).forEach(el => { el.textContent = to; });
};`
	page := `<html><body><main><h1>Terms</h1><span class="badge">New!</span><p id="who">Quokka Ltd</p>` +
		`<a class="help" href="/help">Help</a></main><div id="by-script"></div>` +
		`<script>document.getElementById('by-script').textContent = 'page script ran';</script></body></html>`
	filters := []ScriptFilter{
		{Name: "dropBadges", Script: module},
		{Name: "absoluteHelp", Script: module},
		{Name: "renameTo", Script: module, Params: json.RawMessage(`["#who", "Quokka Inc"]`)},
	}
	out, err := b.RunFilters(context.Background(), "https://quokka.test/legal/terms", "text/html; charset=utf-8", []byte(page), filters)
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, want := range []string{`<p id="who">Quokka Inc</p>`, `href="https://quokka.test/help#from-quokka.test"`, `<div id="by-script"></div>`} {
		if !strings.Contains(html, want) {
			t.Errorf("filtered page lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "New!") {
		t.Errorf("dropBadges did not run:\n%s", html)
	}

	_, err = b.RunFilters(context.Background(), "https://quokka.test/", "text/html", []byte(page), []ScriptFilter{{Name: "missing", Script: module}})
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a filter the module does not define: err = %v", err)
	}
}
