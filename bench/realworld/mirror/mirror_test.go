package mirror

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPairs builds a small versions repository: two documents, one of
// them changed twice, plus a file outside any service directory.
func TestPairs(t *testing.T) {
	dir := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	write := func(path, text string) {
		t.Helper()
		full := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(msg string) string {
		t.Helper()
		git("add", "-A")
		git("commit", "-q", "-m", msg)
		return git("rev-parse", "HEAD")[:40]
	}
	git("init", "-q")
	write("Acme/Privacy Policy.md", "We collect your name.\n")
	write("Acme/Terms of Service.md", "Be nice.\n")
	write("README.md", "versions\n")
	c1 := commit("first")
	write("Acme/Privacy Policy.md", "We collect your name and e-mail.\n")
	c2 := commit("second")
	write("Acme/Privacy Policy.md", "We collect your name and e-mail address.\n")
	write("README.md", "versions of documents\n")
	c3 := commit("third")

	m := Mirror{Dir: filepath.Join(dir, ".git")}
	pairs, err := m.Pairs()
	if err != nil {
		t.Fatal(err)
	}
	want := []Pair{
		{Path: "Acme/Privacy Policy.md", Old: c1, New: c2, Added: 1, Deleted: 1},
		{Path: "Acme/Privacy Policy.md", Old: c2, New: c3, Added: 1, Deleted: 1},
	}
	if len(pairs) != len(want) {
		t.Fatalf("got %d pairs, want %d: %+v", len(pairs), len(want), pairs)
	}
	for i, p := range pairs {
		p.Date = ""
		if p != want[i] {
			t.Errorf("pair %d = %+v, want %+v", i, p, want[i])
		}
	}
	text, err := m.Show(c2, "Acme/Privacy Policy.md")
	if err != nil || text != "We collect your name and e-mail.\n" {
		t.Errorf("Show = %q, %v", text, err)
	}
	if _, err := m.Show(c1, "Acme/Missing.md"); err == nil {
		t.Error("Show of a missing file: want an error")
	}
}

func TestPath(t *testing.T) {
	if got := Path("/m", "OpenTermsArchive/dating-versions"); got != "/m/OpenTermsArchive+dating-versions/repo" {
		t.Errorf("Path = %q", got)
	}
}
