package diff

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/corpustest"
)

const base = `# Terms of Service

Last updated: March 1, 2023

These Terms govern your use of the Services. By using the Services you agree to these Terms.

## 1. Your Account

You must provide accurate information. You are responsible for your account.

## 2. Your Content

You retain ownership of your content. We host it to provide the Services.

## 3. Privacy

Our Privacy Statement explains how we use personal data.

## 4. Governing Law

These Terms are governed by the laws of California.
`

func TestCompareNoise(t *testing.T) {
	tests := []struct {
		name string
		new  string
	}{
		{"identical", base},
		{"date", strings.Replace(base, "March 1, 2023", "April 12, 2024", 1)},
		{"date numeric", strings.Replace(base, "March 1, 2023", "2024-04-12", 1)},
		{"bold date label", strings.Replace(base, "Last updated: March 1, 2023", "**Last updated:** 12 April 2024", 1)},
		{"effective date", strings.Replace(base, "Last updated: March 1, 2023", "Effective date: 1 May 2024", 1) + ""},
		{"double spaces", strings.ReplaceAll(base, "You must", "You  must")},
		{"wrapping", strings.Replace(base, "You must provide accurate information. You are", "You must provide\naccurate information.\nYou are", 1)},
		{"curly quotes and nbsp", strings.ReplaceAll(base, "Terms govern", "Terms\u00a0govern")},
		{"blank lines", strings.ReplaceAll(base, "\n\n", "\n\n\n")},
		{"trailing spaces and CRLF", strings.ReplaceAll(base, "\n", "  \r\n")},
		{"heading level", strings.Replace(base, "## 3. Privacy", "### 3. Privacy", 1)},
		{"emphasis", strings.Replace(base, "retain ownership", "**retain ownership**", 1)},
		{"zero width", strings.Replace(base, "Privacy Statement", "Privacy\u200b Statement", 1)},
		{"dash variant", strings.Replace(base, "laws of California.", "laws of California - USA.", 1)},
		{"emphasis before punctuation", strings.Replace(base, "personal data.", "**personal data**.", 1)},
		// A parenthesis glued to the word or link before it, and two
		// emphases closed and opened with no space between, where the
		// other version has a space: the words are the same.
		{"space before a parenthesis", strings.Replace(base, "Our Privacy Statement explains", "Our [Privacy Statement](https://example.com/privacy)(the Statement) explains", 1)},
		{"space before a parenthesis on a line that opens with one", strings.Replace(base, "Our Privacy Statement explains", "(a) Our Privacy Statement(the Statement) explains", 1)},
		{"emphases glued", strings.Replace(base, "You retain ownership", "**You****retain** ownership", 1)},
		{"parentheses escaped in a link target", strings.Replace(base, "Our Privacy Statement explains", "Our [Privacy Statement](javascript:void\\(0\\);) explains", 1)},
		{"emphases glued in a heading", strings.Replace(base, "# Terms of Service\n", "**Example.com****Terms of Service**\n===\n", 1)},
		{"roman heading numbers", strings.NewReplacer("## 1. ", "## I. ", "## 2. ", "## II. ", "## 3. ", "## III. ", "## 4. ", "## IV. ").Replace(base)},
		{"unnumbered headings", strings.NewReplacer("## 1. ", "## ", "## 2. ", "## Section 2 ", "## 3. ", "## 3) ").Replace(base)},
		{"copyright year", base + "\n© 2024 Example, Inc.\n"},
		{"copyright years with a full-width dash", base + "\n© 2022\uff0d2026 Example, Inc.\n"},
		{"navigation reordered", strings.Replace(base, "# Terms of Service\n", "- [Terms](/terms)\n- [Home](/)\n\n- [Privacy](/privacy)\n\n# Terms of Service\n", 1)},
	}
	// The dash case compares two variants of the same edited text.
	dashOld := strings.Replace(base, "laws of California.", "laws of California \u2013 USA.", 1)
	// Cases whose old side is a variant rather than base.
	variants := map[string]string{
		"space before a parenthesis":                               strings.Replace(base, "Our Privacy Statement explains", "Our [Privacy Statement](https://example.com/privacy) (the Statement) explains", 1),
		"space before a parenthesis on a line that opens with one": strings.Replace(base, "Our Privacy Statement explains", "(a) Our Privacy Statement (the Statement) explains", 1),
		"emphases glued":                         strings.Replace(base, "You retain ownership", "**You** **retain** ownership", 1),
		"parentheses escaped in a link target":   strings.Replace(base, "Our Privacy Statement explains", "Our [Privacy Statement](javascript:void(0);) explains", 1),
		"emphases glued in a heading":            strings.Replace(base, "# Terms of Service\n", "**Example.com** **Terms of Service**\n====\n", 1),
		"copyright year":                         base + "\n© 2019–2023 Example, Inc.\n",
		"copyright years with a full-width dash": base + "\n© 2022\uff0d2025 Example, Inc.\n",
		"navigation reordered":                   strings.Replace(base, "# Terms of Service\n", "- [Home](/)\n- [Privacy](/privacy)\n- [Terms](/terms)\n\n# Terms of Service\n", 1),
		"dash variant":                           dashOld,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := base
			if v, ok := variants[tt.name]; ok {
				old = v
			}
			if effective := strings.Replace(old, "Last updated: March 1, 2023", "Effective date: 3 March 2023", 1); tt.name == "effective date" {
				old = effective
			}
			res := Compare(old, tt.new)
			if res.Changed || len(res.Sections) != 0 || res.Stats != (Stats{}) {
				t.Fatalf("noise reported as change: %+v", res)
			}
			if Significant(old) != Significant(tt.new) {
				t.Fatalf("Significant differs:\n%q\n%q", Significant(old), Significant(tt.new))
			}
		})
	}
}

