package store_test

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/clausewatch/clausewatch/store"
)

func TestUnavailable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"bad connection", fmt.Errorf("session: %w", driver.ErrBadConn), true},
		{"admin shutdown", fmt.Errorf("query: %w", &pgconn.PgError{Code: "57P01"}), true},
		{"starting up", &pgconn.PgError{Code: "57P03"}, true},
		{"too many connections", &pgconn.PgError{Code: "53300"}, true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"syntax error", &pgconn.PgError{Code: "42601"}, false},
		{"not found", store.ErrNotFound, false},
		{"other", errors.New("boom"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := store.Unavailable(tt.err); got != tt.want {
				t.Errorf("Unavailable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// A refused connection, as the driver reports it, is unavailable.
func TestUnavailableRefusedConnection(t *testing.T) {
	_, err := pgconn.Connect(t.Context(), "postgres://nobody@127.0.0.1:1/x?connect_timeout=2")
	if err == nil {
		t.Fatal("connected to port 1")
	}
	if !store.Unavailable(fmt.Errorf("session: %w", err)) {
		t.Errorf("Unavailable(%v) = false", err)
	}
}
