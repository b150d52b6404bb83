package app

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/validation"
)

// formPage is a page that echoes the submitted form back to its fields.
func (s *Server) formPage(c echo.Context, title string) (*Page, error) {
	page := s.newPage(c, title)
	form, err := c.FormParams()
	if err != nil {
		return nil, echo.NewHTTPError(http.StatusBadRequest, "The form could not be read.").SetInternal(err)
	}
	page.Form = form
	return page, nil
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

// showError puts a domain error on the page (inline or as the page's error
// message) and returns the status to answer with; ok is false for errors
// that are not the user's to fix.
func showError(c echo.Context, page *Page, err error) (status int, ok bool) {
	var (
		verrs    validation.Errors
		conflict *accounts.ConflictError
		rule     *accounts.RuleError
		limit    *billing.LimitError
		ra       retryAfterer
	)
	switch {
	case errors.As(err, &verrs):
		for f, m := range verrs {
			page.Errors.Add(f, m)
		}
		return http.StatusUnprocessableEntity, true
	case errors.As(err, &conflict):
		page.Errors.Add(conflict.Field, conflict.Message)
		return http.StatusConflict, true
	case errors.As(err, &rule):
		page.FlashError = rule.Message
		return http.StatusConflict, true
	case errors.As(err, &limit):
		page.FlashError = limit.Error()
		return http.StatusPaymentRequired, true
	case errors.Is(err, accounts.ErrInvalidCredentials):
		page.FlashError = "The e-mail address or password is not correct."
		return http.StatusUnprocessableEntity, true
	case errors.Is(err, accounts.ErrForbidden):
		page.FlashError = "Your role in this organization does not allow this."
		return http.StatusForbidden, true
	case errors.As(err, &ra):
		c.Response().Header().Set("Retry-After", strconv.Itoa(max(1, int(ra.RetryAfter().Seconds()+0.5))))
		page.FlashError = err.Error()
		return http.StatusTooManyRequests, true
	}
	return 0, false
}

// forbidden turns the domain's role refusal into a 403 for the error
// handler; other errors pass through.
func forbidden(err error) error {
	if errors.Is(err, accounts.ErrForbidden) {
		return echo.NewHTTPError(http.StatusForbidden, "Your role in this organization does not allow this.").SetInternal(err)
	}
	return err
}

// safeNext keeps only relative paths on this site, so that ?next= cannot
// send people elsewhere after logging in.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/app"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/app"
	}
	return u.RequestURI()
}

// pathID reads a numeric route parameter; anything else is not found.
func pathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.NewHTTPError(http.StatusNotFound, "Not found.")
	}
	return id, nil
}
