package app

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

// formPage binds the submitted form into dst (its `form` tags) and checks
// it (its `validate` tags), and returns the page that echoes the input back
// to its fields. The page is there even when err is not nil: a failed
// check is validation.Errors to show on it with formError; a form that
// cannot be read is a 400.
func (s *Server) formPage(c echo.Context, title string, dst any) (*Page, error) {
	page := s.newPage(c, title)
	form, err := c.FormParams()
	if err != nil {
		return page, echo.NewHTTPError(http.StatusBadRequest, "The form could not be read.").SetInternal(err)
	}
	page.Form = form
	return page, bindForm(c, dst)
}

// bindForm binds the submitted form into dst and checks it, for forms
// whose errors are not shown next to their fields.
func bindForm(c echo.Context, dst any) error {
	if err := c.Bind(dst); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "The form could not be read.").SetInternal(err)
	}
	return c.Validate(dst)
}

// formError re-renders a form with the error next to its field or above the
// form, with the fitting status. Errors that are not about the input go to
// the error handler.
func (s *Server) formError(c echo.Context, name string, page *Page, err error) error {
	status, ok := showError(c, page, err)
	if !ok {
		return err
	}
	return s.render(c, name, page, status)
}

// showError puts an error the person can act on (a refused input, a plan
// limit, a role, a conflict, throttling) on the page: next to its field,
// or as the page's error message, and returns the status to answer with
// from the error table. ok is false for errors that are not the user's to
// fix; those go to the error handler.
func showError(c echo.Context, page *Page, err error) (status int, ok bool) {
	status, body := classify(err)
	switch status {
	case http.StatusUnauthorized:
		// Wrong credentials on a form: the error page would send the
		// person to the login form they are on.
		status = http.StatusUnprocessableEntity
	case http.StatusPaymentRequired, http.StatusForbidden, http.StatusConflict,
		http.StatusUnprocessableEntity, http.StatusTooManyRequests:
	default:
		return 0, false
	}
	setRetryAfter(c, err)
	var conflict *accounts.ConflictError
	switch {
	case len(body.Fields) > 0:
		for f, m := range body.Fields {
			page.Errors.Add(f, m)
		}
	case errors.As(err, &conflict):
		page.Errors.Add(conflict.Field, conflict.Message)
	default:
		page.FlashError = body.Message
	}
	return status, true
}

// safeNext keeps only relative paths on this site, so that ?next= cannot
// send people elsewhere after logging in; anything else is fallback.
func safeNext(next, fallback string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return fallback
	}
	return u.RequestURI()
}

// nextPage is where to go after logging in: ?next= when it stays on this
// site, else the dashboard.
func (s *Server) nextPage(next string) (string, error) {
	dashboard, err := s.routePath("dashboard")
	if err != nil {
		return "", err
	}
	return safeNext(next, dashboard), nil
}

// pathID reads a numeric route parameter; anything else is not found.
func pathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("path parameter %s %q: %w", name, c.Param(name), store.ErrNotFound)
	}
	return id, nil
}
