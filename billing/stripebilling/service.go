// Package stripebilling connects organizations to Stripe: Checkout and the
// Billing Portal to subscribe and manage, webhook events that move the
// plan with the subscription (once per event, never backwards in time),
// and reconciliation against Stripe for missed events. Plans themselves
// live in package billing.
package stripebilling

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/watchlist"
)

// Deps are what the service needs. Mail and Templates may be nil: then
// nobody is mailed. Metrics may be nil: then nothing is counted.
type Deps struct {
	Config    *config.Config
	Store     *store.Store
	Mail      mail.Sender
	Templates *templates.Templates
	Log       *slog.Logger
	Metrics   prometheus.Registerer
	Now       func() time.Time
	// HTTPClient calls the Stripe API; nil uses a client with a 30 s
	// timeout.
	HTTPClient *http.Client
}

// Service is the Stripe side of billing.
type Service struct {
	cfg     *config.Config
	store   *store.Store
	mail    mail.Sender
	tmpl    *templates.Templates
	log     *slog.Logger
	now     func() time.Time
	api     *client.API
	metrics *metrics
	baseURL string
}

// New builds the service; billing must be configured (STRIPE_SECRET_KEY).
// The Stripe client gets the key and the API base URL of this service
// only: nothing is set on the stripe package's globals.
func New(d Deps) (*Service, error) {
	if d.Config == nil || d.Store == nil {
		return nil, fmt.Errorf("stripe billing: missing dependency")
	}
	if !d.Config.BillingEnabled() {
		return nil, ErrNotConfigured
	}
	s := &Service{
		cfg: d.Config, store: d.Store, mail: d.Mail, tmpl: d.Templates, log: d.Log, now: d.Now,
		baseURL: strings.TrimRight(d.Config.BaseURL, "/"),
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = func() time.Time { return time.Now().UTC() }
	}
	m, err := newMetrics(d.Metrics)
	if err != nil {
		return nil, err
	}
	s.metrics = m
	httpClient := d.HTTPClient
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 30 * time.Second}
	}
	bc := &stripe.BackendConfig{HTTPClient: httpClient, LeveledLogger: leveledLogger{s.log}}
	if d.Config.StripeAPIBase != "" {
		bc.URL = stripe.String(d.Config.StripeAPIBase)
	}
	backend := stripe.GetBackendWithConfig(stripe.APIBackend, bc)
	s.api = client.New(d.Config.StripeSecretKey, &stripe.Backends{API: backend, Connect: backend, Uploads: backend})
	return s, nil
}

// priceOf is the configured Stripe price of a paid plan.
func (s *Service) priceOf(planID string) (string, bool) {
	var price string
	switch planID {
	case billing.PlanMonitor:
		price = s.cfg.StripePriceMonitor
	case billing.PlanCompliance:
		price = s.cfg.StripePriceCompliance
	}
	return price, price != ""
}

// planOf is the plan a configured Stripe price buys.
func (s *Service) planOf(priceID string) (string, bool) {
	switch {
	case priceID == "":
		return "", false
	case priceID == s.cfg.StripePriceMonitor:
		return billing.PlanMonitor, true
	case priceID == s.cfg.StripePriceCompliance:
		return billing.PlanCompliance, true
	}
	return "", false
}

// planWatchlist is the watchlist service on tx, so that the plan change
// commits or rolls back with the event that caused it.
func (s *Service) planWatchlist(tx *store.Store) *watchlist.Service {
	return watchlist.New(watchlist.Deps{
		Store: tx, Mail: s.mail, Templates: s.tmpl, BaseURL: s.baseURL, Log: s.log, Now: s.now,
	})
}

// leveledLogger routes stripe-go's own log lines to slog.
type leveledLogger struct{ l *slog.Logger }

func (l leveledLogger) Debugf(format string, v ...any) {
	l.l.Debug(fmt.Sprintf(format, v...), slog.String("component", "stripe"))
}
func (l leveledLogger) Infof(format string, v ...any) {
	l.l.Debug(fmt.Sprintf(format, v...), slog.String("component", "stripe"))
}
func (l leveledLogger) Warnf(format string, v ...any) {
	l.l.Warn(fmt.Sprintf(format, v...), slog.String("component", "stripe"))
}
func (l leveledLogger) Errorf(format string, v ...any) {
	l.l.Error(fmt.Sprintf(format, v...), slog.String("component", "stripe"))
}
