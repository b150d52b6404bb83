package app

import (
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/diff"
)

func words(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }

func TestTrimContext(t *testing.T) {
	long := words(diffContextWords, "a") + " " + words(100, "m") + " " + words(diffContextWords, "z")
	tests := []struct {
		name          string
		text          string
		before, after bool
		want          string
	}{
		{"short run kept", "we sell data", true, true, "we sell data"},
		{"between two changes", long, true, true, words(diffContextWords, "a") + " … " + words(diffContextWords, "z")},
		{"before the first change", long, false, true, "… " + words(diffContextWords, "z")},
		{"after the last change", long, true, false, words(diffContextWords, "a") + " …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimContext(tt.text, tt.before, tt.after); got != tt.want {
				t.Errorf("trimContext = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDiffViewSplitsSides(t *testing.T) {
	r := diff.Compare("# T\n\n## Data\n\nWe do not sell your data.\n", "# T\n\n## Data\n\nWe sell your data to partners.\n")
	v := newDiffView(r, false)
	if len(v.Sections) != 1 {
		t.Fatalf("sections = %+v", v.Sections)
	}
	s := v.Sections[0]
	for _, op := range s.Old {
		if op.Kind == diff.OpInsert {
			t.Errorf("old side has an insert: %+v", s.Old)
		}
	}
	for _, op := range s.New {
		if op.Kind == diff.OpDelete {
			t.Errorf("new side has a delete: %+v", s.New)
		}
	}
	if len(s.Inline) != len(s.Old)+len(s.New)-countKind(s.Inline, diff.OpEqual) {
		t.Errorf("inline %d runs, old %d, new %d", len(s.Inline), len(s.Old), len(s.New))
	}
	if countKind(s.Inline, diff.OpInsert) == 0 || countKind(s.Inline, diff.OpDelete) == 0 {
		t.Errorf("inline = %+v", s.Inline)
	}
}

func countKind(ops []opView, kind string) int {
	n := 0
	for _, op := range ops {
		if op.Kind == kind {
			n++
		}
	}
	return n
}
