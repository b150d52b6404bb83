package diff

import (
	"slices"
	"strings"
	"testing"
)

// materialityBase is a short policy written for these tests. Each case
// replaces one piece of it.
const materialityBase = `# Privacy Policy of Brightloop

Brightloop ("we") runs the Brightloop app. This policy explains what Brightloop collects.

## 1. Information We Collect

We collect your name, e-mail address and biometric data such as face geometry when you use photo filters.
We collect information about kids only with parental consent.
Users must be at least 13 years old to create an account.

## 2. How We Share Information

We do not sell your personal information.
We may share information with service providers who process it for us.
We keep your information for 30 days after you delete your account.

## 3. Your Choices

- You can opt out of personalised advertising in Settings.
- You can delete your account at any time.

## 4. Contact Us

If you have questions about this policy, write to us at Brightloop Inc., 1200 Harbor Street, Suite 400, Portland, OR 97201, or e-mail privacy@brightloop.example.
You can also call us at +1 (503) 555-0142.
`

func TestMaterialityTable(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // replaced in materialityBase; old must occur
		want     string
		reason   string
	}{
		// Editorial.
		{"one-letter typo inside biometric", "biometric data", "biomteric data", Editorial, ReasonSpelling},
		{"kits corrected to kids", "about kids", "about kits", Editorial, ReasonSpelling},
		{"two misspellings in one sentence", "service providers who process", "servise provders who process", Editorial, ReasonSpelling},
		{"heading capitalised", "## 3. Your Choices", "## 3. YOUR CHOICES", Editorial, ""},
		{"heading punctuation", "## 4. Contact Us", "## 4. Contact Us:", Editorial, ReasonPunctuation},
		{"misspelt heading", "## 2. How We Share Information", "## 2. How We Share Infromation", Editorial, ReasonSpelling},
		{"punctuation in a sentence", "e-mail address and biometric", "e-mail address, and biometric", Editorial, ReasonPunctuation},
		{"case in a sentence", "We do not sell your personal information.", "We do not sell your Personal Information.", Editorial, ReasonPunctuation},
		{"bullets to numbers", "- You can opt out", "1. You can opt out", Editorial, ReasonPunctuation},
		{"duplicated sentence added", "We do not sell your personal information.", "We do not sell your personal information. We do not sell your personal information.", Editorial, ReasonDuplicate},
		{"duplicated word removed", "We keep your information", "We keep your your information", Editorial, ReasonDuplicate},
		{"e-mail address changed", "privacy@brightloop.example", "dpo@brightloop.example", Editorial, ReasonContact},
		{"phone number changed", "+1 (503) 555-0142", "+1 (971) 555-0199", Editorial, ReasonContact},
		{"postal address changed", "1200 Harbor Street, Suite 400, Portland, OR 97201", "77 Pine Avenue, Floor 3, Seattle, WA 98101", Editorial, ReasonContact},
		{"contact form link changed", "e-mail privacy@brightloop.example.", "e-mail privacy@brightloop.example or use our [contact form](https://brightloop.example/contact).", Editorial, ReasonContact},
		{"contact sentence added", "You can also call us", "You can reach our Data Protection Officer at dpo@brightloop.example. You can also call us", Editorial, ReasonContact},
		{"words joined", "e-mail address", "email address", Editorial, ""},
		{"link target changed", "privacy@brightloop.example.", "privacy@brightloop.example or use our [contact form](https://brightloop.example/contact).", Editorial, ""},
		{"update date changed", "## 4. Contact Us", "Updated on 2 March 2026 for clarity.\n\n## 4. Contact Us", Substantive, ""},
		{"version stamp changed", "## 4. Contact Us", "Version 20190429\n\n## 4. Contact Us", Editorial, ReasonPunctuation},
		{"heading alone added", "## 4. Contact Us", "## Summary\n\n## 4. Contact Us", Editorial, ReasonPunctuation},
		{"UK postal address", "1200 Harbor Street, Suite 400, Portland, OR 97201", "c/o Skadden LLP, 22 Bishopsgate, London EC2N 4BQ", Editorial, ReasonContact},

		// Substantive.
		{"negation removed", "We do not sell", "We do sell", Substantive, ""},
		{"negation added", "We may share information", "We may not share information", Substantive, ""},
		{"may becomes will", "We may share", "We will share", Substantive, ""},
		{"age changed", "at least 13 years", "at least 16 years", Substantive, ""},
		{"days changed", "for 30 days", "for 90 days", Substantive, ""},
		{"number word changed", "for 30 days", "for forty days", Substantive, ""},
		{"sell for tell", "We do not sell", "We do not tell", Substantive, ""},
		{"opt out to opt in", "opt out of", "opt in to", Substantive, ""},
		{"lawful prefix", "with parental consent.", "with parental consent. Processing is lawful.", Substantive, ""},
		{"sentence added", "We keep your information", "We share your location with advertisers. We keep your information", Substantive, ""},
		{"sentence removed", "We collect information about kids only with parental consent.\n", "", Substantive, ""},
		{"word replaced", "face geometry", "voice prints", Substantive, ""},
		{"partner named once", "with service providers", "with Acme Analytics", Substantive, ""},
		{"retention in contact sentence", "You can also call us at +1 (503) 555-0142.", "You can also call us at +1 (503) 555-0142. We answer within 30 days.", Substantive, ""},
		{"may removed", "We may share information", "We share information", Substantive, ""},
		{"date of deletion changed", "for 30 days after", "until May 21, 2027 after", Substantive, ""},
		{"end date changed", "We keep your information for 30 days", "We keep your information until May 21, 2027. We keep your information for 30 days", Substantive, ""},
		{"section added", "## 4. Contact Us", "## 4. Advertising\n\nWe show ads based on your activity.\n\n## 5. Contact Us", Substantive, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(materialityBase, tt.old) {
				t.Fatalf("base lacks %q", tt.old)
			}
			newDoc := strings.Replace(materialityBase, tt.old, tt.new, 1)
			res := Compare(materialityBase, newDoc)
			if !res.Changed {
				t.Fatalf("Changed = false; the case must differ beyond noise")
			}
			if res.Materiality != tt.want {
				t.Fatalf("Materiality = %q (%v), want %q", res.Materiality, res.Editorial, tt.want)
			}
			if tt.reason != "" && !slices.Contains(res.Editorial, tt.reason) {
				t.Errorf("Editorial = %v, want it to include %q", res.Editorial, tt.reason)
			}
			back := Compare(newDoc, materialityBase)
			if back.Materiality != tt.want {
				t.Errorf("reversed: Materiality = %q (%v), want %q", back.Materiality, back.Editorial, tt.want)
			}
		})
	}
}

