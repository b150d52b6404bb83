package analysis

import (
	"testing"
)

func stanceOf(t *testing.T, markdown, category string) Stance {
	t.Helper()
	for _, s := range Stances(markdown) {
		if s.Category == category {
			return s
		}
	}
	t.Fatalf("no stance for %s", category)
	return Stance{}
}

// TestStanceExamples runs every stance example of the rule files.
func TestStanceExamples(t *testing.T) {
	for _, cat := range Categories() {
		for _, v := range cat.Stance.Values {
			if len(v.Examples) == 0 {
				t.Errorf("%s stance %s: no example", cat.ID, v.ID)
			}
			for _, ex := range v.Examples {
				if got := stanceOf(t, ex, cat.ID); got.Stance != v.ID {
					t.Errorf("%s: stance %s, want %s: %q", cat.ID, got.Stance, v.ID, ex)
				}
			}
		}
	}
}

func TestStances(t *testing.T) {
	doc := `# Privacy Policy

## How we use your information

We may use your prompts and files to train our AI models. You can opt out of this use in your account settings.

## Disputes

Any dispute will be resolved by binding arbitration.
`
	ai := stanceOf(t, doc, "ai_training")
	if ai.Stance != "permits_with_opt_out" || ai.Name != "permits with opt-out" || ai.Section != "How we use your information" {
		t.Errorf("ai_training stance = %+v", ai)
	}
	if len(ai.Evidence) != 1 || ai.Evidence[0] != "We may use your prompts and files to train our AI models." {
		t.Errorf("evidence = %q", ai.Evidence)
	}
	if len(ai.Controls) != 1 || ai.Controls[0].Kind != "opt-out" || ai.Controls[0].Where != "account settings" {
		t.Errorf("controls = %+v", ai.Controls)
	}
	if arb := stanceOf(t, doc, "arbitration"); arb.Stance != "mandatory" || len(arb.Controls) != 0 {
		t.Errorf("arbitration stance = %+v", arb)
	}
	sale := stanceOf(t, doc, "data_sale")
	if sale.Stance != StanceNotStated || sale.Statement == "" || len(sale.Evidence) != 0 || sale.Controls == nil {
		t.Errorf("data_sale stance = %+v", sale)
	}
	if cw := stanceOf(t, doc, "class_action_waiver"); cw.Stance != "none" || cw.Name != "none" {
		t.Errorf("class_action_waiver stance = %+v", cw)
	}
}

// TestStancesOnlyCategoriesWithRules: categories without stance values
// are left out rather than reported as not stated.
func TestStancesOnlyCategoriesWithRules(t *testing.T) {
	for _, s := range Stances("We may terminate your account at any time.") {
		c, _ := Lookup(s.Category)
		if len(c.Stance.Values) == 0 {
			t.Errorf("stance for %s, which has no stance rules", s.Category)
		}
		if s.Category == "account_termination" {
			t.Error("account_termination has no stance rules")
		}
	}
}
