package app

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/watchlist"
)

// watchPlatformForm is the Watch button of a catalogue platform.
type watchPlatformForm struct {
	Platform string `form:"platform"`
}

// watchCustomForm adds a custom URL; the selectors are one per line.
type watchCustomForm struct {
	URL    string    `form:"url"`
	Name   string    `form:"name"`
	Select textLines `form:"select"`
	Remove textLines `form:"remove"`
}

// addWatchPlatform watches a catalogue platform from the watchlist page.
func (s *Server) addWatchPlatform(c echo.Context) error {
	var in watchPlatformForm
	page, err := s.formPage(c, "Watchlist", &in)
	if err != nil {
		return s.watchlistError(c, page, err)
	}
	a := authFrom(c)
	w, err := s.watchlist().AddPlatform(c.Request().Context(), a.Organization.ID, a.User.ID, in.Platform)
	if err != nil {
		return s.watchlistError(c, page, err)
	}
	s.setFlash(c, "You now watch "+w.Label()+".")
	return s.redirect(c, "watchlist")
}

// addWatchCustom adds a custom URL and shows the outcome of its first
// check on the watchlist page.
func (s *Server) addWatchCustom(c echo.Context) error {
	var in watchCustomForm
	page, err := s.formPage(c, "Watchlist", &in)
	if err != nil {
		return s.watchlistError(c, page, err)
	}
	a := authFrom(c)
	added, err := s.watchlist().AddCustomURL(c.Request().Context(), a.Organization.ID, a.User.ID,
		watchlist.CustomURL{URL: in.URL, Name: in.Name, Select: in.Select, Remove: in.Remove})
	if err != nil {
		return s.watchlistError(c, page, err)
	}
	s.setFlash(c, "You now watch "+added.Watch.Label()+".")
	return s.redirectWith(c, "?checked="+strconv.FormatInt(added.Watch.ID, 10), "watchlist")
}