func TestSignificantKeepsRealChanges(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"reworded heading", "## 3. Privacy\n\nText.\n", "## 3. Personal data\n\nText.\n"},
		{"copyright holder", "© 2024 Example, Inc.\n", "© 2024 Other, Inc.\n"},
		{"year in a provision", "We keep copyright notices from 2023 onwards.\n", "We keep copyright notices from 2024 onwards.\n"},
		{"ordinary list reordered", "- We sell data.\n- We do not share data.\n", "- We do not share data.\n- We sell data.\n"},
		{"link target changed", "- [Privacy](/privacy)\n- [Terms](/terms)\n", "- [Privacy](/privacy-2)\n- [Terms](/terms)\n"},
		{"dash against a word", "Fees -- paid monthly.\n", "Fees paid monthly.\n"},
		{"words split by a space", "Fees are paid month ly.\n", "Fees are paid monthly.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if Significant(tt.old) == Significant(tt.new) {
				t.Errorf("%q and %q compare equal", tt.old, tt.new)
			}
		})
	}
}

func TestSignificantKeepsRealDates(t *testing.T) {
	a := "We delete your data by March 1, 2024."
	b := "We delete your data by March 1, 2025."
	if Significant(a) == Significant(b) {
		t.Fatal("a date inside a provision was dropped")
	}
	if Significant("The fee is 10.") == Significant("The fee is 12.") {
		t.Fatal("number change dropped")
	}
}

