package app

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/http"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

func TestClassify(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
	tests := []struct {
		name   string
		err    error
		status int
		code   string
	}{
		{"database refused", fmt.Errorf("session: %w", &pgconn.ConnectError{}), http.StatusServiceUnavailable, "unavailable"},
		{"database shutting down", fmt.Errorf("load user: %w", &pgconn.PgError{Code: "57P01"}), http.StatusServiceUnavailable, "unavailable"},
		{"database starting up", &pgconn.PgError{Code: "57P03"}, http.StatusServiceUnavailable, "unavailable"},
		{"bad connection", fmt.Errorf("tx: %w", driver.ErrBadConn), http.StatusServiceUnavailable, "unavailable"},
		{"redis refused", fmt.Errorf("rate limit: %w", refused), http.StatusServiceUnavailable, "unavailable"},
		{"ping timed out", fmt.Errorf("ping database: %w", context.DeadlineExceeded), http.StatusServiceUnavailable, "unavailable"},
		{"unique violation", &pgconn.PgError{Code: "23505"}, http.StatusInternalServerError, "internal"},
		{"not found", fmt.Errorf("watch: %w", store.ErrNotFound), http.StatusNotFound, "not_found"},
		{"http error", echo.NewHTTPError(http.StatusForbidden, "No."), http.StatusForbidden, "forbidden"},
		{"anything else", errors.New("nil map"), http.StatusInternalServerError, "internal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := classify(tt.err)
			if status != tt.status || body.Code != tt.code {
				t.Errorf("classify(%v) = %d %q, want %d %q", tt.err, status, body.Code, tt.status, tt.code)
			}
			if status >= 500 && body.Message == tt.err.Error() {
				t.Errorf("the message shows the internal error %q", body.Message)
			}
		})
	}
}
