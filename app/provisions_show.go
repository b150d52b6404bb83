package app

import (
	"context"
	"fmt"
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/chart"
	"github.com/clausewatch/clausewatch/insight"
)

// provisionView is the page of one provision of one platform.
type provisionView struct {
	insight.ProvisionPage
	TimelineChart template.HTML
	Entitled      bool // the caller's plan includes the compliance analysis
}

// category returns the provision category named by the path, or a 404.
func (e *catalogueHandlers) category(c echo.Context) (string, error) {
	id := c.Param("category")
	if !e.insight.Categories().Has(id) {
		return "", echo.NewHTTPError(http.StatusNotFound, "There is no such provision.")
	}
	return id, nil
}

// sourceDocuments reads a platform's documents as the provision page
// needs them: latest version, health and number of changes.
func (e *catalogueHandlers) sourceDocuments(ctx context.Context, platformID int64) ([]insight.SourceDocument, error) {
	rows, err := e.platformDocuments(ctx, platformID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	counts, err := e.store.DocumentChangeCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]insight.SourceDocument, len(rows))
	for i, r := range rows {
		out[i] = insight.SourceDocument{ID: r.ID, DocType: r.DocType, State: r.State, LastError: r.LastError,
			LastCheckedAt: r.LastCheckedAt, Changes: counts[r.ID]}
		if r.Latest != nil {
			out[i].VersionID, out[i].VersionAt = r.Latest.ID, r.Latest.CreatedAt
		}
	}
	return out, nil
}

func (e *catalogueHandlers) showPlatformProvision(c echo.Context) error {
	ctx := c.Request().Context()
	category, err := e.category(c)
	if err != nil {
		return err
	}
	p, err := e.store.PlatformBySlug(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	docs, err := e.sourceDocuments(ctx, p.ID)
	if err != nil {
		return err
	}
	changes, err := e.store.PlatformChanges(ctx, p.ID, timelineLimit)
	if err != nil {
		return err
	}
	pp, err := e.insight.ProvisionPage(ctx, *p, docs, changes, category)
	if err != nil {
		return err
	}
	v := provisionView{ProvisionPage: pp, Entitled: callerPlan(c).ComplianceAnalysis}
	v.TimelineChart = svg(chart.Timeline(chart.Labels{
		ID:    "provision-timeline",
		Title: p.Name + " — " + pp.Category.Title + ": changes over time",
		Desc:  timelineDesc(len(pp.Timeline), pp.Category.Title),
	}, governanceEvents(pp.Timeline, e.changePath)))

	page := e.newPage(c, p.Name+" — "+pp.Category.Title)
	page.Description = pp.Stance.Statement + " Excerpt, changes over time, how other platforms handle it and the regulations it engages."
	if page.Canonical, err = e.absoluteURL("platform.provision", p.Slug, category); err != nil {
		return err
	}
	page.Data = v
	return e.render(c, "provision", page)
}

// changePath links a chart mark to its change; route names are checked at
// start-up, so the lookup cannot fail here.
func (e *catalogueHandlers) changePath(id int64) string {
	path, _ := e.routePath("change", id)
	return path
}

// timelineDesc describes a provision timeline for assistive technology.
func timelineDesc(n int, title string) string {
	switch n {
	case 0:
		return "No recorded change has moved " + title + " yet."
	case 1:
		return "One recorded change moved " + title + "; the table below lists it."
	}
	return fmt.Sprintf("%d recorded changes moved %s; the table below lists them.", n, title)
}
