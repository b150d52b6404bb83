package app

import (
	"context"
	"html/template"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

// timelineLimit is how many changes the platform page and API list.
const timelineLimit = 200

// documentRow is a document with the head of its latest version.
type documentRow struct {
	store.Document
	Latest *store.Version // without text; nil before the first version
}

// StateClass is the style of the document's health: fine, not checked
// yet, or failing (unreachable, selector_missing, blocked…).
func (d documentRow) StateClass() string {
	switch d.State {
	case docstate.OK:
		return "state-ok"
	case docstate.Pending:
		return "muted"
	}
	return "state-bad"
}

// changeRow is a change with its document type, for timelines.
type changeRow struct {
	store.Change
	DocType string
}

// platformPage is everything the platform page shows.
type platformPage struct {
	Platform   *store.Platform
	Documents  []documentRow
	Changes    []changeRow
	Compliance insight.Compliance
	Categories []analysis.Category // each links to its provision page
	Timeline   template.HTML       // the governance timeline as a picture
}

// platformDocuments loads a platform's catalogue documents with the heads
// of their latest versions in two queries.
func (e *catalogueHandlers) platformDocuments(ctx context.Context, platformID int64) ([]documentRow, error) {
	docs, err := e.store.PlatformDocuments(ctx, platformID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, d := range docs {
		if d.LatestVersionID != nil {
			ids = append(ids, *d.LatestVersionID)
		}
	}
	heads, err := e.store.VersionHeads(ctx, ids)
	if err != nil {
		return nil, err
	}
	rows := make([]documentRow, len(docs))
	for i, d := range docs {
		rows[i].Document = d
		if d.LatestVersionID != nil {
			if v, ok := heads[*d.LatestVersionID]; ok {
				rows[i].Latest = &v
			}
		}
	}
	return rows, nil
}

// latestDocuments are the documents that have a version, for the
// compliance view.
func latestDocuments(rows []documentRow) []insight.Document {
	var out []insight.Document
	for _, d := range rows {
		if d.Latest != nil {
			out = append(out, insight.Document{ID: d.ID, DocType: d.DocType, VersionID: d.Latest.ID})
		}
	}
	return out
}

func changeRows(cs []store.Change) []changeRow {
	rows := make([]changeRow, len(cs))
	for i, c := range cs {
		rows[i].Change = c
		if c.Document != nil {
			rows[i].DocType = c.Document.DocType
		}
	}
	return rows
}

func (e *catalogueHandlers) showPlatform(c echo.Context) error {
	ctx := c.Request().Context()
	p, err := e.store.PlatformBySlug(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	docs, err := e.platformDocuments(ctx, p.ID)
	if err != nil {
		return err
	}
	changes, err := e.store.PlatformChanges(ctx, p.ID, timelineLimit)
	if err != nil {
		return err
	}
	compliance, err := e.insight.Compliance(ctx, p.ID, latestDocuments(docs), changes, callerPlan(c).ComplianceAnalysis, c.QueryParam("provision"))
	if err != nil {
		return err
	}
	page := e.newPage(c, p.Name)
	page.Data = platformPage{Platform: p, Documents: docs, Changes: changeRows(changes), Compliance: compliance,
		Categories: e.insight.Categories().List(), Timeline: e.changesChart(p, changes)}
	return e.render(c, "platform", page)
}
