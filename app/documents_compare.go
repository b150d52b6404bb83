package app

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

// comparePage is the comparison of any two versions of a document.
type comparePage struct {
	Document   *store.Document
	Versions   []store.Version // for the pickers, newest first
	From, To   *store.Version
	Summary    string
	Diff       diffView
	ViewURL    string
	Entitled   bool
	Provisions []insight.ProvisionView
	Teaser     []string
}

// showCompare diffs ?from= and ?to= (version ids of the document); without
// them it compares the two latest versions.
func (e *catalogueHandlers) showCompare(c echo.Context) error {
	ctx := c.Request().Context()
	doc, err := e.visibleDocument(c, "id")
	if err != nil {
		return err
	}
	vs, err := e.store.Versions(ctx, doc.ID)
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		return echo.NewHTTPError(http.StatusNotFound, "This document has no versions yet.")
	}
	fromID, toID := vs[min(1, len(vs)-1)].ID, vs[0].ID
	if fromID, err = queryID(c, "from", fromID); err != nil {
		return err
	}
	if toID, err = queryID(c, "to", toID); err != nil {
		return err
	}
	from, err := e.store.Version(ctx, doc.ID, fromID)
	if err != nil {
		return err
	}
	to, err := e.store.Version(ctx, doc.ID, toID)
	if err != nil {
		return err
	}
	report := analysis.Analyze(from.Markdown, to.Markdown)
	inline := c.QueryParam("view") == "inline"
	q := url.Values{"from": {strconv.FormatInt(from.ID, 10)}, "to": {strconv.FormatInt(to.ID, 10)}}
	if !inline {
		q.Set("view", "inline")
	}
	viewURL, err := e.routePath("document.compare", doc.ID)
	if err != nil {
		return err
	}
	data := comparePage{
		Document: doc, Versions: vs, From: from, To: to, Summary: report.Summary,
		Diff:     newDiffView(diffResult(report), inline),
		ViewURL:  viewURL + "?" + q.Encode(),
		Entitled: callerPlan(c).ComplianceAnalysis,
	}
	if data.Entitled {
		data.Provisions = e.insight.Categories().Views(report.Provisions)
	} else {
		data.Teaser = e.insight.Categories().Titles(report.Provisions)
	}
	page := e.newPage(c, "Compare · "+documentTitle(doc))
	page.Data = data
	return e.render(c, "compare", page)
}

// queryID reads an optional numeric query parameter.
func queryID(c echo.Context, name string, def int64) (int64, error) {
	s := c.QueryParam(name)
	if s == "" {
		return def, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.NewHTTPError(http.StatusBadRequest, "?"+name+"= must be a version id.")
	}
	return id, nil
}
