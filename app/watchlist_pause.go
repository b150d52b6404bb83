package app

import (
	"github.com/labstack/echo/v4"
)

// pauseWatch pauses one watch.
func (s *Server) pauseWatch(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.watchlist().Pause(c.Request().Context(), authFrom(c).Organization.ID, id); err != nil {
		return err
	}
	s.setFlash(c, "Paused. It keeps its place in your plan; resume it at any time.")
	return s.redirect(c, "watchlist")
}

// resumeWatch resumes one watch when the plan has room for it.
func (s *Server) resumeWatch(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.watchlist().Resume(c.Request().Context(), authFrom(c).Organization.ID, id); err != nil {
		return s.watchlistError(c, s.newPage(c, "Watchlist"), err)
	}
	s.setFlash(c, "Resumed.")
	return s.redirect(c, "watchlist")
}
