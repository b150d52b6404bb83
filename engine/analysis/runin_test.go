package analysis

import "testing"

// TestRunInTitle: a run-in title added, reworded or dropped over an entry
// whose own sentences state the category changes nothing; a title that
// alone names the category of its entry, or a sentence of the entry that
// changed, still does.
func TestRunInTitle(t *testing.T) {
	body := "We share your information with hosting providers that store it on our behalf."
	frBody := "Nous partageons vos données avec nos prestataires d'hébergement qui les stockent pour notre compte."
	tests := []struct {
		name, old, new, category string
		changed                  bool
	}{
		{"a title added over the entry", "* " + body, "* **Service Partners.** " + body, "data_sharing", false},
		{"a title reworded", "* **Vendors.** " + body, "* **Third-Party Partners.** " + body, "data_sharing", false},
		{"a French title added", "* " + frBody, "* **Partenaires tiers.** " + frBody, "data_sharing", false},
		{"the entry's sentence changed", "* **Partners.** " + body, "* **Partners.** We share your information with hosting providers and advertisers.", "data_sharing", true},
		{"a title that alone names the category", "* **Other.** We never do this.", "* **Sale of personal data.** We never do this.", "data_sale", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := func(entry string) string {
				return "# Privacy\n\n## How we share your information\n\nWe explain our practices below.\n\n" + entry + "\n"
			}
			checkChanged(t, page(tt.old), page(tt.new), tt.category, tt.changed)
		})
	}
}
