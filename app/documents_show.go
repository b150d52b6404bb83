package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// documentPage lists a document's versions, newest first, with a form to
// compare any two.
type documentPage struct {
	Document *store.Document
	Versions []store.Version
}

func (e *catalogueHandlers) showDocument(c echo.Context) error {
	doc, err := e.visibleDocument(c, "id")
	if err != nil {
		return err
	}
	vs, err := e.store.Versions(c.Request().Context(), doc.ID)
	if err != nil {
		return err
	}
	page := e.newPage(c, documentTitle(doc))
	page.Data = documentPage{Document: doc, Versions: vs}
	return e.render(c, "versions", page)
}

// documentTitle names a document for page titles: "Zoom · Privacy Policy".
func documentTitle(d *store.Document) string {
	if d.Platform != nil {
		return d.Platform.Name + " · " + d.DocType
	}
	if d.Name != "" {
		return d.Name
	}
	return d.DocType
}
