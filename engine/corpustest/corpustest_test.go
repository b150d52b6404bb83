package corpustest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// outcomeTB records how pairs ended the test. Fatal and Skip stop the
// calling goroutine like the real ones.
type outcomeTB struct {
	testing.TB
	outcome string
}

func (o *outcomeTB) Helper() {}
func (o *outcomeTB) Fatalf(string, ...any) {
	o.outcome = "fatal"
	runtime.Goexit()
}
func (o *outcomeTB) Skipf(string, ...any) {
	o.outcome = "skip"
	runtime.Goexit()
}

func run(t *testing.T, dir string, ci bool) (string, []Pair) {
	t.Helper()
	tb := &outcomeTB{TB: t, outcome: "returned"}
	var got []Pair
	done := make(chan struct{})
	go func() {
		defer close(done)
		got = pairs(tb, dir, ci)
	}()
	<-done
	return tb.outcome, got
}

func TestPairs(t *testing.T) {
	empty := t.TempDir()
	full := t.TempDir()
	if err := os.Mkdir(filepath.Join(full, "01-pair"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "README.md"), []byte("not a pair"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(empty, "absent")
	tests := []struct {
		name      string
		dir       string
		ci        bool
		want      string
		wantPairs int
	}{
		{"missing under CI", missing, true, "fatal", 0},
		{"missing outside CI", missing, false, "skip", 0},
		{"empty under CI", empty, true, "fatal", 0},
		{"empty outside CI", empty, false, "skip", 0},
		{"present under CI", full, true, "returned", 1},
		{"present outside CI", full, false, "returned", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ps := run(t, tt.dir, tt.ci)
			if got != tt.want || len(ps) != tt.wantPairs {
				t.Fatalf("pairs = %s with %d pairs, want %s with %d", got, len(ps), tt.want, tt.wantPairs)
			}
			if len(ps) == 1 && (ps[0].Name != "01-pair" || ps[0].Dir != filepath.Join(full, "01-pair")) {
				t.Errorf("pair = %+v", ps[0])
			}
		})
	}
}
