package app

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/labstack/echo/v4"
	"github.com/stripe/stripe-go/v76"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
	"github.com/clausewatch/clausewatch/watchlist"
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
		{"wrong credentials", fmt.Errorf("login: %w", accounts.ErrInvalidCredentials), http.StatusUnauthorized, "unauthorized"},
		{"role", fmt.Errorf("invite: %w", accounts.ErrForbidden), http.StatusForbidden, "forbidden"},
		{"read-only member", &watchlist.ReadOnlyError{PlanName: "Free", Members: 2, Limit: 1}, http.StatusForbidden, "forbidden"},
		{"taken address", &accounts.ConflictError{Field: "email", Message: "This e-mail address is already registered."}, http.StatusConflict, "conflict"},
		{"last owner", fmt.Errorf("leave: %w", &accounts.RuleError{Message: "Transfer ownership first."}), http.StatusConflict, "conflict"},
		{"plan limit", fmt.Errorf("add: %w", &billing.LimitError{Plan: billing.Entitlements(billing.PlanFree), Limit: billing.LimitPlatforms}), http.StatusPaymentRequired, "plan_limit"},
		{"feature", &billing.FeatureError{Plan: billing.Entitlements(billing.PlanFree), Feature: billing.FeatureAuditExport}, http.StatusPaymentRequired, "feature_not_in_plan"},
		{"invalid field", fmt.Errorf("signup: %w", validation.Errors{"email": "Enter an e-mail address."}), http.StatusUnprocessableEntity, "invalid"},
		{"throttled", fmt.Errorf("login: %w", &accounts.ThrottledError{Wait: time.Minute}), http.StatusTooManyRequests, "rate_limited"},
		{"billing off", fmt.Errorf("checkout: %w", stripebilling.ErrNotConfigured), http.StatusServiceUnavailable, "unavailable"},
		{"already subscribed", stripebilling.ErrAlreadySubscribed, http.StatusConflict, "conflict"},
		{"no subscription", stripebilling.ErrNoSubscription, http.StatusConflict, "conflict"},
		{"unknown plan", &stripebilling.PlanError{Plan: "gold", Reason: "There is no plan gold."}, http.StatusUnprocessableEntity, "invalid"},
		{"stripe refused", fmt.Errorf("checkout: %w", &stripe.Error{Msg: "No such price"}), http.StatusBadGateway, "internal"},
		{"bad signature", fmt.Errorf("webhook: %w", stripebilling.ErrSignature), http.StatusBadRequest, "bad_request"},
		{"bad unsubscribe link", alerts.ErrBadUnsubscribe, http.StatusBadRequest, "bad_request"},
		{"handler's refusal wrapping a domain error", echo.NewHTTPError(http.StatusNotFound, "This unsubscribe link is no longer valid.").SetInternal(store.ErrNotFound),
			http.StatusNotFound, "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := classify(tt.err)
			var he *echo.HTTPError
			if errors.As(tt.err, &he) && body.Message != he.Message {
				t.Errorf("message = %q, want the handler's %q", body.Message, he.Message)
			}
			if status != tt.status || body.Code != tt.code {
				t.Errorf("classify(%v) = %d %q, want %d %q", tt.err, status, body.Code, tt.status, tt.code)
			}
			if status >= 500 && body.Message == tt.err.Error() {
				t.Errorf("the message shows the internal error %q", body.Message)
			}
			// Wrapping context ("login: …") is for the log, not for the
			// person.
			if inner := errors.Unwrap(tt.err); inner != nil && status < 500 {
				if wrap := strings.TrimSuffix(tt.err.Error(), inner.Error()); wrap != "" && strings.HasPrefix(body.Message, wrap) {
					t.Errorf("the message shows wrapping context: %q", body.Message)
				}
			}
		})
	}
}
