package alerts_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/validation"
)

// The change the fixture records adds AI training and data sale
// provisions; each case sets rules, records it, and counts what went out
// to a Compliance organization's owner and member, its webhook and its
// digest, and to a Monitor organization whose stored rule its plan does
// not cover.
func TestAlertRulesDecideWhatIsSent(t *testing.T) {
	type rules struct {
		org, watch, member string // JSON rule objects, "" for none
	}
	type want struct{ owner, member, webhook, digest int }
	for _, tc := range []struct {
		name  string
		rules rules
		want  want
	}{
		{"no rules", rules{}, want{1, 1, 1, 1}},
		{"organization rule outside", rules{org: `{"categories":["arbitration"]}`}, want{0, 0, 0, 0}},
		{"organization rule inside", rules{org: `{"categories":["ai_training","arbitration"]}`}, want{1, 1, 1, 1}},
		{"change kind outside", rules{org: `{"categories":["ai_training"],"change_kinds":["removed"]}`}, want{0, 0, 0, 0}},
		{"stance change inside though the change kind is outside", rules{org: `{"categories":["ai_training"],"change_kinds":["removed"],"stance_changes":true}`}, want{1, 1, 1, 1}},
		{"member rule outside", rules{member: `{"categories":["arbitration"]}`}, want{1, 0, 1, 1}},
		{"member rule inside, organization outside", rules{org: `{"categories":["arbitration"]}`, member: `{"categories":["ai_training"]}`}, want{0, 0, 0, 0}},
		{"watch override inside", rules{org: `{"categories":["arbitration"]}`, watch: `{"categories":["ai_training"]}`}, want{1, 1, 1, 1}},
		{"watch override outside", rules{org: `{"categories":["ai_training"]}`, watch: `{"categories":["arbitration"]}`}, want{0, 0, 0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, st *store.Store) {
				ctx := context.Background()
				rec := &mail.Recorder{}
				f := newFixture(t, st, fixtureOptions{sender: rec})
				org, owner := f.org(t, "comp", billing.PlanCompliance)
				colleague := f.member(t, org, "colleague", store.RoleMember, true)
				ownerActor := alerts.Actor{OrganizationID: org.ID, UserID: owner.ID, Role: store.RoleOwner, Verified: true}
				memberActor := alerts.Actor{OrganizationID: org.ID, UserID: colleague.ID, Role: store.RoleMember, Verified: true}

				hook := &receiver{}
				srv := httptest.NewServer(hook)
				t.Cleanup(srv.Close)
				set, err := f.al.UpdateSettings(ctx, ownerActor, alerts.Update{WebhookURL: &srv.URL})
				if err != nil {
					t.Fatal(err)
				}
				hook.secret = set.WebhookSecret

				// A rule the Monitor plan does not cover is kept but ignored.
				if err := st.ReplaceAlertRules(ctx, f.monitorOrg.ID, 0, []store.AlertRule{{Categories: store.RuleList{"arbitration"}}}); err != nil {
					t.Fatal(err)
				}
				u := alerts.RulesUpdate{}
				if tc.rules.org != "" {
					u.Organization = json.RawMessage(tc.rules.org)
				}
				if tc.rules.watch != "" {
					watches, err := st.Watches(ctx, org.ID)
					if err != nil || len(watches) != 1 {
						t.Fatalf("watches %v %v", watches, err)
					}
					override := strings.Replace(tc.rules.watch, "{", `{"watch_id":`+itoa(watches[0].ID)+",", 1)
					u.Watches = json.RawMessage("[" + override + "]")
				}
				if u.Organization != nil || u.Watches != nil {
					if _, err := f.al.UpdateAlertRules(ctx, ownerActor, u); err != nil {
						t.Fatal(err)
					}
				}
				if tc.rules.member != "" {
					if _, err := f.al.UpdateAlertRules(ctx, memberActor, alerts.RulesUpdate{Member: json.RawMessage(tc.rules.member)}); err != nil {
						t.Fatal(err)
					}
				}

				f.change(t)
				// Sweeping again must not send anything twice.
				if _, err := f.al.Sweep(ctx); err != nil {
					t.Fatal(err)
				}
				if _, err := f.al.SendDigests(ctx, 0, true); err != nil {
					t.Fatal(err)
				}
				got := want{
					owner:   len(sameDay(to(rec, owner.Email))),
					member:  len(sameDay(to(rec, colleague.Email))),
					webhook: len(hook.accepted),
					digest:  len(digests(to(rec, owner.Email))),
				}
				if got != tc.want {
					t.Errorf("sent %+v, want %+v", got, tc.want)
				}
				if n := len(sameDay(to(rec, f.monitorUser.Email))); n != 1 {
					t.Errorf("Monitor owner got %d same-day mails, want 1: its plan has no rules", n)
				}
			})
		})
	}
}

