package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in a fresh data directory and returns the
// exit code and both outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("CLAUSEWATCH_DATA_DIR", dir)
	t.Setenv("DATABASE_URL", "sqlite://"+filepath.Join(dir, "cw.db"))
	t.Setenv("REDIS_URL", "")
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"worker needs shared redis", []string{"worker"}, 2, "REDIS_URL"},
		{"scheduler needs shared redis", []string{"scheduler"}, 2, "REDIS_URL"},
		{"serve --no-worker needs shared redis", []string{"serve", "--no-worker"}, 2, "REDIS_URL"},
		{"check without target", []string{"check"}, 2, "usage"},
		{"check bad id", []string{"check", "abc"}, 2, "positive number"},
		{"check unknown document", []string{"check", "999"}, 2, "no document 999"},
		{"migrate bad action", []string{"migrate", "sideways"}, 2, "unknown migrate action"},
		{"extract missing file", []string{"extract", "/nonexistent.html"}, 2, "read /nonexistent.html"},
		{"extract bad selector", []string{"extract", "x.html", "--select", "div["}, 2, "div["},
		{"analyze one file", []string{"analyze", "a.md"}, 2, "usage"},
		{"catalogue import missing", []string{"catalogue", "import", "/nonexistent"}, 2, "nonexistent"},
		{"user staff unknown", []string{"user", "staff", "nobody@example.com"}, 2, "no user"},
		{"bad flag", []string{"check", "--frob"}, 2, "frob"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.want)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("reason is not one line: %q", errOut)
			}
		})
	}
}

func TestMigrateStatusAndHelp(t *testing.T) {
	code, out, errOut := runCLI(t, "migrate", "up")
	if code != 0 {
		t.Fatalf("migrate up: %d %s", code, errOut)
	}
	if !strings.Contains(out, "applied") {
		t.Errorf("migrate up said %q", out)
	}
	code, out, _ = runCLI(t, "help")
	if code != 0 || !strings.Contains(out, "catalogue") || !strings.Contains(out, "demo") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestExtractAndAnalyzeFiles(t *testing.T) {
	dir := t.TempDir()
	oldHTML := `<html><body><nav>Menu</nav><main><h1>Terms</h1><p>Last updated: May 1, 2026</p><h2>Data</h2><p>We do not sell your personal data.</p></main></body></html>`
	newHTML := `<html><body><nav>Other menu</nav><main><h1>Terms</h1><p>Last updated: June 1, 2026</p><h2>Data</h2><p>We sell your personal data to advertising partners.</p></main></body></html>`
	oldPath, newPath := filepath.Join(dir, "old.html"), filepath.Join(dir, "new.html")
	if err := os.WriteFile(oldPath, []byte(oldHTML), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(newPath, []byte(newHTML), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "extract", oldPath, "--select", "main")
	if code != 0 || !strings.Contains(out, "We do not sell your personal data.") || strings.Contains(out, "Menu") {
		t.Fatalf("extract: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "extract", oldPath, "--select", "article.none")
	if code != 2 || !strings.Contains(errOut, "selector") {
		t.Fatalf("selector miss: %d %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "analyze", oldPath, newPath, "--select", "main", "--format", "json")
	if code != 0 {
		t.Fatalf("analyze: %d %s", code, errOut)
	}
	var report struct {
		Changed    bool `json:"changed"`
		Provisions []struct {
			Category string `json:"category"`
			Change   string `json:"change"`
		} `json:"provisions"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("analyze output is not JSON: %v\n%s", err, out)
	}
	found := false
	for _, p := range report.Provisions {
		found = found || p.Category == "data_sale"
	}
	if !report.Changed || !found {
		t.Errorf("analysis missed the sale of data: %s", out)
	}
	// The same document again: noise only.
	code, out, _ = runCLI(t, "analyze", oldPath, oldPath, "--select", "main", "--format", "json")
	if code != 0 || !strings.Contains(out, `"changed": false`) {
		t.Errorf("self-compare: %d %s", code, out)
	}
}

func TestCatalogueImportAndCheckJSON(t *testing.T) {
	site := newTestSite()
	defer site.Close()
	dir := t.TempDir()
	decl := `{"name": "Acme Cloud", "terms": {"Terms of Service": {"fetch": "` + site.URL + `/terms", "select": "main"}}}`
	bad := `{"name": "Broken", "terms": {"Terms of Service": {"fetch": "", "select": "main"}}}`
	if err := os.WriteFile(filepath.Join(dir, "acme.json"), []byte(decl), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CLAUSEWATCH_DATA_DIR", dir)
	t.Setenv("DATABASE_URL", "sqlite://"+filepath.Join(dir, "cw.db"))
	t.Setenv("REDIS_URL", "")
	t.Setenv("CLAUSEWATCH_FETCH_ALLOW_PRIVATE", "true")
	var out, errOut bytes.Buffer
	if code := Run([]string{"catalogue", "import", filepath.Join(dir, "acme.json")}, &out, &errOut); code != 0 {
		t.Fatalf("import: %d %s", code, errOut.String())
	}
	badPath := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(badPath, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	if code := Run([]string{"catalogue", "import", badPath}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "broken.json") {
		t.Fatalf("bad declaration: %d %q", code, errOut.String())
	}
	for round, want := range []struct{ versions, changes int }{{1, 0}, {0, 0}, {1, 1}} {
		if round == 2 {
			site.setClause("We sell your personal data to advertising partners.")
		}
		out.Reset()
		errOut.Reset()
		if code := Run([]string{"check", "--all", "--format", "json"}, &out, &errOut); code != 0 {
			t.Fatalf("round %d: check exited %d: %s", round, code, errOut.String())
		}
		var sum checkSummary
		if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
			t.Fatalf("round %d: not JSON: %v %q", round, err, out.String())
		}
		if sum.Documents != 1 || sum.Versions != want.versions || sum.Changes != want.changes || sum.Failed != 0 {
			t.Errorf("round %d: %+v, want %+v", round, sum, want)
		}
	}
}
