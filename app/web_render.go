package app

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// Page is what every page template receives: the layout reads the user,
// organization, CSRF token and flash; the page reads Data.
type Page struct {
	Title        string
	Description  string // the meta description of public, indexable pages
	Canonical    string // their absolute canonical URL
	User         *store.User
	Organization *store.Organization
	Role         store.Role
	Plan         billing.Plan
	CSRF         string
	Flash        string
	FlashError   string
	Errors       validation.Errors
	Form         url.Values
	BillingOn    bool
	Data         any
}

// newPage fills the parts every page has from the request.
func (s *Server) newPage(c echo.Context, title string) *Page {
	p := &Page{Title: title, CSRF: csrfToken(c), BillingOn: s.cfg.BillingEnabled(), Errors: validation.Errors{}}
	if a := authFrom(c); a != nil {
		p.User = a.User
		p.Organization = a.Organization
		p.Role = a.Role
		p.Plan = billing.Entitlements(a.Organization.Plan)
	}
	p.Flash = s.takeFlash(c, flashCookie)
	p.FlashError = s.takeFlash(c, flashErrorCookie)
	return p
}

// render writes a page with status 200, or the given status.
func (s *Server) render(c echo.Context, name string, page *Page, status ...int) error {
	code := http.StatusOK
	if len(status) > 0 {
		code = status[0]
	}
	c.Response().Header().Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	c.Response().WriteHeader(code)
	return s.tmpl.Page(c.Response(), name, page)
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
