package diff

import (
	"reflect"
	"testing"
)

func FuzzCompare(f *testing.F) {
	f.Add(base, base)
	f.Add(base, "# Other\n\ntext")
	f.Add("", "## A\n\nx")
	f.Add("**bold**\n\n# \n\n##\n```\n# x\n", "Setext\n===\n\n- a. B\n| x | y |")
	f.Add("Last updated: March 1, 2023\n\nA. B. C.", "Effective 2024-01-01\n\nA.  B. C.")
	f.Fuzz(func(t *testing.T, a, b string) {
		r1 := Compare(a, b)
		r2 := Compare(a, b)
		if !reflect.DeepEqual(r1, r2) {
			t.Fatal("Compare is not deterministic")
		}
		if Compare(a, a).Changed {
			t.Fatal("Compare(a, a).Changed")
		}
		if got, want := Significant(a), joinParts(newIndexer().index(Parse(a))); got != want {
			t.Fatalf("Significant = %q, the parts Compare prepares join to %q", got, want)
		}
		// Both versions prepared by one indexer, as Compare prepares
		// them, share the forms of the lines they have in common.
		x := newIndexer()
		if pa, pb := x.index(Parse(a)), x.index(Parse(b)); joinParts(pa) != Significant(a) || joinParts(pb) != Significant(b) {
			t.Fatal("the parts of two versions prepared together join to another form than Significant")
		}
		if r1.Changed != (Significant(a) != Significant(b)) {
			t.Fatal("Changed disagrees with Significant")
		}
		if r1.Stats.SectionsChanged != len(r1.Sections) {
			t.Fatal("stats disagree with sections")
		}
	})
}
