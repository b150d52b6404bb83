package app

import (
	"cmp"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/store"
)

// alertsPage is the data of /app/alerts.
type alertsPage struct {
	Settings  *alerts.Settings
	Failed    []store.AlertDelivery
	CanManage bool
	Weekdays  []string
	// Secret is a webhook secret just created, shown once.
	Secret string

	Rules       *alerts.Rules
	RuleRows    []ruleRow
	Categories  []alerts.RuleChoice
	ChangeKinds []alerts.RuleChoice
	Severities  []string
	// Watches name the watches a rule may be limited to, by id.
	Watches map[int64]string
}

// ruleRow is one rule in words, for the rules table.
type ruleRow struct {
	Scope                                                string // "organization" or "member"
	WatchID                                              int64
	For, AppliesTo, Provisions, ChangeKinds, MinSeverity string
	StanceChanges, CanRemove                             bool
}

// ruleRows lists the rules that apply to the member in words.
func ruleRows(rules *alerts.Rules, orgName string, canManage bool, watches map[int64]string, categories []alerts.RuleChoice) []ruleRow {
	titles := map[string]string{}
	for _, c := range categories {
		titles[c.ID] = c.Label
	}
	words := func(ids []string, names map[string]string) string {
		if len(ids) == 0 {
			return "Any"
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = cmp.Or(names[id], id)
		}
		return strings.Join(out, ", ")
	}
	row := func(scope string, r alerts.Rule) ruleRow {
		out := ruleRow{
			Scope: scope, WatchID: r.WatchID, For: "Me", AppliesTo: "Every watched platform",
			Provisions: words(r.Categories, titles), ChangeKinds: words(r.ChangeKinds, nil),
			MinSeverity: cmp.Or(r.MinSeverity, "any"), StanceChanges: r.StanceChanges, CanRemove: scope == "member" || canManage,
		}
		if scope == "organization" {
			out.For = orgName
		}
		if r.WatchID != 0 {
			out.AppliesTo = cmp.Or(watches[r.WatchID], "A removed watch")
		}
		return out
	}
	var rows []ruleRow
	if rules.Organization != nil {
		rows = append(rows, row("organization", *rules.Organization))
	}
	for _, r := range rules.Watches {
		rows = append(rows, row("organization", r))
	}
	if rules.Member != nil {
		rows = append(rows, row("member", *rules.Member))
	}
	for _, r := range rules.MemberWatches {
		rows = append(rows, row("member", r))
	}
	return rows
}

func (s *Server) showAlerts(c echo.Context) error {
	return s.renderAlerts(c, s.newPage(c, "Alerts"), "", http.StatusOK)
}

// renderAlerts fills the settings into page and renders it; the form
// re-renders through it on errors.
func (s *Server) renderAlerts(c echo.Context, page *Page, secret string, status int) error {
	ctx := c.Request().Context()
	a := authFrom(c)
	st, err := s.alerts().Settings(ctx, alertActor(c))
	if err != nil {
		return err
	}
	failed, err := s.alerts().FailedDeliveries(ctx, a.Organization.ID)
	if err != nil {
		return err
	}
	rules, err := s.alerts().AlertRules(ctx, alertActor(c))
	if err != nil {
		return err
	}
	watches, err := s.store.Watches(ctx, a.Organization.ID)
	if err != nil {
		return err
	}
	data := alertsPage{
		Settings: st, Failed: failed, Secret: secret,
		CanManage: a.Role.CanManage(),
		Weekdays:  []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
		Rules:     rules, Severities: []string{"low", "medium", "high"},
		Watches: make(map[int64]string, len(watches)),
	}
	data.Categories, data.ChangeKinds = alerts.RuleChoices()
	for _, w := range watches {
		data.Watches[w.ID] = w.Label()
	}
	data.RuleRows = ruleRows(rules, a.Organization.Name, data.CanManage, data.Watches, data.Categories)
	page.Data = data
	return s.render(c, "alerts", page, status)
}