func TestCompareSections(t *testing.T) {
	moved := strings.Replace(base, "## 3. Privacy\n\nOur Privacy Statement explains how we use personal data.\n\n", "", 1)
	moved = strings.Replace(moved, "## 1. Your Account", "## 3. Privacy\n\nOur Privacy Statement explains how we use personal data.\n\n## 1. Your Account", 1)

	tests := []struct {
		name      string
		new       string
		want      []Section // Heading, Kind, Added, Removed compared
		wantStats Stats
	}{
		{
			name:      "sentence added",
			new:       strings.Replace(base, "We host it to provide the Services.", "We host it to provide the Services. We may use it to train models.", 1),
			want:      []Section{{Heading: "2. Your Content", Kind: KindModified, Added: []string{"We may use it to train models."}, Removed: []string{}}},
			wantStats: Stats{AddedWords: 7, SectionsChanged: 1},
		},
		{
			name: "sentence reworded",
			new:  strings.Replace(base, "governed by the laws of California.", "governed by the laws of Ireland.", 1),
			want: []Section{{Heading: "4. Governing Law", Kind: KindModified,
				Added:   []string{"These Terms are governed by the laws of Ireland."},
				Removed: []string{"These Terms are governed by the laws of California."}}},
			wantStats: Stats{AddedWords: 1, RemovedWords: 1, SectionsChanged: 1},
		},
		{
			name: "section added",
			new:  base + "\n## 5. Arbitration\n\nDisputes go to binding arbitration. You waive class actions.\n",
			want: []Section{{Heading: "5. Arbitration", Kind: KindAdded,
				Added: []string{"Disputes go to binding arbitration.", "You waive class actions."}, Removed: []string{}}},
			wantStats: Stats{AddedWords: 9, SectionsChanged: 1},
		},
		{
			name: "section removed",
			new:  strings.Replace(base, "## 3. Privacy\n\nOur Privacy Statement explains how we use personal data.\n\n", "", 1),
			want: []Section{{Heading: "3. Privacy", Kind: KindRemoved, Added: []string{},
				Removed: []string{"Our Privacy Statement explains how we use personal data."}}},
			wantStats: Stats{RemovedWords: 9, SectionsChanged: 1},
		},
		{
			name:      "section moved",
			new:       moved,
			want:      []Section{{Heading: "3. Privacy", Kind: KindMoved, Added: []string{}, Removed: []string{}}},
			wantStats: Stats{SectionsChanged: 1},
		},
		{
			name: "section renamed and extended",
			new: strings.Replace(base, "## 4. Governing Law\n\nThese Terms are governed by the laws of California.",
				"## 4. Governing Law and Disputes\n\nThese Terms are governed by the laws of California. Disputes go to arbitration.", 1),
			want: []Section{{Heading: "4. Governing Law and Disputes", Kind: KindModified,
				Added: []string{"Disputes go to arbitration."}, Removed: []string{}}},
			wantStats: Stats{AddedWords: 4, SectionsChanged: 1},
		},
		{
			name: "renumbered after insertion",
			new: strings.NewReplacer("## 2. Your Content", "## 2. Payments\n\nYou pay the fees.\n\n## 3. Your Content",
				"## 3. Privacy", "## 4. Privacy", "## 4. Governing Law", "## 5. Governing Law").Replace(base),
			want:      []Section{{Heading: "2. Payments", Kind: KindAdded, Added: []string{"You pay the fees."}, Removed: []string{}}},
			wantStats: Stats{AddedWords: 4, SectionsChanged: 1},
		},
		{
			name:      "preamble changed",
			new:       strings.Replace(base, "# Terms of Service\n", "Welcome to Example.\n\n# Terms of Service\n", 1),
			want:      []Section{{Heading: "", Kind: KindAdded, Added: []string{"Welcome to Example."}, Removed: []string{}}},
			wantStats: Stats{AddedWords: 3, SectionsChanged: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(base, tt.new)
			if !res.Changed {
				t.Fatal("Changed = false")
			}
			got := make([]Section, len(res.Sections))
			for i, s := range res.Sections {
				got[i] = Section{Heading: s.Heading, Kind: s.Kind, Added: s.Added, Removed: s.Removed}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sections:\n got %#v\nwant %#v", got, tt.want)
			}
			if res.Stats != tt.wantStats {
				t.Errorf("stats = %+v, want %+v", res.Stats, tt.wantStats)
			}
		})
	}
}

