package app

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/templates"
)

// routePath is the path of the named route with its parameters filled in,
// each path-escaped. An unknown name or a wrong number of parameters is an
// error, so that a renamed route fails where it is linked instead of
// leading nowhere. Templates call it as `url`.
func (s *Server) routePath(name string, params ...any) (string, error) {
	pattern, ok := s.routePaths[name]
	if !ok {
		return "", fmt.Errorf("url: no route named %q", name)
	}
	if n := routeParams(pattern); n != len(params) {
		return "", fmt.Errorf("url: route %q (%s) takes %d parameters, got %d", name, pattern, n, len(params))
	}
	escaped := make([]any, len(params))
	for i, p := range params {
		escaped[i] = url.PathEscape(fmt.Sprint(p))
	}
	return s.echo.Reverse(name, escaped...), nil
}

// routeParams counts the parameters (":id", "*") of a route pattern.
func routeParams(pattern string) int {
	n := 0
	for _, seg := range strings.Split(pattern, "/") {
		if strings.HasPrefix(seg, ":") || seg == "*" {
			n++
		}
	}
	return n
}

// absoluteURL is routePath on the configured base URL, for links that
// leave the site: feeds, API answers, e-mails.
func (s *Server) absoluteURL(name string, params ...any) (string, error) {
	p, err := s.routePath(name, params...)
	if err != nil {
		return "", err
	}
	return s.cfg.BaseURL + p, nil
}

// redirect answers a successful form with 303 See Other to the named
// route.
func (s *Server) redirect(c echo.Context, name string, params ...any) error {
	return s.redirectWith(c, "", name, params...)
}

// redirectWith is redirect with suffix, a query ("?checked=7") or a
// fragment ("#feed"), after the route's path.
func (s *Server) redirectWith(c echo.Context, suffix, name string, params ...any) error {
	p, err := s.routePath(name, params...)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, p+suffix)
}

// indexRoutes records the named routes and gives the templates their url
// function; a template linking to a route that does not exist stops the
// app from starting.
func (s *Server) indexRoutes() error {
	s.routePaths = map[string]string{}
	for _, r := range s.echo.Routes() {
		if r.Name != "" {
			s.routePaths[r.Name] = r.Path
		}
	}
	names, err := templates.RouteNames()
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, ok := s.routePaths[n]; !ok {
			return fmt.Errorf("templates link to route %q, which does not exist", n)
		}
	}
	tmpl, err := s.tmpl.WithURL(s.routePath)
	if err != nil {
		return fmt.Errorf("bind routes to templates: %w", err)
	}
	s.tmpl = tmpl
	return nil
}
