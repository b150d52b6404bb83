package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/store"
)

// A failed statement is logged without its bound values: a webhook secret
// or a token in an INSERT must not reach the log.
func TestFailedStatementIsLoggedWithoutValues(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite://"+filepath.Join(t.TempDir(), "log.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	const secret = "whsec_must_not_be_logged"
	// No organization 999: the foreign key refuses the row.
	if _, err := s.SaveWebhook(ctx, 999, "https://hooks.example.com/x", secret); err == nil {
		t.Fatal("the insert for a missing organization succeeded")
	}
	if !strings.Contains(buf.String(), "SQL executed") {
		t.Fatalf("the failed statement was not logged:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), secret) {
		t.Errorf("the secret is in the log:\n%s", buf.String())
	}
}
