package analysis

import "testing"

func FuzzAnalyze(f *testing.F) {
	f.Add(policy, policy)
	f.Add("We do not sell your data.", "We sell your data, unless you opt out.")
	f.Add("", "If you do not, and, never: we ~ train* models")
	f.Fuzz(func(t *testing.T, a, b string) {
		r1, r2 := Analyze(a, b), Analyze(a, b)
		if !sameJSON(t, r1, r2) {
			t.Fatal("Analyze is not deterministic")
		}
		if r := Analyze(a, a); r.Changed || len(r.Provisions) > 0 {
			t.Fatal("Analyze(a, a) reports a change")
		}
		for _, p := range r1.Provisions {
			if !p.Severity.Valid() || p.Regulations == nil {
				t.Fatalf("bad provision %+v", p)
			}
		}
	})
}