func TestMaterialityRename(t *testing.T) {
	renamed := strings.ReplaceAll(materialityBase, "Brightloop", "Lumen")
	res := Compare(materialityBase, renamed)
	if res.Materiality != Editorial || !slices.Contains(res.Editorial, ReasonRename) {
		t.Fatalf("rename: Materiality = %q (%v), want editorial rename", res.Materiality, res.Editorial)
	}
	// Renaming only some mentions is not a consistent substitution.
	partial := strings.Replace(materialityBase, "Brightloop collects", "Lumen collects", 1)
	if res := Compare(materialityBase, partial); res.Materiality != Substantive {
		t.Errorf("partial rename: Materiality = %q (%v), want substantive", res.Materiality, res.Editorial)
	}
}

// A figure replaced wherever it occurs is no rename: an age or a period
// changed in every sentence that states it changes what the policy says,
// while a clause renumbered wherever it is cited is editorial.
func TestMaterialityFigureReplacedThroughout(t *testing.T) {
	base := materialityBase + "\nUsers under the age of 13 need a parent's consent, and we delete the data of users under 13 on request.\n" +
		"We may suspend your account under Article 15.4.\nArticle 15.4 lists the grounds.\n"
	for _, tt := range []struct{ old, new, want string }{
		{"13", "16", Substantive},
		{"30", "90", Substantive},
		{"15.4", "14.4", Editorial},
	} {
		changed := strings.ReplaceAll(base, tt.old, tt.new)
		if res := Compare(base, changed); res.Materiality != tt.want {
			t.Errorf("%s replaced by %s throughout: Materiality = %q (%v), want %q", tt.old, tt.new, res.Materiality, res.Editorial, tt.want)
		}
	}
}

func TestMaterialityRemovedDuplicateParagraph(t *testing.T) {
	para := "\nWe may share information with service providers who process it for us.\n"
	doubled := strings.Replace(materialityBase, "\n## 3. Your Choices", para+"\n## 3. Your Choices", 1)
	for _, pair := range [][2]string{{doubled, materialityBase}, {materialityBase, doubled}} {
		if res := Compare(pair[0], pair[1]); res.Materiality != Editorial || !slices.Contains(res.Editorial, ReasonDuplicate) {
			t.Errorf("Materiality = %q (%v), want editorial duplicate", res.Materiality, res.Editorial)
		}
	}
}

