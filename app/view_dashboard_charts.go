package app

import (
	"context"
	"fmt"
	"html/template"
	"time"

	"github.com/clausewatch/clausewatch/chart"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

// dashboardWeeks is how many weeks the dashboard's chart of changes covers.
const dashboardWeeks = 12

// keyProvisions are the columns of the dashboard's stance matrix: the
// provisions compliance teams ask about first.
var keyProvisions = []string{"ai_training", "data_sale", "data_sharing", "ad_personalization", "arbitration", "biometric_data"}

// weekCount is one week of the changes chart, also its text alternative.
type weekCount struct {
	Start             time.Time
	High, Medium, Low int
	Other             int // substantive changes without a severity
	Editorial         int // corrections that change no provision
	Total             int
}

// matrixRow is one watched platform of the stance matrix.
type matrixRow struct {
	Slug, Name string
	Stances    []insight.Stance // in the order of keyProvisions
}

// dashboardCharts is the pictures of the dashboard with the figures they
// draw, which the page also shows as tables.
type dashboardCharts struct {
	Weeks       []weekCount
	WeeksChart  template.HTML
	Provisions  []analysis.Category
	Matrix      []matrixRow
	MatrixChart template.HTML
}

// weekStart is the Monday 00:00 UTC that starts t's week.
func weekStart(t time.Time) time.Time {
	t = t.UTC().Truncate(24 * time.Hour)
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// countWeeks buckets change marks into the weeks from first, oldest first.
func countWeeks(marks []store.ChangeMark, first time.Time, weeks int) []weekCount {
	out := make([]weekCount, weeks)
	for i := range out {
		out[i].Start = first.AddDate(0, 0, 7*i)
	}
	for _, m := range marks {
		// Division truncates toward zero: a mark less than a week before
		// first would land in week 0 without the Before check.
		i := int(m.CreatedAt.UTC().Sub(first) / (7 * 24 * time.Hour))
		if m.CreatedAt.Before(first) || i >= weeks {
			continue
		}
		out[i].Total++
		if m.Materiality == store.MaterialityEditorial {
			out[i].Editorial++
			continue
		}
		switch analysis.Severity(m.Severity) {
		case analysis.SeverityHigh:
			out[i].High++
		case analysis.SeverityMedium:
			out[i].Medium++
		case analysis.SeverityLow:
			out[i].Low++
		default:
			out[i].Other++
		}
	}
	return out
}

// buildDashboardCharts draws the organization's changes per week and its
// stance matrix.
func (s *Server) buildDashboardCharts(ctx context.Context, orgID int64, watches []store.Watch, now time.Time) (dashboardCharts, error) {
	var d dashboardCharts
	first := weekStart(now).AddDate(0, 0, -7*(dashboardWeeks-1))
	marks, err := s.store.WatchedChangeMarks(ctx, orgID, first)
	if err != nil {
		return d, err
	}
	d.Weeks = countWeeks(marks, first, dashboardWeeks)
	cols := make([]chart.Column, len(d.Weeks))
	total := 0
	for i, w := range d.Weeks {
		total += w.Total
		cols[i] = chart.Column{Label: w.Start.Format("2 Jan"), Segments: []chart.Segment{
			{Name: "High", Tone: chart.ToneHigh, Value: w.High},
			{Name: "Medium", Tone: chart.ToneMedium, Value: w.Medium},
			{Name: "Low", Tone: chart.ToneLow, Value: w.Low},
			{Name: "Other", Tone: chart.ToneNeutral, Value: w.Other},
			{Name: "Editorial", Tone: chart.ToneNeutral, Value: w.Editorial},
		}}
	}
	d.WeeksChart = svg(chart.Columns(chart.Labels{
		ID:    "weekly-changes",
		Title: "Changes per week across your watched platforms",
		Desc:  fmt.Sprintf("%d changes in the last %d weeks, by week and severity; the table below lists the figures.", total, dashboardWeeks),
	}, cols))

	var ids []int64
	for _, w := range watches {
		if w.Platform != nil && !w.Paused() {
			ids = append(ids, w.Platform.ID)
		}
	}
	if len(ids) == 0 {
		return d, nil
	}
	matrix, err := s.deps.Insight.StanceMatrix(ctx, ids, keyProvisions)
	if err != nil {
		return d, err
	}
	for _, id := range keyProvisions {
		cat, _ := analysis.Lookup(id)
		d.Provisions = append(d.Provisions, cat)
	}
	var names, colNames []string
	var cells [][]chart.Cell
	for _, c := range d.Provisions {
		colNames = append(colNames, c.Title)
	}
	for _, w := range watches {
		if w.Platform == nil || w.Paused() {
			continue
		}
		row, ok := matrix[w.Platform.ID]
		if !ok {
			continue
		}
		mr := matrixRow{Slug: w.Platform.Slug, Name: w.Platform.Name}
		var line []chart.Cell
		for _, c := range d.Provisions {
			st := row[c.ID]
			mr.Stances = append(mr.Stances, st)
			href, err := s.routePath("platform.provision", w.Platform.Slug, c.ID)
			if err != nil {
				return d, err
			}
			line = append(line, chart.Cell{Label: st.Value, Tone: stanceTone(st), Href: href})
		}
		d.Matrix = append(d.Matrix, mr)
		names = append(names, w.Platform.Name)
		cells = append(cells, line)
	}
	d.MatrixChart = svg(chart.Matrix(chart.Labels{
		ID:    "stance-matrix",
		Title: "Stance of your watched platforms on key provisions",
		Desc:  fmt.Sprintf("%d platforms by %d provisions; each cell names the stance of the platform's current documents, and the table below lists them.", len(names), len(colNames)),
	}, names, colNames, cells))
	return d, nil
}
