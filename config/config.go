// Package config holds Clausewatch's configuration: one struct read from the
// environment (and an optional .env file), with defaults for the embedded,
// zero-setup mode.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
	"github.com/joho/godotenv"
)

// Config is the whole configuration. It is loaded once in main and passed
// down explicitly.
type Config struct {
	Addr          string `env:"CLAUSEWATCH_ADDR" envDefault:"127.0.0.1:8080"`
	BaseURL       string `env:"CLAUSEWATCH_BASE_URL"`
	DataDir       string `env:"CLAUSEWATCH_DATA_DIR" envDefault:"data"`
	DatabaseURL   string `env:"DATABASE_URL"`
	RedisURL      string `env:"REDIS_URL"`
	SMTPURL       string `env:"SMTP_URL"`
	MailFrom      string `env:"MAIL_FROM" envDefault:"Clausewatch <alerts@localhost>"`
	SessionSecret string `env:"SESSION_SECRET"`
	// MetricsToken is the bearer token Prometheus sends for /metrics;
	// empty turns /metrics off (the metrics name routes and failing
	// documents, which outsiders have no business reading).
	MetricsToken string `env:"CLAUSEWATCH_METRICS_TOKEN"`
	LogLevel     string `env:"CLAUSEWATCH_LOG_LEVEL" envDefault:"info"`

	StripeSecretKey       string `env:"STRIPE_SECRET_KEY"`
	StripeWebhookSecret   string `env:"STRIPE_WEBHOOK_SECRET"`
	StripePriceMonitor    string `env:"STRIPE_PRICE_MONITOR"`
	StripePriceCompliance string `env:"STRIPE_PRICE_COMPLIANCE"`
	StripeAPIBase         string `env:"STRIPE_API_BASE"`

	CheckInterval     time.Duration `env:"CLAUSEWATCH_CHECK_INTERVAL" envDefault:"6h"`
	FetchAllowPrivate bool          `env:"CLAUSEWATCH_FETCH_ALLOW_PRIVATE" envDefault:"false"`
	// FetchPerHost is how many requests one worker process sends to one
	// host at a time; 1 keeps us a polite visitor.
	FetchPerHost int `env:"CLAUSEWATCH_FETCH_PER_HOST" envDefault:"1"`
	// WorkerConcurrency is how many tasks one worker process runs at once.
	// A check spends most of its time waiting for the page and for the
	// database, so a worker runs many more than it has cores: with 8 at a
	// time, a round of 500 generated pages over loopback left the cores
	// idle for a tenth of its time, and real sites answer in hundreds of
	// milliseconds instead of one. Each check in flight holds its page,
	// parsed, a few MB for a large real page.
	WorkerConcurrency int `env:"CLAUSEWATCH_WORKER_CONCURRENCY" envDefault:"32"`
	// TrustedProxies are the CIDRs (or single addresses) of reverse proxies
	// whose X-Forwarded-For is believed for the client address; empty means
	// the connection's peer is the client.
	TrustedProxies []string `env:"CLAUSEWATCH_TRUSTED_PROXIES" envSeparator:","`
	// ChromiumPath points at a Chromium binary for documents that need
	// client-side scripts; empty means look for it on PATH.
	ChromiumPath string `env:"CLAUSEWATCH_CHROMIUM"`
}

// secretVars may also be given as NAME_FILE, the path of a file holding the
// value, so that secrets need not sit in the environment.
var secretVars = []string{
	"DATABASE_URL", "REDIS_URL", "SMTP_URL", "SESSION_SECRET", "CLAUSEWATCH_METRICS_TOKEN",
	"STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET",
}

// Load reads the configuration from the process environment, with a .env
// file in the working directory as a lower-priority source.
func Load() (*Config, error) {
	vars := map[string]string{}
	if dotenv, err := godotenv.Read(".env"); err == nil {
		for k, v := range dotenv {
			vars[k] = v
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read .env: %w", err)
	}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			vars[k] = v
		}
	}
	return FromMap(vars)
}

