package app

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// apiError is the JSON error body of the API:
// {"error":{"code":"plan_limit","message":"…","limit":1,"plan":"free"}}.
type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Limit   *int              `json:"limit,omitempty"`
	Plan    string            `json:"plan,omitempty"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// retryAfterer is implemented by domain errors that ask the caller to wait
// (login throttling, rate limits).
type retryAfterer interface {
	RetryAfter() time.Duration
}

// classify maps any error to a status and an API error body. It is the one
// place where domain errors meet HTTP.
func classify(err error) (int, apiError) {
	var (
		he    *echo.HTTPError
		verrs validation.Errors
		limit *billing.LimitError
		feat  *billing.FeatureError
		ra    retryAfterer
	)
	switch {
	case unavailable(err):
		return http.StatusServiceUnavailable, apiError{Code: "unavailable", Message: "Clausewatch is briefly unavailable. Please try again in a moment."}
	case bodyTooLarge(err):
		return http.StatusRequestEntityTooLarge, apiError{Code: "too_large", Message: "The request body is too large."}
	case errors.As(err, &verrs):
		return http.StatusUnprocessableEntity, apiError{Code: "invalid", Message: verrs.Error(), Fields: verrs}
	case errors.As(err, &limit):
		n := limit.Max()
		return http.StatusPaymentRequired, apiError{Code: "plan_limit", Message: limit.Error(), Limit: &n, Plan: limit.Plan.ID}
	case errors.As(err, &feat):
		return http.StatusPaymentRequired, apiError{Code: "feature_not_in_plan", Message: feat.Error(), Plan: feat.Plan.ID}
	case errors.As(err, &ra):
		return http.StatusTooManyRequests, apiError{Code: "rate_limited", Message: err.Error()}
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, apiError{Code: "not_found", Message: "Not found."}
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict, apiError{Code: "conflict", Message: conflictMessage(err)}
	case errors.As(err, &he):
		msg := http.StatusText(he.Code)
		if s, ok := he.Message.(string); ok && s != "" {
			msg = s
		}
		return he.Code, apiError{Code: codeForStatus(he.Code), Message: msg}
	}
	return http.StatusInternalServerError, apiError{Code: "internal", Message: "Something went wrong on our side. It has been logged; please try again."}
}

// unavailableRetryAfter is what clients are asked to wait while a
// dependency is away: about a database restart or failover.
const unavailableRetryAfter = 15 * time.Second

// unavailable reports whether err means a dependency could not answer (the
// database down or restarting, Redis unreachable, time running out waiting
// for them): the request is fine and can be repeated, so the answer is 503
// with Retry-After rather than 500, and Stripe and load balancers retry.
func unavailable(err error) bool {
	var op *net.OpError
	return store.Unavailable(err) || errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &op) && op.Op == "dial")
}

// conflictMessage shows the domain's explanation when it gave one
// ("email: already exists" → "This e-mail address is already registered."
// is the domain's job); otherwise a generic sentence.
func conflictMessage(err error) string {
	var msg interface{ UserMessage() string }
	if errors.As(err, &msg) {
		return msg.UserMessage()
	}
	return "This already exists."
}

func codeForStatus(code int) string {
	switch code {
	case http.StatusBadRequest:
		return "bad_request"
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusPaymentRequired:
		return "payment_required"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusNotFound:
		return "not_found"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusConflict:
		return "conflict"
	case http.StatusRequestEntityTooLarge:
		return "too_large"
	case http.StatusUnprocessableEntity:
		return "invalid"
	case http.StatusTooManyRequests:
		return "rate_limited"
	case http.StatusServiceUnavailable:
		return "unavailable"
	}
	if code >= 500 {
		return "internal"
	}
	return "error"
}

// handleError is Echo's error handler: 5xx are logged as errors with their
// detail, 4xx as warnings; the user sees a clear message, never internals.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, body := classify(err)
	var ra retryAfterer
	switch {
	case unavailable(err):
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(unavailableRetryAfter.Seconds())))
	case errors.As(err, &ra):
		c.Response().Header().Set("Retry-After", strconv.Itoa(max(1, int(ra.RetryAfter().Seconds()+0.5))))
	}
	attrs := []any{"status", status, "method", c.Request().Method, "path", c.Request().URL.Path, "error", err.Error()}
	if status >= 500 {
		s.log.Error("request failed", attrs...)
	} else if status != http.StatusNotFound {
		s.log.Warn("request refused", attrs...)
	}
	if wantsJSON(c) {
		if c.Request().Method == http.MethodHead {
			_ = c.NoContent(status)
			return
		}
		_ = c.JSON(status, map[string]apiError{"error": body})
		return
	}
	if status == http.StatusUnauthorized {
		_ = c.Redirect(http.StatusSeeOther, "/login?next="+urlQueryEscape(c.Request().URL.RequestURI()))
		return
	}
	page := s.newPage(c, http.StatusText(status))
	page.Data = errorPage{Status: status, Message: body.Message, Code: body.Code}
	c.Response().WriteHeader(status)
	if rerr := s.tmpl.Page(c.Response(), "error", page); rerr != nil {
		s.log.Error("render error page", slog.Any("error", rerr))
	}
}

type errorPage struct {
	Status  int
	Message string
	Code    string
}

func wantsJSON(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/webhooks/") ||
		p == "/healthz" || p == "/readyz"
}
