package analysis

import (
	"strings"
	"testing"
)

// TestLeadInGovernsItems: the items of a list take their sense from the
// lead-in that forbids or rules them out, and only while the list lasts.
func TestLeadInGovernsItems(t *testing.T) {
	tests := []struct {
		name, markdown, item, cat, want string
	}{
		{"prohibition over numbered items",
			"## Restrictions\n\nCustomer will not, and will not permit its end users to, do any of the following:\n\n4.1 copy the output;\n\n4.2 use the output to train or improve any machine learning models;\n",
			"use the output to train", "ai_training", prohibits},
		{"prohibition over bullets",
			"## Data\n\nYou are strictly prohibited from using this data for the following purposes:\n\n*   Advertising or personalization purposes, including the serving of targeted ads\n*   Analytics\n",
			"targeted ads", "ad_personalization", prohibits},
		{"platform's own commitment",
			"## AI\n\nWe will never:\n\n- use your private messages to train our AI models;\n- sell your data.\n",
			"private messages", "ai_training", restricts},
		{"exceptions are what is allowed",
			"## AI\n\nWe do not use your content to train models, except:\n\n- public posts may be used to train our AI models;\n",
			"public posts", "ai_training", states},
		{"an address block after a lead-in is no list",
			"## Disputes\n\nYou may not bring claims in court against us, and disputes go to the mediators below:\n\nCentre for Dispute Resolution\nLondon\n\nWe use your public posts to train our AI models.\n",
			"public posts", "ai_training", states},
		{"an item after the lead-in item's own list",
			"## Rules\n\nWe do not allow:\n\n* Sharing imagery that meets these conditions:\n    * Lack of consent is indicated by any of these signals:\n        * a report from the person\n* Offering services that create such imagery\n",
			"Offering services", "consent", unrelated},
		{"the list has ended",
			"## AI\n\nYou may not:\n\n- scrape the service;\n\nWe use your public posts to train our AI models.\n",
			"public posts", "ai_training", states},
		{"items state the lead-in's category",
			"## Enforcement\n\nWe may restrict or disable accounts that:\n\n*   Persistently post spam\n*   Impersonate other people\n",
			"Impersonate other people", "account_termination", states},
		{"a lead-in that is whole before its colon names no category for its items",
			"## Information\n\nWe may restrict or disable accounts in some cases, and we collect your data:\n\n*   Your name\n*   Your email address\n",
			"Your email address", "account_termination", unrelated},
		{"a lead-in without negation",
			"## AI\n\nWe use your data as follows:\n\n- we use your posts to train our AI models;\n",
			"your posts", "ai_training", states},
	}
	c := rules()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := unrelated
			for _, f := range c.findings(tt.markdown, newMemo(), nil) {
				if c.cats[f.cat].ID == tt.cat && strings.Contains(f.text, tt.item) {
					got = senseNames[f.sense]
				}
			}
			if got != tt.want {
				t.Errorf("%s of %q = %s, want %s", tt.cat, tt.item, got, tt.want)
			}
		})
	}
}

func TestLeadInContinues(t *testing.T) {
	body := "You may not:\n\n* resell the data;\n* Advertising or personalization purposes\n\nCentre for Dispute Resolution\nLondon\n"
	items := listSentences(body)
	tests := []struct {
		text string
		want bool
	}{
		{"resell the data;", true},
		{"Advertising or personalization purposes", true},
		{"19.3.2 use the output to train models;", true},
		{"19.3.4 cache the output for up to 30 days.", true},
		{"(b) selling the data.", true},
		{"a) selling the data.", true},
		{"We use your posts to train our models.", false},
		{"19.4 Customer may use the API.", false},
		{"Centre for Dispute Resolution London", false},
		{"", false},
	}
	l := leadIn{ok: true, indent: -1}
	for _, tt := range tests {
		if got := l.continues(tt.text, items); got != tt.want {
			t.Errorf("continues(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
