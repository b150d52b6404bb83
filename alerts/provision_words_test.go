package alerts_test

import (
	"context"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// Alerts name provisions in words ("AI training added — high") for
// organizations whose plan has compliance analysis, and leave them out for
// the others; the ids stay in the JSON only.
func TestAlertsNameProvisionsInWords(t *testing.T) {
	st := storetest.SQLite(t)
	rec := &mail.Recorder{}
	f := newFixture(t, st, fixtureOptions{sender: rec})
	_, owner := f.org(t, "comp", billing.PlanCompliance)
	f.change(t)
	if _, err := f.al.SendDigests(context.Background(), 0, true); err != nil {
		t.Fatal(err)
	}

	mails := to(rec, owner.Email)
	if len(mails) != 2 {
		t.Fatalf("compliance owner got %d mails, want the alert and the digest", len(mails))
	}
	for _, m := range mails {
		for _, body := range []string{m.Text, m.HTML} {
			if !strings.Contains(body, "AI training added — ") {
				t.Errorf("%q does not name the provision in words:\n%s", m.Subject, body)
			}
			if strings.Contains(body, "ai_training") {
				t.Errorf("%q shows a provision id:\n%s", m.Subject, body)
			}
		}
	}
	if alert := sameDay(mails); len(alert) != 1 || !strings.Contains(alert[0].Text, "Stance changed: AI training: not stated → ") {
		t.Errorf("the alert does not say the AI training stance changed:\n%s", alert[0].Text)
	}
	for _, m := range to(rec, f.monitorUser.Email) {
		if strings.Contains(m.Text, "AI training added") || strings.Contains(m.Text, "Provisions") {
			t.Errorf("Monitor plan mail %q shows provisions:\n%s", m.Subject, m.Text)
		}
	}
}
