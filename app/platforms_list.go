package app

import (
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// searchQueryMax bounds the search box input; longer queries are cut.
const searchQueryMax = 100

// platformsPage is the catalogue list.
type platformsPage struct {
	Query     string
	Platforms []store.PlatformSummary
}

func searchQuery(c echo.Context) string {
	q := strings.TrimSpace(c.QueryParam("q"))
	if len(q) > searchQueryMax {
		q = strings.ToValidUTF8(q[:searchQueryMax], "")
	}
	return q
}

func (e *catalogueHandlers) showPlatforms(c echo.Context) error {
	q := searchQuery(c)
	ps, err := e.store.PlatformSummaries(c.Request().Context(), q)
	if err != nil {
		return err
	}
	page := e.newPage(c, "Platforms")
	page.Data = platformsPage{Query: q, Platforms: ps}
	return e.render(c, "platforms", page)
}
