package app

import (
	"fmt"
	"html/template"

	"github.com/clausewatch/clausewatch/chart"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

// svg marks chart output as safe HTML: the chart package escapes every
// text it is given.
func svg(markup string) template.HTML { return template.HTML(markup) }

// severityTone is the chart colour of a severity.
func severityTone(s analysis.Severity) chart.Tone {
	switch s {
	case analysis.SeverityHigh:
		return chart.ToneHigh
	case analysis.SeverityMedium:
		return chart.ToneMedium
	case analysis.SeverityLow:
		return chart.ToneLow
	}
	return chart.ToneNeutral
}

// stanceTone colours a stance by its concern.
func stanceTone(s insight.Stance) chart.Tone {
	switch s.Concern() {
	case insight.ConcernHigh:
		return chart.ToneHigh
	case insight.ConcernMedium:
		return chart.ToneMedium
	case insight.ConcernLow:
		return chart.ToneLow
	case insight.ConcernNone:
		return chart.ToneGood
	}
	return chart.ToneNeutral
}

// governanceEvents puts the changes of a governance timeline on a chart,
// each coloured by the highest severity of its provisions.
func governanceEvents(entries []insight.GovernanceEntry, href func(int64) string) []chart.Event {
	out := make([]chart.Event, len(entries))
	for i, e := range entries {
		ps := make([]analysis.Provision, len(e.Provisions))
		for j, p := range e.Provisions {
			ps[j] = p.Provision
		}
		sev := analysis.HighestSeverity(ps)
		out[i] = chart.Event{At: e.CreatedAt, Tone: severityTone(sev), Href: href(e.ChangeID),
			Label: e.CreatedAt.UTC().Format("2 Jan 2006") + " · " + e.DocType + ": " + e.Summary + " (" + sev.String() + ")"}
	}
	return out
}

// changesChart is the governance timeline of a platform: every recorded
// change, coloured by severity.
func (e *catalogueHandlers) changesChart(p *store.Platform, changes []store.Change) template.HTML {
	events := make([]chart.Event, len(changes))
	for i, c := range changes {
		doc := ""
		if c.Document != nil {
			doc = c.Document.DocType + ": "
		}
		events[i] = chart.Event{At: c.CreatedAt, Tone: severityTone(analysis.Severity(c.Severity)), Href: e.changePath(c.ID),
			Editorial: c.Materiality == store.MaterialityEditorial,
			Label:     c.CreatedAt.UTC().Format("2 Jan 2006") + " · " + doc + c.Summary}
	}
	return svg(chart.Timeline(chart.Labels{
		ID:    "governance-timeline",
		Title: "Governance timeline of " + p.Name,
		Desc:  fmt.Sprintf("%d recorded changes over time, coloured and sized by severity; the list below describes each.", len(changes)),
	}, events))
}