func TestAlertRulesRefuseBadInput(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	f := newFixture(t, st, fixtureOptions{sender: &mail.Recorder{}})
	org, owner := f.org(t, "comp", billing.PlanCompliance)
	colleague := f.member(t, org, "colleague", store.RoleMember, true)
	ownerActor := alerts.Actor{OrganizationID: org.ID, UserID: owner.ID, Role: store.RoleOwner, Verified: true}
	memberActor := alerts.Actor{OrganizationID: org.ID, UserID: colleague.ID, Role: store.RoleMember, Verified: true}
	monitorActor := alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: f.monitorUser.ID, Role: store.RoleOwner, Verified: true}
	otherWatches, err := st.Watches(ctx, f.monitorOrg.ID)
	if err != nil {
		t.Fatal(err)
	}
	var verrs validation.Errors
	var feature *billing.FeatureError
	for _, tc := range []struct {
		name  string
		actor alerts.Actor
		u     alerts.RulesUpdate
		is    func(error) bool
	}{
		{"unknown category", ownerActor, alerts.RulesUpdate{Organization: json.RawMessage(`{"categories":["weather"]}`)},
			func(err error) bool { return errors.As(err, &verrs) && verrs["categories"] != "" }},
		{"unknown change kind", ownerActor, alerts.RulesUpdate{Organization: json.RawMessage(`{"change_kinds":["rewritten"]}`)},
			func(err error) bool { return errors.As(err, &verrs) && verrs["change_kinds"] != "" }},
		{"unknown severity", ownerActor, alerts.RulesUpdate{Member: json.RawMessage(`{"min_severity":"urgent"}`)},
			func(err error) bool { return errors.As(err, &verrs) && verrs["min_severity"] != "" }},
		{"misspelt field", ownerActor, alerts.RulesUpdate{Organization: json.RawMessage(`{"categorie":["ai_training"]}`)},
			func(err error) bool { return errors.As(err, &verrs) && verrs["organization"] != "" }},
		{"another organization's watch", ownerActor, alerts.RulesUpdate{Watches: json.RawMessage(`[{"watch_id":` + itoa(otherWatches[0].ID) + `}]`)},
			func(err error) bool { return errors.As(err, &verrs) && verrs["watch_id"] != "" }},
		{"member sets the organization's rule", memberActor, alerts.RulesUpdate{Organization: json.RawMessage(`{}`)},
			func(err error) bool { return errors.Is(err, accounts.ErrForbidden) }},
		{"plan without rules", monitorActor, alerts.RulesUpdate{Member: json.RawMessage(`{}`)},
			func(err error) bool { return errors.As(err, &feature) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := f.al.UpdateAlertRules(ctx, tc.actor, tc.u); !tc.is(err) {
				t.Fatalf("err = %v", err)
			}
			rules, err := st.AlertRules(ctx, tc.actor.OrganizationID)
			if err != nil || len(rules) != 0 {
				t.Fatalf("refused update stored rules: %+v %v", rules, err)
			}
		})
	}
}

func TestAlertRulesRoundTrip(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	f := newFixture(t, st, fixtureOptions{sender: &mail.Recorder{}})
	org, owner := f.org(t, "comp", billing.PlanCompliance)
	actor := alerts.Actor{OrganizationID: org.ID, UserID: owner.ID, Role: store.RoleOwner, Verified: true}
	got, err := f.al.UpdateAlertRules(ctx, actor, alerts.RulesUpdate{
		Organization: json.RawMessage(`{"categories":["data_sale","ai_training","ai_training"],"min_severity":"medium","stance_changes":true}`),
		Member:       json.RawMessage(`{"change_kinds":["added"]}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	o := got.Organization
	if !got.Available || o == nil || strings.Join(o.Categories, ",") != "ai_training,data_sale" || o.MinSeverity != "medium" || !o.StanceChanges {
		t.Fatalf("organization rule %+v", got)
	}
	if got.Member == nil || strings.Join(got.Member.ChangeKinds, ",") != "added" {
		t.Fatalf("member rule %+v", got.Member)
	}
	// Leaving a field out keeps it; null removes it.
	got, err = f.al.UpdateAlertRules(ctx, actor, alerts.RulesUpdate{Member: json.RawMessage(`null`)})
	if err != nil || got.Organization == nil || got.Member != nil {
		t.Fatalf("after removing the member rule: %+v %v", got, err)
	}
}

func sameDay(ms []mail.Message) []mail.Message {
	var out []mail.Message
	for _, m := range ms {
		if !strings.HasPrefix(m.Subject, "Weekly digest") {
			out = append(out, m)
		}
	}
	return out
}

func digests(ms []mail.Message) []mail.Message {
	var out []mail.Message
	for _, m := range ms {
		if strings.HasPrefix(m.Subject, "Weekly digest") {
			out = append(out, m)
		}
	}
	return out
}
