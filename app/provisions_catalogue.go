package app

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/chart"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
)

// The orders of the catalogue's stance table (?sort=).
const (
	sortPlatform   = "platform"
	sortStance     = "stance"
	sortSeverity   = "severity"
	sortLastChange = "last_change"
)

// catalogueProvisionView is the catalogue's stance on one provision.
type catalogueProvisionView struct {
	Category      analysis.Category
	Rows          []insight.PlatformStance
	Total         int // platforms before the filter
	Groups        []insight.StanceGroup
	Chart         template.HTML
	Sort          string
	Filter        string   // platform category shown, or empty for all
	FilterOptions []string // the platform categories of the catalogue
	CSVAllowed    bool
	SortOptions   []string
}

// stanceRows reads the catalogue's stances on the path's category,
// narrowed to ?category= and ordered by ?sort=.
func (e *catalogueHandlers) stanceRows(c echo.Context) (analysis.Category, []insight.PlatformStance, []insight.PlatformStance, error) {
	id, err := e.category(c)
	if err != nil {
		return analysis.Category{}, nil, nil, err
	}
	cat, _ := analysis.Lookup(id)
	all, err := e.insight.CatalogueStances(c.Request().Context(), id)
	if err != nil {
		return cat, nil, nil, err
	}
	rows := slices.Clone(all)
	if f := c.QueryParam("category"); f != "" {
		rows = slices.DeleteFunc(rows, func(r insight.PlatformStance) bool { return !strings.EqualFold(r.Category, f) })
	}
	sortStances(rows, c.QueryParam("sort"))
	return cat, all, rows, nil
}

// sortStances orders rows by the named column; ties and unknown names
// keep platform name order.
func sortStances(rows []insight.PlatformStance, by string) {
	slices.SortStableFunc(rows, func(a, b insight.PlatformStance) int {
		switch by {
		case sortStance:
			return cmp.Or(cmp.Compare(a.Rank, b.Rank), b.Severity.Compare(a.Severity))
		case sortSeverity:
			return cmp.Or(b.Severity.Compare(a.Severity), cmp.Compare(a.Rank, b.Rank))
		case sortLastChange:
			return -timeCmp(a.LastChange, b.LastChange)
		}
		return 0
	})
}

// timeCmp orders times with nil (never) first.
func timeCmp(a, b *time.Time) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return a.Compare(*b)
}

func (e *catalogueHandlers) showProvision(c echo.Context) error {
	cat, all, rows, err := e.stanceRows(c)
	if err != nil {
		return err
	}
	v := catalogueProvisionView{Category: cat, Rows: rows, Total: len(all), Groups: insight.GroupByStance(rows, 0),
		Sort: c.QueryParam("sort"), Filter: c.QueryParam("category"), CSVAllowed: callerPlan(c).ComplianceAnalysis,
		SortOptions: []string{sortPlatform, sortStance, sortSeverity, sortLastChange}}
	for _, r := range all {
		if r.Category != "" && !slices.Contains(v.FilterOptions, r.Category) {
			v.FilterOptions = append(v.FilterOptions, r.Category)
		}
	}
	slices.Sort(v.FilterOptions)
	bars := make([]chart.Bar, len(v.Groups))
	for i, g := range v.Groups {
		n := len(g.Platforms) + g.More
		bars[i] = chart.Bar{Label: g.Value, Value: n, Tone: stanceTone(g.Platforms[0].Stance), Href: "#stance-" + anchor(g.Value)}
	}
	v.Chart = svg(chart.Bars(chart.Labels{
		ID:    "stance-spread",
		Title: "The catalogue's stance on " + cat.Title,
		Desc:  stanceSpreadDesc(cat.Title, v.Groups),
	}, bars))

	page := e.newPage(c, cat.Title+" across the catalogue")
	page.Description = fmt.Sprintf("How %d platforms' terms and policies handle %s: stance, severity and latest change of each, with the regulations it engages.", len(all), insight.TitleInSentence(cat.Title))
	if page.Canonical, err = e.absoluteURL("provision", cat.ID); err != nil {
		return err
	}
	page.Data = v
	return e.render(c, "provisions", page)
}

// exportProvision serves the stance table as CSV, on the Compliance plan.
func (e *catalogueHandlers) exportProvision(c echo.Context) error {
	if err := billing.Require(callerPlan(c), billing.FeatureComplianceAnalysis); err != nil {
		return err
	}
	cat, _, rows, err := e.stanceRows(c)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="clausewatch-%s.csv"`, cat.ID))
	w := csv.NewWriter(c.Response())
	rec := []string{"platform", "slug", "platform_category", "stance", "severity", "document", "evidence", "last_change", "url"}
	if err := w.Write(rec); err != nil {
		return fmt.Errorf("write stance csv: %w", err)
	}
	for _, r := range rows {
		last := ""
		if r.LastChange != nil {
			last = r.LastChange.UTC().Format(time.RFC3339)
		}
		url, err := e.absoluteURL("platform.provision", r.Slug, cat.ID)
		if err != nil {
			return err
		}
		rec = []string{auditreport.SpreadsheetCell(r.Name), r.Slug, auditreport.SpreadsheetCell(r.Category), r.Value, r.Severity.String(),
			auditreport.SpreadsheetCell(r.DocType), auditreport.SpreadsheetCell(r.Evidence), last, url}
		if err := w.Write(rec); err != nil {
			return fmt.Errorf("write stance csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("write stance csv: %w", err)
	}
	return nil
}

// stanceSpreadDesc describes the stance chart in words.
func stanceSpreadDesc(title string, groups []insight.StanceGroup) string {
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = fmt.Sprintf("%s: %d", g.Value, len(g.Platforms)+g.More)
	}
	if len(parts) == 0 {
		return "No platform of the catalogue has been read yet."
	}
	return "Platforms by stance on " + title + " — " + strings.Join(parts, "; ") + "."
}

// anchor turns a stance into a fragment id: "not stated" → "not-stated".
func anchor(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }
