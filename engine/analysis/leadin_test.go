package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestLeadInGovernsItems: the items of a list take their sense from the
// lead-in that forbids or rules them out, and only while the list lasts;
// the items of a sentence cut at ";" are read after the words that lead
// to them.
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
		// One sentence whose items are cut at ";": the items are read
		// after the words that lead to them, and only while the sentence
		// lasts.
		{"an item after a colon takes the verb before it",
			"## Sharing\n\nWe may disclose the following information: (a) your name and postal address to delivery companies so that your parcels reach you; (b) your purchase history and device identifiers to our advertising partners; and (c) statistics that identify no one.\n",
			"(b) your purchase history", "data_sharing", states},
		{"the last item of a parenthesis left open takes the words before it",
			"## Sharing\n\nWe may share the information we collect about you (including your contact details and the pages of our site you visited; the identifiers of your devices and browsers and the ads you clicked; and the inferences we draw from them) with ad networks.\n",
			"and the inferences", "data_sharing", states},
		{"an item after the comma that opens the first one",
			"## Support\n\nThe messages you send to our help desk by e-mail, chat or phone, to answer your questions and solve your problems; to review the quality of the replies we give to your questions and complaints; to evaluate and train our help desk staff; to develop and improve our AI-powered chat assistant; and to tell you about your account.\n",
			"AI-powered chat assistant", "ai_training", states},
		{"a lead-in each item completes states its category of each item",
			"## Sharing\n\nWe may share your personal information with: (a) the companies that deliver your parcels and run our warehouses; (b) the service providers that process your payments; (c) our auditors and lawyers.\n",
			"(b) the service providers", "data_sharing", states},
		{"a list of bullets each ending in a semicolon is no sentence",
			"## Recipients\n\nWe may pass your data to:\n\n* providers of marketing tracking technologies and analytics tools (see our cookie policy;\n* investigating authorities in connection with possible criminal offences;\n",
			"investigating authorities", "ad_personalization", unrelated},
		{"an item that starts as a new sentence ends the list",
			"## Authorities\n\nWe may disclose your data to the police and courts to: (i) comply with the law and answer court orders; (ii) establish, exercise or defend legal claims; Photos, profile texts and the places you checked in at are kept for a year.\n",
			"Photos, profile texts", "location_data", unrelated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := senseIn(tt.markdown, tt.item, tt.cat); got != tt.want {
				t.Errorf("%s of %q = %s, want %s", tt.cat, tt.item, got, tt.want)
			}
		})
	}
}

// senseIn returns how the last sentence of markdown that contains item
// bears on the category cat, as the document reads it.
func senseIn(markdown, item, cat string) string {
	c := rules()
	got := unrelated
	for _, f := range c.findings(markdown, newMemo(), nil) {
		if c.cats[f.cat].ID == cat && strings.Contains(f.text, item) {
			got = senseNames[f.sense]
		}
	}
	return got
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

// TestSemicolonMovedIsNoChange: a list whose semicolons moved states
// what it stated; the item read after its lead-in is the same statement.
func TestSemicolonMovedIsNoChange(t *testing.T) {
	list := "## Legal\n\nWe may access, keep and disclose personal information in connection with: (i) enforcing our terms of service and community rules; (ii) protecting the rights, property or safety of our company%s our members%s or the public; (iii) lawful requests of courts, including subpoenas, warrants and court orders, or any legal process; (iv) tax and accounting.\n\n## Retention\n\nWe keep your personal data for %s days after you close your account.\n"
	old := strings.ReplaceAll(strings.Replace(list, "%s days", "30 days", 1), "%s", ",")
	new := strings.ReplaceAll(strings.Replace(list, "%s days", "90 days", 1), "%s", ";")
	r := Analyze(old, new)
	var cats []string
	for _, p := range r.Provisions {
		cats = append(cats, p.Category)
	}
	if !slices.Contains(cats, "data_retention") || slices.Contains(cats, "law_enforcement") {
		t.Errorf("provisions = %v (%s), want data_retention and no law_enforcement", cats, r.Materiality)
	}
}

func TestSemicolonLead(t *testing.T) {
	tests := []struct{ first, next, want string }{
		{"We may disclose the following information: (a) your name to couriers;", "b", "We may disclose the following information:"},
		{"We may share what we collect (including your name and address;", "your", "We may share what we collect"},
		{"Your messages to us, to answer you;", "to", "Your messages to us,"},
		{"We may share (a) your name with couriers;", "b", "We may share"},
		{"To answer you;", "to", ""},
		{"Nothing here leads to anything at all;", "and", ""},
	}
	for _, tt := range tests {
		if got := semicolonLead(tt.first, tt.next); got != tt.want {
			t.Errorf("semicolonLead(%q, %q) = %q, want %q", tt.first, tt.next, got, tt.want)
		}
	}
}
