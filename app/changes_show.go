package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

// changePage is the diff page of one change.
type changePage struct {
	Change     *store.Change
	Document   *store.Document
	Platform   *store.Platform
	Diff       diffView
	ViewURL    string // the same page in the other layout
	Entitled   bool
	Provisions []insight.ProvisionView
	Teaser     []string
}

func (e *catalogueHandlers) showChange(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ch, err := e.store.Change(ctx, callerOrg(c), id)
	if err != nil {
		return err
	}
	from, err := e.store.Version(ctx, ch.DocumentID, ch.FromVersionID)
	if err != nil {
		return err
	}
	to, err := e.store.Version(ctx, ch.DocumentID, ch.ToVersionID)
	if err != nil {
		return err
	}
	ps, err := insight.ChangeProvisions(*ch)
	if err != nil {
		return err
	}
	inline := c.QueryParam("view") == "inline"
	viewURL, err := e.routePath("change", ch.ID)
	if err != nil {
		return err
	}
	data := changePage{
		Change:   ch,
		Document: ch.Document,
		Diff:     newDiffView(diff.Compare(from.Markdown, to.Markdown), inline),
		ViewURL:  viewURL,
		Entitled: callerPlan(c).ComplianceAnalysis,
	}
	if !inline {
		data.ViewURL += "?view=inline"
	}
	if ch.Document != nil {
		data.Platform = ch.Document.Platform
	}
	if data.Entitled {
		data.Provisions = e.insight.Categories().Views(ps)
	} else {
		data.Teaser = e.insight.Categories().Titles(ps)
	}
	page := e.newPage(c, "Change")
	page.Data = data
	return e.render(c, "change", page)
}
