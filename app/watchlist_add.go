package app

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/watchlist"
)

// addWatchPlatform watches a catalogue platform from the watchlist page.
func (s *Server) addWatchPlatform(c echo.Context) error {
	page, err := s.formPage(c, "Watchlist")
	if err != nil {
		return err
	}
	a := authFrom(c)
	w, err := s.watchlist().AddPlatform(c.Request().Context(), a.Organization.ID, a.User.ID, page.Form.Get("platform"))
	if err != nil {
		return s.watchlistError(c, page, err)
	}
	s.setFlash(c, "You now watch "+w.Label()+".")
	return s.redirect(c, "watchlist")
}

// addWatchCustom adds a custom URL and shows the outcome of its first
// check on the watchlist page.
func (s *Server) addWatchCustom(c echo.Context) error {
	page, err := s.formPage(c, "Watchlist")
	if err != nil {
		return err
	}
	a := authFrom(c)
	in := watchlist.CustomURL{
		URL:    page.Form.Get("url"),
		Name:   page.Form.Get("name"),
		Select: lines(page.Form.Get("select")),
		Remove: lines(page.Form.Get("remove")),
	}
	added, err := s.watchlist().AddCustomURL(c.Request().Context(), a.Organization.ID, a.User.ID, in)
	if err != nil {
		return s.watchlistError(c, page, err)
	}
	s.setFlash(c, "You now watch "+added.Watch.Label()+".")
	return s.redirectWith(c, "?checked="+strconv.FormatInt(added.Watch.ID, 10), "watchlist")
}

// lines splits a textarea into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
