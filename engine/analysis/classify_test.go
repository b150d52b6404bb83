package analysis

import (
	"slices"
	"testing"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// How a sentence reads for one category.
const (
	states    = "states"    // the sentence states the practice
	restricts = "restricts" // "we do not …"
	prohibits = "prohibits" // forbids others to do it
	unrelated = "unrelated" // not this category at all
)

var senseNames = map[sense]string{affirmative: states, restrictive: restricts, prohibiting: prohibits}

// exampleCase is one example sentence of a rule file and how it must
// classify.
type exampleCase struct {
	cat, want, text string
}

// ruleExamples lists the example sentences of every rule file.
func ruleExamples() []exampleCase {
	var out []exampleCase
	for _, c := range Categories() {
		for _, set := range []struct {
			want  string
			texts []string
		}{{states, c.Examples.Positive}, {restricts, c.Examples.Restrictive}, {prohibits, c.Examples.Prohibiting}, {unrelated, c.Examples.Negative}} {
			for _, text := range set.texts {
				out = append(out, exampleCase{c.ID, set.want, text})
			}
		}
	}
	return out
}

// TestRuleExamples runs every example sentence of the rule files through
// the classifier: positives must state the category, restrictive ones
// limit it, negatives must not be the category at all.
func TestRuleExamples(t *testing.T) {
	c := rules()
	for ci, cat := range c.cats {
		for _, tc := range ruleExamples() {
			if tc.cat != cat.ID {
				continue
			}
			got := unrelated
			c.classifySentence(tokenize(withoutClauseTitles(tc.text)), nil, func(cat int, sn sense) {
				if cat != ci {
					return
				}
				got = senseNames[sn]
			})
			if got != tc.want {
				t.Errorf("%s: got %s, want %s: %q", tc.cat, got, tc.want, tc.text)
			}
		}
	}
}

// TestRuleExamplesCoverEveryCategory keeps the rule files honest: every
// category has positive and negative examples.
func TestRuleExamplesCoverEveryCategory(t *testing.T) {
	for _, cat := range Categories() {
		ex := cat.Examples
		if len(ex.Positive) < 3 || len(ex.Negative) < 2 {
			t.Errorf("%s: %d positive and %d negative examples; want at least 3 and 2", cat.ID, len(ex.Positive), len(ex.Negative))
		}
		if cat.Negatable && len(ex.Restrictive) < 2 {
			t.Errorf("%s: negatable but only %d restrictive examples", cat.ID, len(ex.Restrictive))
		}
	}
}

// boilerplate sentences state no provision at all.
var boilerplate = []string{
	"These Terms of Service govern your access to and use of the services provided by Example.",
	"By using the Services you agree to these Terms.",
	"You must provide accurate information when you create an account.",
	"You are responsible for all activity that occurs under your account and for keeping your password confidential.",
	"Our Privacy Statement explains how we collect and use personal data.",
	"We process personal data only as described in the Privacy Statement and as permitted by applicable law.",
	"You may stop using the Services at any time.",
	"We may update these Terms from time to time and will post the new version on this page.",
	"If any provision of these Terms is found unenforceable, the remaining provisions remain in effect.",
	"Contact us at legal@example.com with any questions.",
}

func TestClassifyBoilerplate(t *testing.T) {
	c := rules()
	for _, text := range boilerplate {
		c.classifySentence(tokenize(withoutClauseTitles(text)), nil, func(cat int, sn sense) {
			t.Errorf("%q classified as %s (%s)", text, c.cats[cat].ID, senseNames[sn])
		})
	}
}

func TestRulesLoad(t *testing.T) {
	if err := LoadRules(); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"ai_training", "data_sharing", "data_sale", "ad_personalization", "biometric_data",
		"contact_scanning", "data_retention", "arbitration", "class_action_waiver", "children_data", "location_data",
		"content_license", "account_termination", "governing_law", "opt_out", "consent", "law_enforcement", "data_transfer"} {
		if _, ok := Lookup(id); !ok {
			t.Errorf("contract category %s missing", id)
		}
	}
}

