// Package app is the Echo web application: the website, the JSON API, the
// Stripe webhook endpoint and the operational endpoints.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/watchlist"
)

// Pinger reports whether a dependency answers; used by /readyz.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are what the web app needs, built by the composition root
// (cli/services.go). Every field is required, except Billing when billing
// is not configured.
type Deps struct {
	Config    *config.Config
	Store     *store.Store
	Templates *templates.Templates
	Log       *slog.Logger
	// Redis is pinged by /readyz.
	Redis Pinger
	// Metrics is the registry served on /metrics; the app adds its HTTP
	// metrics to it.
	Metrics *prometheus.Registry
	// Accounts is the sign-up, login, members and tokens logic.
	Accounts *accounts.Service
	// QueueUI is the Asynq dashboard mounted at /admin/queues for staff.
	QueueUI http.Handler
	// Watchlist is the watchlist and plan logic.
	Watchlist *watchlist.Service
	// RateLimiter counts API requests per token.
	RateLimiter RateLimiter
	// Billing is Stripe Checkout, the Billing Portal and the webhook; nil
	// when STRIPE_SECRET_KEY is not set (billing "not configured").
	Billing *stripebilling.Service
	// Alerts is the alert settings and unsubscribe logic.
	Alerts *alerts.Service
	// Insight computes the compliance views and keeps the process's cache
	// of classified versions.
	Insight *insight.Service
}

// Server is the web application.
type Server struct {
	cfg     *config.Config
	store   *store.Store
	tmpl    *templates.Templates
	log     *slog.Logger
	redis   Pinger
	metrics *httpMetrics
	echo    *echo.Echo
	deps    Deps
	// routePaths are the route patterns by route name, for links.
	routePaths map[string]string
	// flashKey signs flash cookies.
	flashKey []byte
}

// New builds the web application with all routes.
func New(d Deps) (*Server, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	m, err := newHTTPMetrics(d.Metrics)
	if err != nil {
		return nil, err
	}
	ipExtractor, err := clientIPExtractor(d.Config)
	if err != nil {
		return nil, err
	}
	flashKey, err := newFlashKey(d.Config.SessionSecret)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:      d.Config,
		store:    d.Store,
		tmpl:     d.Templates,
		log:      d.Log,
		redis:    d.Redis,
		metrics:  m,
		deps:     d,
		flashKey: flashKey,
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.Validator = newInputValidator()
	e.IPExtractor = ipExtractor
	s.echo = e
	s.routes()
	if err := s.indexRoutes(); err != nil {
		return nil, err
	}
	return s, nil
}

// Handler is the HTTP handler to serve.
func (s *Server) Handler() http.Handler { return s.echo }

// Echo exposes the router for tests that need to build URLs by route name.
func (s *Server) Echo() *echo.Echo { return s.echo }

// check refuses a missing dependency: a web app built without one would
// fail later, on some request, instead of at start.
func (d Deps) check() error {
	var missing []string
	for name, absent := range map[string]bool{
		"config": d.Config == nil, "store": d.Store == nil, "templates": d.Templates == nil, "logger": d.Log == nil,
		"redis": d.Redis == nil, "metrics": d.Metrics == nil, "accounts": d.Accounts == nil, "queue dashboard": d.QueueUI == nil,
		"watchlist": d.Watchlist == nil, "rate limiter": d.RateLimiter == nil, "alerts": d.Alerts == nil,
		"insight": d.Insight == nil,
	} {
		if absent {
			missing = append(missing, name)
		}
	}
	if d.Config != nil && d.Config.BillingEnabled() && d.Billing == nil {
		missing = append(missing, "billing (STRIPE_SECRET_KEY is set)")
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("app: missing %s", strings.Join(missing, ", "))
	}
	return nil
}
