package analysis

import (
	"encoding/json"
	"strings"
	"testing"
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
		name string
		new  string
		want expectation
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
			name: "ai training restriction added",
			new:  edit("to provide and improve the Services.", "to provide and improve the Services. We do not use your content to train AI models."),
			want: expectation{Changed: true, MaxSeverity: "low"},
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
			name: "typo fixed in a provision",
			new:  edit("by clicking the unsubscribe link", "by clicking the unsubscibe link"),
			want: expectation{Changed: true, MaxSeverity: "low"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(policy, tt.new)
			checkReport(t, r, tt.want)
			if again := Analyze(policy, tt.new); !sameJSON(t, r, again) {
				t.Error("Analyze is not deterministic")
			}
		})
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