func TestMaterialityUnchanged(t *testing.T) {
	res := Compare(materialityBase, materialityBase+"\n")
	if res.Changed || res.Materiality != "" {
		t.Errorf("noise: Changed = %v, Materiality = %q; want no change and no materiality", res.Changed, res.Materiality)
	}
}

func TestTypo(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"biometric", "biomteric", true},
		{"kids", "kits", true},
		{"receive", "recieve", true},
		{"teh", "the", true},
		{"necessary", "neccessary", true},
		{"lawful", "unlawful", false},
		{"careful", "careless", false},
		{"not", "now", false},
		{"may", "way", false},
		{"sell", "tell", false},
		{"public", "publish", false},
		{"13", "18", false},
		{"data", "dates", false},
	}
	for _, tt := range tests {
		if got := typo(tt.a, tt.b); got != tt.want {
			t.Errorf("typo(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMaterialityMovedIsSubstantive(t *testing.T) {
	sentence := "We do not sell your personal information.\n"
	moved := strings.Replace(strings.Replace(materialityBase, sentence, "", 1),
		"- You can delete your account at any time.\n", "- You can delete your account at any time.\n\n"+sentence, 1)
	for name, doc := range map[string]string{"sentence moved": moved, "sections reordered": reorderSections(materialityBase)} {
		if res := Compare(materialityBase, doc); !res.Changed || res.Materiality != Substantive {
			t.Errorf("%s: Changed = %v, Materiality = %q (%v), want substantive", name, res.Changed, res.Materiality, res.Editorial)
		}
	}
}

// reorderSections swaps sections 2 and 3 of the base.
func reorderSections(doc string) string {
	i, j, k := strings.Index(doc, "## 2."), strings.Index(doc, "## 3."), strings.Index(doc, "## 4.")
	return doc[:i] + doc[j:k] + "\n" + doc[i:j] + doc[k:]
}

func TestMaterialityTableOfContents(t *testing.T) {
	toc := "- Information We Collect\n- How We Share Information\n- Your Choices\n\n## 1. Information We Collect"
	withTOC := strings.Replace(materialityBase, "## 1. Information We Collect", toc, 1)
	for _, pair := range [][2]string{{materialityBase, withTOC}, {withTOC, materialityBase}} {
		if res := Compare(pair[0], pair[1]); res.Materiality != Editorial {
			t.Errorf("table of contents: Materiality = %q, want editorial", res.Materiality)
		}
	}
	notTOC := strings.Replace(materialityBase, "## 1. Information We Collect", "- Information We Collect\n- We sell your data\n\n## 1. Information We Collect", 1)
	if res := Compare(materialityBase, notTOC); res.Materiality != Substantive {
		t.Errorf("a list that is not a table of contents: Materiality = %q, want substantive", res.Materiality)
	}
}

func TestAlnumCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Section 12: we keep data.", 19},
		{"z Z a A 0 9 @ [ ` {", 6},
		{"Données à caractère personnel", 26},
		{"契約 ２０２４", 6},
		{"\xff\xfeok", 2},
	}
	for _, tt := range tests {
		if got := alnumCount(tt.in); got != tt.want {
			t.Errorf("alnumCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// A title whose bold pieces were glued ("**Brightloop****Privacy
// Policy**") and are now set apart by a space shows the same words: the
// space is formatting, whether the title is the first heading or not.
func TestMaterialityGluedEmphasisSplit(t *testing.T) {
	tests := []struct{ name, glued, spaced string }{
		{"setext title", "**Brightloop.app****Privacy Policy**\n===", "**Brightloop.app** **Privacy Policy**\n==="},
		{"atx heading", "## **Your****Choices**", "## **Your** **Choices**"},
		{"in a sentence", "We do not sell **your****personal information**.", "We do not sell **your** **personal information**."},
	}
	body := strings.TrimPrefix(materialityBase, "# Privacy Policy of Brightloop\n")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oldDoc := strings.Replace(materialityBase, "## 3. Your Choices", "## 3. Your Choices\n\n"+tt.glued, 1)
			if tt.name == "setext title" {
				oldDoc = tt.glued + "\n" + body
			}
			newDoc := strings.Replace(oldDoc, tt.glued, tt.spaced, 1)
			for _, pair := range [][2]string{{oldDoc, newDoc}, {newDoc, oldDoc}} {
				res := Compare(pair[0], pair[1])
				if res.Changed && res.Materiality != Editorial {
					t.Fatalf("Materiality = %q (%v), want editorial or no change", res.Materiality, res.Editorial)
				}
			}
		})
	}
}
