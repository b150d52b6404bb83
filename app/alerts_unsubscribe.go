package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/store"
)

// unsubscribePage is the data of the unsubscribe page.
type unsubscribePage struct {
	Token  string
	Target *alerts.UnsubscribeTarget
	Done   bool
}

// showUnsubscribe asks to confirm: a GET must not change anything, since
// mail scanners follow links.
func (s *Server) showUnsubscribe(c echo.Context) error {
	token := c.QueryParam("token")
	t, err := s.alerts().Describe(c.Request().Context(), token)
	if err != nil {
		return unsubscribeError(err)
	}
	page := s.newPage(c, "Unsubscribe")
	page.Data = unsubscribePage{Token: token, Target: t}
	return s.render(c, "unsubscribe", page)
}

// saveUnsubscribe unsubscribes: from the confirmation form, or as the
// one-click POST of RFC 8058 sent by mail clients.
func (s *Server) saveUnsubscribe(c echo.Context) error {
	token := c.QueryParam("token")
	if token == "" {
		token = c.FormValue("token")
	}
	t, err := s.alerts().Unsubscribe(c.Request().Context(), token)
	if err != nil {
		return unsubscribeError(err)
	}
	page := s.newPage(c, "Unsubscribed")
	page.Data = unsubscribePage{Target: t, Done: true}
	return s.render(c, "unsubscribe", page)
}

// unsubscribeError says of a stale link that it is the link that no longer
// works, not some page; a malformed link is in the error table.
func unsubscribeError(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return echo.NewHTTPError(http.StatusNotFound, "This unsubscribe link is no longer valid.").SetInternal(err)
	}
	return err
}