// FromMap builds the configuration from the given variables; it is Load
// without the process environment, for tests and tools.
func FromMap(vars map[string]string) (*Config, error) {
	if err := resolveFileVars(vars); err != nil {
		return nil, err
	}
	cfg := &Config{}
	if err := env.ParseWithOptions(cfg, env.Options{Environment: vars}); err != nil {
		return nil, fmt.Errorf("configuration: %w", nameVariables(err))
	}
	cfg.applyDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// nameVariables rewrites the library's parse errors, which name struct
// fields, to name the environment variables a user actually sets.
func nameVariables(err error) error {
	var agg env.AggregateError
	if !errors.As(err, &agg) {
		return err
	}
	fields := reflect.TypeOf(Config{})
	var out []error
	for _, e := range agg.Errors {
		var pe env.ParseError
		if errors.As(e, &pe) {
			if f, ok := fields.FieldByName(pe.Name); ok {
				out = append(out, fmt.Errorf("%s: %w", f.Tag.Get("env"), pe.Err))
				continue
			}
		}
		out = append(out, e)
	}
	return errors.Join(out...)
}

func resolveFileVars(vars map[string]string) error {
	for _, name := range secretVars {
		path := vars[name+"_FILE"]
		if path == "" {
			continue
		}
		if vars[name] != "" {
			return fmt.Errorf("configuration: both %s and %s_FILE are set; keep one", name, name)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("configuration: %s_FILE: %w", name, err)
		}
		vars[name] = strings.TrimSpace(string(data))
	}
	return nil
}

func (c *Config) applyDefaults() {
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.DatabaseURL == "" {
		c.DatabaseURL = "sqlite://" + c.DataDir + "/clausewatch.db"
	}
}

// Validate checks the rules that span fields, with messages that say what to
// change.
func (c *Config) Validate() error {
	var errs []error
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("CLAUSEWATCH_BASE_URL must be an absolute http(s) URL, got %q", c.BaseURL))
	}
	if !strings.HasPrefix(c.DatabaseURL, "sqlite://") && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		errs = append(errs, fmt.Errorf("DATABASE_URL must start with sqlite:// or postgres://"))
	}
	if c.RedisURL != "" && !strings.HasPrefix(c.RedisURL, "redis://") && !strings.HasPrefix(c.RedisURL, "rediss://") {
		errs = append(errs, fmt.Errorf("REDIS_URL must start with redis:// or rediss://"))
	}
	if c.SMTPURL != "" && !strings.HasPrefix(c.SMTPURL, "smtp://") && !strings.HasPrefix(c.SMTPURL, "smtps://") {
		errs = append(errs, fmt.Errorf("SMTP_URL must start with smtp:// or smtps://"))
	}
	// Processes that share Redis sign for each other (an unsubscribe link
	// made by a worker is checked by the web app): a secret generated per
	// process would break them.
	if c.RedisURL != "" && c.SessionSecret == "" {
		errs = append(errs, fmt.Errorf("SESSION_SECRET (or SESSION_SECRET_FILE) must be set, the same in every process, when REDIS_URL is set"))
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		errs = append(errs, fmt.Errorf("CLAUSEWATCH_METRICS_TOKEN must be at least 16 characters"))
	}
	if c.SessionSecret != "" && len(c.SessionSecret) < 32 {
		errs = append(errs, fmt.Errorf("SESSION_SECRET must be at least 32 characters"))
	}
	if c.StripeSecretKey != "" && c.StripeWebhookSecret == "" {
		errs = append(errs, fmt.Errorf("STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set"))
	}
	if c.CheckInterval < time.Minute {
		errs = append(errs, fmt.Errorf("CLAUSEWATCH_CHECK_INTERVAL must be at least 1m, got %s", c.CheckInterval))
	}
	if c.FetchPerHost < 1 || c.FetchPerHost > 16 {
		errs = append(errs, fmt.Errorf("CLAUSEWATCH_FETCH_PER_HOST must be between 1 and 16"))
	}
	if c.WorkerConcurrency < 1 {
		errs = append(errs, fmt.Errorf("CLAUSEWATCH_WORKER_CONCURRENCY must be at least 1"))
	}
	if _, err := c.TrustedProxyNets(); err != nil {
		errs = append(errs, err)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("CLAUSEWATCH_LOG_LEVEL must be debug, info, warn or error"))
	}
	if len(errs) > 0 {
		return fmt.Errorf("configuration: %w", errors.Join(errs...))
	}
	return nil
}

// Secure reports whether the site is served over https, which decides the
// cookie attributes and HSTS.
func (c *Config) Secure() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// TrustedProxyNets parses TrustedProxies; a bare address is a network of
// one.
func (c *Config) TrustedProxyNets() ([]*net.IPNet, error) {
	var nets []*net.IPNet
	for _, p := range c.TrustedProxies {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if ip := net.ParseIP(p); ip != nil {
			bits := 128
			if ip.To4() != nil {
				ip, bits = ip.To4(), 32
			}
			nets = append(nets, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(p)
		if err != nil {
			return nil, fmt.Errorf("CLAUSEWATCH_TRUSTED_PROXIES: %q is not an address or CIDR", p)
		}
		nets = append(nets, n)
	}
	return nets, nil
}

// EmbeddedRedis reports whether the in-process Redis is used.
func (c *Config) EmbeddedRedis() bool { return c.RedisURL == "" }

// SQLite reports whether the database is the embedded SQLite file.
func (c *Config) SQLite() bool { return strings.HasPrefix(c.DatabaseURL, "sqlite://") }

// BillingEnabled reports whether Stripe is configured.
func (c *Config) BillingEnabled() bool { return c.StripeSecretKey != "" }