func TestCompareOpsRebuildText(t *testing.T) {
	old := "## A\n\nOne two three four five six.\n"
	new := "## A\n\nOne two 3 four six seven.\n"
	res := Compare(old, new)
	if len(res.Sections) != 1 {
		t.Fatalf("sections = %d", len(res.Sections))
	}
	var oldText, newText []string
	for _, op := range res.Sections[0].Ops {
		if op.Kind != OpInsert {
			oldText = append(oldText, op.Text)
		}
		if op.Kind != OpDelete {
			newText = append(newText, op.Text)
		}
	}
	if got := strings.Join(oldText, " "); got != "One two three four five six." {
		t.Errorf("old side = %q", got)
	}
	if got := strings.Join(newText, " "); got != "One two 3 four six seven." {
		t.Errorf("new side = %q", got)
	}
	if res.Stats.AddedWords != 3 || res.Stats.RemovedWords != 3 { // "six." became "six"
		t.Errorf("stats = %+v", res.Stats)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One sentence. Another one!", []string{"One sentence.", "Another one!"}},
		{"See e.g. Section 4 of the U.S. rules. Next.", []string{"See e.g. Section 4 of the U.S. rules.", "Next."}},
		{"Read our [Privacy Policy](https://x.test/p). It is **short**.", []string{"Read our Privacy Policy.", "It is short."}},
		{"- first item\n- second item. With two sentences.", []string{"first item", "second item.", "With two sentences."}},
		{"| Data | Purpose |\n|---|---|\n| Email | Login |", []string{"Data; Purpose", "Email; Login"}},
		{"Wrapped\nparagraph text.\n\nNew paragraph.", []string{"Wrapped paragraph text.", "New paragraph."}},
		{"\u201cQuoted\u201d text.", []string{`"Quoted" text.`}},
		{"Mr. Smith signed. J. Doe too.", []string{"Mr. Smith signed.", "J. Doe too."}},
		{"As defined in 28 C.F.R. Part 202 and 15 U.S.C. Section 45. Next.", []string{"As defined in 28 C.F.R. Part 202 and 15 U.S.C. Section 45.", "Next."}},
		{"Our office is in Washington D.C. We reply within a week.", []string{"Our office is in Washington D.C. We reply within a week."}},
		{"Read the FAQ. Then write to us.", []string{"Read the FAQ.", "Then write to us."}},
		{"Grundlage ist Art. 6 Abs. 1 lit. a DSGVO, z. B. für Werbung. Wir speichern Daten bzw. Inhalte ggf. länger. Ende.",
			[]string{"Grundlage ist Art. 6 Abs. 1 lit. a DSGVO, z. B. für Werbung.", "Wir speichern Daten bzw. Inhalte ggf. länger.", "Ende."}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	md := "Intro text.\n\n# Title\n\nBody.\n\n**1. Bold Heading**\n\nMore.\n\nSetext\n------\n\nLast.\n\n```\n# not a heading\n```\n"
	var got []string
	for _, p := range Parse(md) {
		got = append(got, p.Heading)
	}
	want := []string{"", "Title", "1. Bold Heading", "Setext"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("headings = %q, want %q", got, want)
	}
}

func TestHeadingKey(t *testing.T) {
	for in, want := range map[string]string{
		"5. Governing Law":           "governing law",
		"Section 12 - Governing Law": "governing law",
		"IV. Governing Law":          "governing law",
		"b) Civil Claims":            "civil claims",
		"Civil Claims":               "civil claims",
	} {
		if got := headingKey(in); got != want {
			t.Errorf("headingKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCorpusNoise runs the shared corpus pairs: noise-only pairs must not
// change, the others must.
func TestCorpusNoise(t *testing.T) {
	for _, p := range corpustest.Pairs(t) {
		t.Run(p.Name, func(t *testing.T) {
			old, err := os.ReadFile(filepath.Join(p.Dir, "old.md"))
			if err != nil {
				t.Fatal(err)
			}
			new, err := os.ReadFile(filepath.Join(p.Dir, "new.md"))
			if err != nil {
				t.Fatal(err)
			}
			res := Compare(string(old), string(new))
			wantChanged := !strings.Contains(p.Name, "noise-only")
			if res.Changed != wantChanged {
				t.Errorf("Changed = %v, want %v", res.Changed, wantChanged)
			}
			if res.Changed && len(res.Sections) == 0 {
				t.Error("changed but no section reported")
			}
		})
	}
}

// A bullet typed as a character before the items of a list is layout, as
// the Markdown "- " is; the words after it still count.
func TestSignificantTypedBullets(t *testing.T) {
	const old = "Nous appliquons les textes suivants :\n\n• le règlement européen,\n• les lois locales.\n"
	tests := []struct {
		name, new string
		same      bool
	}{
		{"bullets dropped", "Nous appliquons les textes suivants :\n\nle règlement européen,\nles lois locales.\n", true},
		{"bullets become Markdown", "Nous appliquons les textes suivants :\n\n- le règlement européen,\n- les lois locales.\n", true},
		{"an item dropped with its bullet", "Nous appliquons les textes suivants :\n\n• le règlement européen.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if same := Significant(old) == Significant(tt.new); same != tt.same {
				t.Fatalf("same = %v, want %v\n%q\n%q", same, tt.same, Significant(old), Significant(tt.new))
			}
		})
	}
}
