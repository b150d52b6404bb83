package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCatalogueImportReportsEveryRefusal(t *testing.T) {
	decls := t.TempDir()
	writeFiles(t, decls, map[string]string{
		"Quokka.json":         `{"name": "Quokka", "terms": {"Terms of Service": {"fetch": "https://quokka.test/tos", "select": ["main", ".terms"]}, "Privacy Policy": {"fetch": "https://quokka.test/privacy", "filter": ["hideCookieBar"]}, "Imprint": {"fetch": "https://quokka.test/imprint", "filter": ["hideBanner"]}}}`,
		"Quokka.history.json": `{"Terms of Service": [{"fetch": "https://quokka.test/old", "select": "#old", "validUntil": "2024-01-01T00:00:00Z"}]}`,
		"Quokka.filters.js":   `export function hideBanner(document) {}`,
		"Retired.json":        `{"name": "Retired", "terms": {}}`,
		"Broken.json":         `{"name": "Broken", "terms": {"Terms of Service": {"fetch": ""}}}`,
	})
	dir := t.TempDir()
	t.Setenv("CLAUSEWATCH_DATA_DIR", dir)
	t.Setenv("DATABASE_URL", "sqlite://"+filepath.Join(dir, "cw.db"))
	t.Setenv("REDIS_URL", "")
	var out, errOut bytes.Buffer
	if code := Run([]string{"catalogue", "import", decls}, &out, &errOut); code != 0 {
		t.Fatalf("an import that mostly succeeded exited %d: %s", code, errOut.String())
	}
	if !strings.HasPrefix(out.String(), "imported 2 platforms: 2 documents created, 0 updated, 0 retired, 0 technical upgrades\n") {
		t.Errorf("stdout = %q", out.String())
	}
	for _, want := range []string{
		`warning: refused Broken.json: terms["Terms of Service"].fetch: empty URL`,
		`warning: refused Quokka.json: terms["Privacy Policy"].filter: JavaScript filter "hideCookieBar": Quokka.filters.js does not export it; document not imported`,
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
	if n := strings.Count(errOut.String(), "warning: "); n != 2 {
		t.Errorf("%d warnings, want 2:\n%s", n, errOut.String())
	}

	// One file: the singular, and the retired document named.
	writeFiles(t, decls, map[string]string{"Quokka.json": `{"name": "Quokka", "terms": {}}`})
	out.Reset()
	errOut.Reset()
	if code := Run([]string{"catalogue", "import", filepath.Join(decls, "Quokka.json")}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	want := "imported 1 platform: 0 documents created, 0 updated, 2 retired, 0 technical upgrades\n" +
		"quokka: Imprint retired (no longer declared; its versions are kept and it is no longer checked)\n" +
		"quokka: Terms of Service retired (no longer declared; its versions are kept and it is no longer checked)\n"
	if out.String() != want {
		t.Errorf("stdout = %q\nwant %q", out.String(), want)
	}

	for file, say := range map[string]string{
		"Quokka.history.json": "an Open Terms Archive history file (the past rules of Quokka.json), not a declaration",
		"Quokka.filters.js":   "an Open Terms Archive file of JavaScript filters for Quokka.json, not a declaration",
	} {
		errOut.Reset()
		if code := Run([]string{"catalogue", "import", filepath.Join(decls, file)}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), say) {
			t.Errorf("import %s: exit %d, stderr %q; want 2 and %q", file, code, errOut.String(), say)
		}
	}
}

func TestExtractFileOptions(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"page.html": `<html><body><nav>Menu</nav><h2 id="a">Scope</h2><p>See <a href="/help?lang=en">help</a>.</p><h2 id="b">Law</h2><p>Swiss law.</p><footer>Foot</footer></body></html>`,
		"logo.png":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
		"blob":      "\x00\x01\x02\x03\xff\xfe binary",
		"data.json": `{"terms": "not a page"}`,
	})
	page := filepath.Join(dir, "page.html")
	tests := []struct {
		name string
		args []string
		code int
		out  string // stdout, when code is 0
		err  string // in stderr otherwise
	}{
		{"url makes links absolute", []string{page, "--url", "https://quokka.test/legal/terms", "--select", "p"}, 0, "See [help](https://quokka.test/help?lang=en).\n\nSwiss law.\n", ""},
		{"without url links stay relative", []string{page, "--select", "p"}, 0, "See [help](/help?lang=en).\n\nSwiss law.\n", ""},
		{"range select", []string{page, "--select", `{"startAfter": "#a", "endBefore": "#b"}`}, 0, "See [help](/help?lang=en).\n", ""},
		{"range remove", []string{page, "--remove", `{"startBefore": "#a", "endBefore": "#b"}`, "--remove", "nav, footer"}, 0, "## Law\n\nSwiss law.\n", ""},
		{"range with unknown key", []string{page, "--select", `{"from": "#a", "endBefore": "#b"}`}, 2, "", `unknown field "from"`},
		{"range without start", []string{page, "--select", `{"endBefore": "#b"}`}, 2, "", "exactly one of startBefore and startAfter"},
		{"list keeps what matches", []string{page, "--select", "#gone", "--select", "#b"}, 0, "## Law\n", ""},
		{"relative --url", []string{page, "--url", "/terms"}, 2, "", "want an absolute http or https URL"},
		{"png", []string{filepath.Join(dir, "logo.png")}, 2, "", "logo.png is image/png, not an HTML, PDF, text or Markdown document"},
		{"binary", []string{filepath.Join(dir, "blob")}, 2, "", "blob is application/octet-stream, not an HTML"},
		{"json", []string{filepath.Join(dir, "data.json")}, 2, "", "data.json is application/json, not an HTML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, append([]string{"extract"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, stderr %q; want %d", code, errOut, tt.code)
			}
			if tt.code == 0 && out != tt.out {
				t.Errorf("stdout = %q\nwant %q", out, tt.out)
			}
			if tt.code != 0 && !strings.Contains(errOut, tt.err) {
				t.Errorf("stderr = %q, want %q", errOut, tt.err)
			}
		})
	}
}