func TestParsePhraseErrors(t *testing.T) {
	for _, bad := range []string{"", "~2 word", "word ~2", "ab*", "wo-rd", "word ~x"} {
		if _, err := parsePhrase(bad); err == nil {
			t.Errorf("parsePhrase(%q) accepted", bad)
		}
	}
}

func TestNegationScope(t *testing.T) {
	tests := []struct {
		text string
		word string
		want bool
	}{
		{"We do not sell your data", "sell", true},
		{"We do not sell your data, but we share it with partners", "share", false},
		{"If you do not opt out, we may use your content to train models", "train", false},
		{"If you do not opt out, we may use your content to train models", "opt", false},
		{"We sell data, including but not limited to identifiers", "sell", false},
		{"We never, under any circumstances, sell your data", "sell", true},
		{"We will delete it no later than 30 days after closure", "delete", false},
		{"We do not sell your data and we share it with partners", "share", false},
		// A leading concession ends at its comma: its negation stays in
		// it, and still negates what it says.
		{"While we do not sell your data, we share it with partners", "share", false},
		{"While we do not sell your data, we share it with partners", "sell", true},
		{"Although we never rent your address, we may disclose it to couriers", "disclose", false},
		{"Except as this page says, we do not pass your data to anyone", "pass", true},
		{"Whereas photos stay private, we never publish your messages", "publish", true},
	}
	for _, tt := range tests {
		s := tokenize(tt.text)
		pos := -1
		for i, w := range s.words {
			if w == tt.word {
				pos = i
				break
			}
		}
		if pos < 0 {
			t.Fatalf("%q not in %q", tt.word, tt.text)
		}
		if got := s.negated(pos, pos+1); got != tt.want {
			t.Errorf("negated(%q in %q) = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// TestSentencesByParagraph: splitting a body paragraph by paragraph gives
// exactly diff.Sentences of the whole body.
func TestSentencesByParagraph(t *testing.T) {
	bodies := []string{
		"",
		"One sentence.",
		"First. Second\ncontinues here.\n\nThird paragraph.\n   \nFourth after a blank line of spaces.\n",
		"\n\nLeading blank lines. Then text.\n\n\n",
		"- item one\n- item two\n\n| a | b |\n|---|---|\n| c | d |\n\n---\nAfter a rule.",
		"No trailing newline\nat all",
	}
	for _, body := range bodies {
		want := diff.Sentences(body)
		got, starts := newMemo().split.SentenceStarts(body)
		if !slices.Equal(got, want) || len(starts) != len(got) {
			t.Errorf("SentenceStarts(%q) = %q, %v, want %q", body, got, starts, want)
		}
	}
}

// TestSectionEntries: a heading naming a category's topic makes its list
// entries statements of the category, unless it also names what the
// category's sections_except phrases leave out ("Your choices and rights"
// lists rights that are no opt-out); an entry that states the practice in
// its own words still does.
func TestSectionEntries(t *testing.T) {
	for entry, want := range map[[2]string]bool{
		{"Your choices", "Marketing e-mails from our travel partners"}:                                       true,
		{"Your choices and rights", "Access: you may request a copy of the personal data we hold about you"}: false,
		{"Your choices and rights", "You can opt out of marketing e-mails in your settings"}:                 true,
	} {
		heading, item := entry[0], entry[1]
		old := "# Policy\n\n## " + heading + "\n\n* Cookie settings in your browser\n\nFees are due each month.\n"
		new := "# Policy\n\n## " + heading + "\n\n* Cookie settings in your browser\n* " + item + "\n\nFees are due each week.\n"
		r := Analyze(old, new)
		if got := slices.ContainsFunc(r.Provisions, func(p Provision) bool { return p.Category == "opt_out" }); got != want {
			t.Errorf("%q under %q: opt_out found = %v, want %v (provisions %+v)", item, heading, got, want, r.Provisions)
		}
	}
}
