package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// versionPage shows the stored text of one version.
type versionPage struct {
	Document *store.Document
	Version  *store.Version
}

func (e *catalogueHandlers) showVersion(c echo.Context) error {
	doc, err := e.visibleDocument(c, "id")
	if err != nil {
		return err
	}
	vid, err := pathID(c, "vid")
	if err != nil {
		return err
	}
	v, err := e.store.Version(c.Request().Context(), doc.ID, vid)
	if err != nil {
		return err
	}
	page := e.newPage(c, documentTitle(doc))
	page.Data = versionPage{Document: doc, Version: v}
	return e.render(c, "version", page)
}
