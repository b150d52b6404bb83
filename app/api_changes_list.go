package app

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// apiChangesLimit bounds one answer of /api/v1/changes; callers page with
// ?since= from the oldest change they got.
const apiChangesLimit = 200

// apiChanges lists changes to the organization's actively watched
// documents, newest first, optionally since an RFC 3339 time.
func (s *Server) apiChanges(c echo.Context) error {
	var since time.Time
	if raw := c.QueryParam("since"); raw != "" {
		t, err := time.Parse(time.RFC3339, raw)
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "since must be an RFC 3339 time, e.g. 2026-03-01T00:00:00Z.").SetInternal(err)
		}
		since = t
	}
	a := authFrom(c)
	cs, err := s.watchlist().Changes(c.Request().Context(), a.Organization.ID, since, apiChangesLimit)
	if err != nil {
		return err
	}
	out := make([]apiChangeItem, len(cs))
	for i, ch := range cs {
		if out[i], err = s.apiChangeOf(ch); err != nil {
			return err
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"changes": out})
}
