package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFromMapDefaults(t *testing.T) {
	cfg, err := FromMap(map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:8080" || cfg.BaseURL != "http://127.0.0.1:8080" {
		t.Errorf("addr %q base %q", cfg.Addr, cfg.BaseURL)
	}
	if cfg.DatabaseURL != "sqlite://data/clausewatch.db" {
		t.Errorf("database %q", cfg.DatabaseURL)
	}
	if !cfg.EmbeddedRedis() || !cfg.SQLite() || cfg.BillingEnabled() || cfg.Secure() {
		t.Errorf("embedded defaults not applied: %+v", cfg)
	}
	if cfg.CheckInterval != 6*time.Hour {
		t.Errorf("interval %s", cfg.CheckInterval)
	}
}

func TestFromMapErrors(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"bad database", map[string]string{"DATABASE_URL": "mysql://x"}, "DATABASE_URL"},
		{"bad redis", map[string]string{"REDIS_URL": "localhost:6379"}, "REDIS_URL"},
		{"bad base", map[string]string{"CLAUSEWATCH_BASE_URL": "ftp://x"}, "CLAUSEWATCH_BASE_URL"},
		{"short secret", map[string]string{"SESSION_SECRET": "short"}, "SESSION_SECRET"},
		{"stripe without webhook", map[string]string{"STRIPE_SECRET_KEY": "sk_test_x"}, "STRIPE_WEBHOOK_SECRET"},
		{"per host zero", map[string]string{"CLAUSEWATCH_FETCH_PER_HOST": "0"}, "CLAUSEWATCH_FETCH_PER_HOST"},
		{"tiny interval", map[string]string{"CLAUSEWATCH_CHECK_INTERVAL": "1s"}, "CLAUSEWATCH_CHECK_INTERVAL"},
		{"unparsable interval", map[string]string{"CLAUSEWATCH_CHECK_INTERVAL": "often"}, "CLAUSEWATCH_CHECK_INTERVAL"},
		{"both file and value", map[string]string{"SESSION_SECRET": strings.Repeat("a", 32), "SESSION_SECRET_FILE": "/x"}, "SESSION_SECRET_FILE"},
		{"missing file", map[string]string{"SESSION_SECRET_FILE": "/nonexistent/secret"}, "SESSION_SECRET_FILE"},
		{"shared redis without secret", map[string]string{"REDIS_URL": "redis://127.0.0.1:6379/0"}, "SESSION_SECRET"},
		{"bad trusted proxy", map[string]string{"CLAUSEWATCH_TRUSTED_PROXIES": "10.0.0.0/8,proxy.internal"}, "CLAUSEWATCH_TRUSTED_PROXIES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromMap(tt.vars)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want error mentioning %s", err, tt.want)
			}
		})
	}
}

func TestTrustedProxyNets(t *testing.T) {
	cfg, err := FromMap(map[string]string{"CLAUSEWATCH_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7,2001:db8::/32"})
	if err != nil {
		t.Fatal(err)
	}
	nets, err := cfg.TrustedProxyNets()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range nets {
		got = append(got, n.String())
	}
	if strings.Join(got, " ") != "10.0.0.0/8 192.0.2.7/32 2001:db8::/32" {
		t.Fatalf("nets = %v", got)
	}
}

func TestFileVariant(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret")
	secret := strings.Repeat("s", 40)
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := FromMap(map[string]string{"SESSION_SECRET_FILE": path})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.SessionSecret != secret {
		t.Errorf("secret %q", cfg.SessionSecret)
	}
}

func TestEnsureSessionSecretPersists(t *testing.T) {
	dir := t.TempDir()
	a := &Config{DataDir: dir}
	if err := a.EnsureSessionSecret(); err != nil {
		t.Fatal(err)
	}
	b := &Config{DataDir: dir}
	if err := b.EnsureSessionSecret(); err != nil {
		t.Fatal(err)
	}
	if len(a.SessionSecret) < 32 || a.SessionSecret != b.SessionSecret {
		t.Errorf("secret not kept: %q vs %q", a.SessionSecret, b.SessionSecret)
	}
}
