package analysis

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/diff"
)

const policy = `# Privacy Policy

Last updated: January 5, 2024

This policy explains how Example collects and uses personal data.

## Information we collect

We collect your name, email address and usage information.

## How we use information

We use information to provide and improve the Services.

## Sharing

We do not sell your personal information.

## Your choices

You can opt out of marketing emails by clicking the unsubscribe link.

## Contact

Contact us at privacy@example.com.
`

// edit returns policy with one replacement applied.
func edit(old, new string) string {
	if !strings.Contains(policy, old) {
		panic("edit: text not in policy: " + old)
	}
	return strings.Replace(policy, old, new, 1)
}

func TestAnalyzeChanges(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // old defaults to policy
		want     expectation
	}{
		{
			name: "noise only",
			new:  strings.ReplaceAll(edit("January 5, 2024", "2024-06-30"), "We collect", "We  collect"),
			want: expectation{Changed: false},
		},
		{
			name: "ai training on prompts added",
			new:  edit("to provide and improve the Services.", "to provide and improve the Services. We may use your prompts and chats to train our AI models."),
			want: expectation{Changed: true, MustInclude: [][]string{{"ai_training", "added"}}, MinSeverity: "high"},
		},
		{
			// A commitment not to do it is a change of the category too,
			// and a reassuring one.
			name: "ai training restriction added",
			new:  edit("to provide and improve the Services.", "to provide and improve the Services. We do not use your content to train AI models."),
			want: expectation{Changed: true, MustInclude: [][]string{{"ai_training", "added"}}, MaxSeverity: "low"},
		},
		{
			name: "sale introduced over a restriction",
			new:  edit("We do not sell your personal information.", "We sell your personal information to data brokers."),
			want: expectation{Changed: true, MustInclude: [][]string{{"data_sale", "added"}}, MayInclude: []string{"data_sharing"}, MinSeverity: "high"},
		},
		{
			name: "no-sale commitment dropped",
			new:  edit("We do not sell your personal information.", "We work with trusted companies."),
			want: expectation{Changed: true, MustInclude: [][]string{{"data_sale", "modified"}}, MinSeverity: "medium"},
		},
		{
			name: "opt-out removed",
			new:  edit("You can opt out of marketing emails by clicking the unsubscribe link.", "We send marketing emails."),
			want: expectation{Changed: true, MustInclude: [][]string{{"opt_out", "removed"}}, MinSeverity: "high"},
		},
		{
			name: "location tracking added as a new section",
			new:  policy + "\n## Location\n\nWe collect precise location from your device, even when the app is closed.\n",
			want: expectation{Changed: true, MustInclude: [][]string{{"location_data", "added"}}, MinSeverity: "high"},
		},
		{
			name: "arbitration and waiver added",
			new:  policy + "\n## Disputes\n\nAll disputes will be resolved by binding arbitration on an individual basis; class actions and class arbitrations are not permitted.\n",
			want: expectation{Changed: true, MustInclude: [][]string{{"arbitration", "added"}, {"class_action_waiver", "added"}}, MinSeverity: "high"},
		},
		{
			name: "transfer to the US added",
			new:  edit("We collect your name", "Your data may be transferred to the United States. We collect your name"),
			want: expectation{Changed: true, MustInclude: [][]string{{"data_transfer", "added"}}, MinSeverity: "medium"},
		},
		{
			name: "sections reordered only",
			new: strings.Replace(edit("## Sharing\n\nWe do not sell your personal information.\n\n", ""),
				"## Contact", "## Sharing\n\nWe do not sell your personal information.\n\n## Contact", 1),
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
		{
			name: "developers forbidden to train AI on the data",
			new: edit("to provide and improve the Services.",
				"to provide and improve the Services. Developers may not use data obtained through our API to train machine learning models."),
			want: expectation{Changed: true, MustInclude: [][]string{{"ai_training", "added"}}, MaxSeverity: "medium"},
		},
		{
			name: "one of two retention statements dropped",
			new: strings.Replace(edit("We use information to provide and improve the Services.",
				"We use information to provide and improve the Services. We keep logs for 90 days."),
				"## Contact", "## Retention\n\nWe keep your information for as long as your account is active.\n\n## Contact", 1),
			want: expectation{Changed: true, MustInclude: [][]string{{"data_retention", "added"}}, MayInclude: []string{"account_termination"}},
		},
		{
			// A new statement beside one already there adds a provision.
			name: "second AI training statement added",
			old:  edit("to provide and improve the Services.", "to provide and improve the Services. We use your public posts to train our AI models."),
			new: edit("to provide and improve the Services.", "to provide and improve the Services. We use your public posts to train our AI models.") +
				"\n## Assistant\n\nWe may also use your prompts to train our AI models.\n",
			want: expectation{Changed: true, MustInclude: [][]string{{"ai_training", "added"}}},
		},
		{
			// A statement reworded so that it no longer matches the cues is
			// a modified provision, not a removed one.
			name: "retention statement reworded",
			old: edit("to provide and improve the Services.",
				"to provide and improve the Services. We keep your information for as long as your account is active. We keep logs for 90 days."),
			new: edit("to provide and improve the Services.",
				"to provide and improve the Services. We keep your information for as long as your account is active. We hold on to server logs for 90 days after your visit."),
			want: expectation{Changed: true, MustInclude: [][]string{{"data_retention", "modified"}}},
		},
		{
			name: "ads and children in one sentence",
			new: edit("to provide and improve the Services.",
				"to provide and improve the Services. We show personalized ads to users under 16 only with parental consent."),
			want: expectation{Changed: true, MustInclude: [][]string{{"ad_personalization", "added"}, {"children_data", "added"}}, MayInclude: []string{"consent"}},
		},
		{
			name: "AI training on public posts",
			new: edit("to provide and improve the Services.",
				"to provide and improve the Services. We may use your public posts and photos to train our AI models."),
			want: expectation{Changed: true, MustInclude: [][]string{{"ai_training", "added"}}, MinSeverity: "high"},
		},
		{
			name: "GPS promise reversed",
			old:  edit("We collect your name", "We do not use GPS to locate your device. We collect your name"),
			new:  edit("We collect your name", "We use GPS to determine the location of your device. We collect your name"),
			want: expectation{Changed: true, MustInclude: [][]string{{"location_data", "added"}}, MinSeverity: "high"},
		},
		{
			name: "AI training plans no longer put off",
			old:  edit("We collect your name", "We are delaying our plans to use this information to train our AI models. We collect your name"),
			new:  edit("We collect your name", "We will use this information to develop and improve our generative AI models. We collect your name"),
			want: expectation{Changed: true, MustInclude: [][]string{{"ai_training", "added"}}, MinSeverity: "high"},
		},
		{
			name: "minimum age raised",
			old:  edit("We collect your name", "You must be at least 13 years old to use the Services. We collect your name"),
			new:  edit("We collect your name", "You must be at least 18 years old to use the Services. We collect your name"),
			want: expectation{Changed: true, MustInclude: [][]string{{"children_data", "modified"}}, MinSeverity: "medium"},
		},
		{
			name: "commercial permission is not privacy consent",
			new: edit("to provide and improve the Services.",
				"to provide and improve the Services. You may not assign these Terms without our prior written consent."),
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
		{
			name: "sharing for cross-context advertising",
			new: edit("to provide and improve the Services.",
				"to provide and improve the Services. We share your personal information with advertising partners for cross-context behavioral advertising."),
			want: expectation{Changed: true, MustInclude: [][]string{{"data_sale", "added"}}, MayInclude: []string{"data_sharing", "ad_personalization"}, MinSeverity: "high"},
		},
		{
			name: "case and punctuation changed in a provision",
			new:  edit("We do not sell your personal information.", "We do NOT sell your personal-information!"),
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
		{
			name: "sub-processor dropped from a list",
			old:  policy + "\n## List of sub-processors\n\nWe use these services:\n\n* Acme Cloud: hosting.\n* Beta Mail: sending e-mails.\n",
			new:  policy + "\n## List of sub-processors\n\nWe use these services:\n\n* Acme Cloud: hosting.\n",
			want: expectation{Changed: true, MustInclude: [][]string{{"data_sharing", "modified"}}},
		},
		{
			// An entry of a list of recipients names one without a verb of
			// sharing: the heading says what the list is.
			name: "sub-processor replaced in a list",
			old:  policy + "\n## List of sub-processors\n\nWe use these services:\n\n* Acme Cloud: hosting.\n* Beta Mail: sending e-mails.\n",
			new:  policy + "\n## List of sub-processors\n\nWe use these services:\n\n* Acme Cloud: hosting.\n* Gamma Post: sending e-mails.\n",
			want: expectation{Changed: true, MustInclude: [][]string{{"data_sharing", "modified"}}},
		},
		{
			// A heading repaired in front of a sentence moves it out of the
			// retention section; retention itself did not change.
			name: "sentence moved out of a retention section",
			old:  policy + "\n## Data retention\n\n* Logs: 90 days.\n* Questions: our privacy team.\n",
			new:  policy + "\n## Data retention\n\n* Logs: 90 days.\n\n## Questions\n\n* Questions: our privacy team.\n",
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
		{
			// A whole sentence under a topic heading is read by its own
			// words: this one says nothing of sharing.
			name: "sentence reworded under a sharing heading",
			old:  policy + "\n## How we share information\n\nWe care about your privacy.\n",
			new:  policy + "\n## How we share information\n\nWe care deeply about the privacy of every member.\n",
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
		{
			name: "article added in a provision",
			new:  edit("by clicking the unsubscribe link", "by clicking an unsubscribe link"),
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
		{
			name: "typo fixed in a provision",
			new:  edit("by clicking the unsubscribe link", "by clicking the unsubscibe link"),
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := cmp.Or(tt.old, policy)
			r := Analyze(old, tt.new)
			checkReport(t, r, tt.want)
			checkEvidenceChanged(t, old, tt.new, r)
			if again := Analyze(old, tt.new); !sameJSON(t, r, again) {
				t.Error("Analyze is not deterministic")
			}
		})
	}
}

// checkEvidenceChanged: the evidence of every provision is a sentence
// that one version has and the other lacks.
func checkEvidenceChanged(t *testing.T, oldText, newText string, r Report) {
	t.Helper()
	oldS, newS := sentenceSet(oldText), sentenceSet(newText)
	for _, p := range r.Provisions {
		if oldS[p.Evidence] == newS[p.Evidence] {
			t.Errorf("%s %s: evidence %q did not change", p.Category, p.Change, p.Evidence)
		}
	}
}

func sentenceSet(markdown string) map[string]bool {
	set := map[string]bool{}
	for _, part := range diff.Parse(markdown) {
		for _, s := range diff.Sentences(part.Body) {
			set[s] = true
		}
	}
	return set
}

// TestAnalyzeEvidenceIsAChangedSentence: when a category's statements
// only lose one, that statement was removed, and the evidence is the one
// that went, not one that stayed.
func TestAnalyzeEvidenceIsAChangedSentence(t *testing.T) {
	base := edit("We use information to provide and improve the Services.",
		"We use information to provide and improve the Services. We keep your information for as long as your account is active. We keep logs for 90 days.")
	r := Analyze(base, strings.Replace(base, " We keep logs for 90 days.", "", 1))
	if len(r.Provisions) != 1 || r.Provisions[0].Category != "data_retention" || r.Provisions[0].Change != ChangeRemoved ||
		r.Provisions[0].Evidence != "We keep logs for 90 days." {
		t.Fatalf("provisions = %+v", r.Provisions)
	}
}

// TestAnalyzeOldEvidenceIsNotASentenceThatStayed: a subheading "General"
// added to the fees section is paired with the old "General" section,
// whose sentences stay in the new version under another heading. The new
// no-refund sentence rewords none of them: no sentence that stayed is
// quoted as what it replaced.
func TestAnalyzeOldEvidenceIsNotASentenceThatStayed(t *testing.T) {
	const waiver = "No waiver of any term of these terms shall be deemed a further waiver of that term or of any other term."
	old := "# Terms of Service\n\n## 10. Fees and Billing\n\nYou agree to pay all fees when due according to the billing terms. We do not provide cash refunds.\n\n" +
		"## 20. Termination\n\nWe may suspend or terminate your account if you breach these terms.\n\n" +
		"## 30. General\n\n" + waiver + " These terms are the entire agreement between you and us.\n"
	new := strings.Replace(strings.Replace(old, "## 30. General", "## 30. Miscellaneous", 1),
		"You agree to pay all fees when due according to the billing terms. We do not provide cash refunds.",
		"**General**\n\nYou agree to pay all fees when due according to the billing terms. We do not provide cash refunds. "+
			"If we terminate your account because of a breach of these terms, you shall not be entitled to any refund of the fees.", 1)
	r := Analyze(old, new)
	for _, p := range r.Provisions {
		if p.OldEvidence == waiver || p.Evidence == waiver {
			t.Fatalf("%s quotes a sentence that stayed: %+v", p.Category, p)
		}
	}
	if !slices.ContainsFunc(r.Provisions, func(p Provision) bool {
		return p.Category == "account_termination" && strings.HasPrefix(p.Evidence, "If we terminate your account")
	}) {
		t.Fatalf("provisions = %+v, want account_termination quoting the new sentence", r.Provisions)
	}
}

// TestAnalyzeRulesOut: a new prohibition, stated in one sentence or as
// an item under a lead-in that forbids, is reported as ruling the
// practice out; a new statement of the practice is not.
func TestAnalyzeRulesOut(t *testing.T) {
	tests := []struct {
		name, added, cat string
		want             bool
	}{
		{"prohibition in one sentence", "Developers may not use data obtained through our API to train machine learning models.", "ai_training", true},
		{"prohibition over a list", "When you use our API, you may not:\n\n- resell the data;\n- use the data to train machine learning models.\n", "ai_training", true},
		{"new commitment", "We do not use your content to train AI models.", "ai_training", true},
		{"practice", "We may use your prompts and chats to train our AI models.", "ai_training", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(policy, edit("to provide and improve the Services.", "to provide and improve the Services.\n\n"+tt.added))
			for _, p := range r.Provisions {
				if p.Category == tt.cat {
					if p.RulesOut != tt.want {
						t.Errorf("%s %s: RulesOut = %v, want %v", p.Category, p.Change, p.RulesOut, tt.want)
					}
					return
				}
			}
			t.Errorf("no %s provision in %+v", tt.cat, r.Provisions)
		})
	}
}

// TestAnalyzeReaderLimitBesidePractice: a new limit on the reader of
// developer terms, worded as a commitment not to do it, beside a
// statement of the practice that stays, is a new duty: a change, not
// nothing.
func TestAnalyzeReaderLimitBesidePractice(t *testing.T) {
	const practice = "We use your public posts to train our AI models."
	tests := []struct {
		name, added string
		want        Severity
	}{
		{"you and your app", "You and your app will never use the exported data to train AI models.", SeverityMedium},
		{"a rule in the imperative", "Don't use the exported data to train AI models.", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := edit("to provide and improve the Services.", "to provide and improve the Services.\n\n"+practice)
			r := Analyze(old, edit("to provide and improve the Services.", "to provide and improve the Services.\n\n"+practice+"\n\n"+tt.added))
			for _, p := range r.Provisions {
				if p.Category == "ai_training" {
					if p.Change != ChangeModified || !p.RulesOut || p.Severity != tt.want || p.Evidence != tt.added {
						t.Errorf("got %s %s RulesOut=%v %q, want modified %s ruling it out, quoting the new sentence", p.Change, p.Severity, p.RulesOut, p.Evidence, tt.want)
					}
					return
				}
			}
			t.Errorf("no ai_training provision in %+v", r.Provisions)
		})
	}
}

func TestAnalyzeSummarySaysProhibited(t *testing.T) {
	r := Analyze(policy, edit("to provide and improve the Services.",
		"to provide and improve the Services. You must not use the Services to train artificial intelligence models on member data."))
	if !strings.Contains(r.Summary, "AI training prohibited") {
		t.Errorf("summary = %q", r.Summary)
	}
	r = Analyze(policy, edit("to provide and improve the Services.",
		"to provide and improve the Services. We do not use your content to train AI models."))
	if !strings.Contains(r.Summary, "AI training restricted") || HighestSeverity(r.Provisions) != SeverityLow {
		t.Errorf("summary = %q, provisions %+v", r.Summary, r.Provisions)
	}
}

func TestAnalyzeMovedSectionSummary(t *testing.T) {
	moved := edit("## Sharing\n\nWe do not sell your personal information.\n\n", "") + "\n## Sharing\n\nWe do not sell your personal information.\n"
	r := Analyze(policy, moved)
	if len(r.Provisions) != 0 {
		t.Errorf("moved section produced provisions: %+v", r.Provisions)
	}
	if r.Summary != `Section "Sharing" moved.` {
		t.Errorf("summary = %q", r.Summary)
	}
}

func TestAnalyzeSummaryAndEvidence(t *testing.T) {
	r := Analyze(policy, edit("We do not sell your personal information.", "We sell your personal information to data brokers."))
	if !strings.HasPrefix(r.Summary, "Sale of personal data added") {
		t.Errorf("summary = %q", r.Summary)
	}
	p := r.Provisions[0]
	if p.Category != "data_sale" || p.Evidence != "We sell your personal information to data brokers." ||
		p.OldEvidence != "We do not sell your personal information." || p.Section != "Sharing" {
		t.Errorf("provision = %+v", p)
	}
	if len(p.Regulations) == 0 || !strings.Contains(strings.Join(p.Regulations, ","), "CCPA/CPRA §1798.120") {
		t.Errorf("regulations = %v", p.Regulations)
	}
	text := r.Text()
	for _, want := range []string{"Summary: Sale of personal data added", "[high] Sale of personal data added", "what to do:", "[modified] Sharing"} {
		if !strings.Contains(text, want) {
			t.Errorf("Text() lacks %q:\n%s", want, text)
		}
	}
}

func TestAnalyzeJSONShape(t *testing.T) {
	b, err := json.Marshal(Analyze(policy, policy))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"changed":false,"summary":"No substantive change","stats":{"added_words":0,"removed_words":0,"sections_changed":0},"sections":[],"provisions":[]}`
	if string(b) != want {
		t.Errorf("json = %s\nwant  %s", b, want)
	}
	b, err = json.Marshal(Analyze(policy, edit("We collect your name", "We collect your precise location, your name")))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"heading":"Information we collect"`, `"kind":"modified"`, `"added":[`, `"removed":[`, `"category":"location_data"`, `"change":"added"`, `"regulations":[`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("json lacks %s: %s", key, b)
		}
	}
	if strings.Contains(string(b), "Ops") || strings.Contains(string(b), "null") {
		t.Errorf("json leaks internal fields or nulls: %s", b)
	}
}

func TestClassify(t *testing.T) {
	ps := Classify(policy + "\nWe share your information with advertising partners. We retain logs for 18 months.\n")
	var got []string
	for _, p := range ps {
		got = append(got, p.Category)
		if p.Change != "" || p.Evidence == "" || len(p.Regulations) == 0 {
			t.Errorf("bad provision %+v", p)
		}
	}
	// "We do not sell" is a restriction, not a data_sale provision.
	want := "data_sharing,data_retention,opt_out"
	if strings.Join(got, ",") != want {
		t.Errorf("categories = %v, want %s", got, want)
	}
}

func sameJSON(t *testing.T, a, b Report) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(ja) == string(jb)
}

// provisionCategories returns the categories of provisions, in their
// order.
func provisionCategories(ps []Provision) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Category)
	}
	return out
}
