package diff

import "testing"

// TestSignificantSharedForms checks that the significant form of lines
// read with the forms of another version's lines is the form read alone:
// a line's form does not depend on the lines around it, in a menu or not.
func TestSignificantSharedForms(t *testing.T) {
	bodies := []string{
		"| **Fee** | 5% of the sale<br>* paid monthly |\n| Refunds | within 30 days |\n\n- [Help](https://example.com/help)\n- [About](https://example.com/about)",
		"| **Fee** | 6% of the sale<br>* paid monthly |\n| Refunds | within 30 days |\n\n- [About](https://example.com/about)\n- [Help](https://example.com/help)\n\n---\n\n*",
		"Sellers must ship within **3 days**.\n\n\n| Refunds | within 30 days |",
		"",
	}
	forms := map[string]string{}
	for _, body := range bodies {
		want := splitLines(body).significant(nil)
		if got := splitLines(body).significant(forms); got != want {
			t.Errorf("significant(%q) with shared forms = %q, want %q", body, got, want)
		}
	}
}
