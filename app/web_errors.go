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
	"github.com/stripe/stripe-go/v76"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
	"github.com/clausewatch/clausewatch/watchlist"
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
	error
	RetryAfter() time.Duration
}

// errorKind is one row of the error table: which errors it takes, and the
// status, code and sentence the person or the API client gets.
type errorKind struct {
	// match returns the error of the row found in err's chain, or nil.
	match  func(error) error
	status int
	code   string
	// message is the sentence for the user; nil takes the text of the
	// matched error, which the domain wrote for people.
	message func(error) string
	// detail adds what the API reports beyond code and message.
	detail func(error, *apiError)
}

// is matches a sentinel error; as matches an error type; when finds the
// errors a predicate recognises.
func is(target error) func(error) error {
	return func(err error) error {
		if errors.Is(err, target) {
			return err
		}
		return nil
	}
}

func as[T error]() func(error) error {
	return func(err error) error {
		var t T
		if errors.As(err, &t) {
			return t
		}
		return nil
	}
}

func when(pred func(error) bool) func(error) error {
	return func(err error) error {
		if pred(err) {
			return err
		}
		return nil
	}
}

func say(msg string) func(error) string { return func(error) string { return msg } }

// errorTable is the one place where domain errors meet HTTP: the error
// handler (pages and JSON) and the forms read it. The first matching row
// wins, so specific rows come before the general ones they wrap (a Stripe
// "already subscribed" is also a store conflict).
var errorTable = []errorKind{
	{match: when(unavailable), status: http.StatusServiceUnavailable, code: "unavailable",
		message: say("Clausewatch is briefly unavailable. Please try again in a moment.")},
	{match: when(bodyTooLarge), status: http.StatusRequestEntityTooLarge, code: "too_large",
		message: say("The request body is too large.")},
	// A handler's own refusal says what it means, also when it wraps
	// a domain error (a stale unsubscribe link is a store.ErrNotFound).
	{match: as[*echo.HTTPError](), detail: httpErrorDetail},
	{match: as[validation.Errors](), status: http.StatusUnprocessableEntity, code: "invalid",
		detail: func(err error, body *apiError) { body.Fields = err.(validation.Errors) }},
	{match: as[*billing.LimitError](), status: http.StatusPaymentRequired, code: "plan_limit",
		detail: func(err error, body *apiError) {
			limit := err.(*billing.LimitError)
			n := limit.Max()
			body.Limit, body.Plan = &n, limit.Plan.ID
		}},
	{match: as[*billing.FeatureError](), status: http.StatusPaymentRequired, code: "feature_not_in_plan",
		detail: func(err error, body *apiError) { body.Plan = err.(*billing.FeatureError).Plan.ID }},
	{match: as[retryAfterer](), status: http.StatusTooManyRequests, code: "rate_limited"},
	{match: is(accounts.ErrInvalidCredentials), status: http.StatusUnauthorized, code: "unauthorized",
		message: say("The e-mail address or password is not correct.")},
	{match: is(accounts.ErrEmailUnverified), status: http.StatusForbidden, code: "email_unverified",
		message: say("Confirm your e-mail address first: follow the link we sent you, or ask for a new one on your dashboard.")},
	{match: is(accounts.ErrForbidden), status: http.StatusForbidden, code: "forbidden",
		message: say("Your role in this organization does not allow this.")},
	{match: as[*watchlist.ReadOnlyError](), status: http.StatusForbidden, code: "forbidden"},
	{match: is(alerts.ErrBadUnsubscribe), status: http.StatusBadRequest, code: "bad_request",
		message: say("This unsubscribe link is not valid. Change your alert settings after logging in.")},
	{match: is(stripebilling.ErrNotConfigured), status: http.StatusServiceUnavailable, code: "unavailable",
		message: say("Billing is not configured on this server; an operator changes plans with `clausewatch plan set ORG PLAN`.")},
	{match: is(stripebilling.ErrSignature), status: http.StatusBadRequest, code: "bad_request",
		message: say("The Stripe signature is missing, invalid or too old.")},
	{match: as[*stripebilling.PlanError](), status: http.StatusUnprocessableEntity, code: "invalid"},
	{match: is(stripebilling.ErrAlreadySubscribed), status: http.StatusConflict, code: "conflict",
		message: say("Your organization already has a subscription; change or cancel it in the billing portal.")},
	{match: is(stripebilling.ErrNoSubscription), status: http.StatusConflict, code: "conflict",
		message: say("Your organization has no subscription yet; choose a plan first.")},
	{match: as[*stripe.Error](), status: http.StatusBadGateway, code: "internal",
		message: say("Stripe did not accept the request; please try again in a moment.")},
	{match: is(store.ErrNotFound), status: http.StatusNotFound, code: "not_found", message: say("Not found.")},
	{match: is(store.ErrConflict), status: http.StatusConflict, code: "conflict", message: conflictMessage},
}

// classify maps any error to a status and an API error body by the error
// table; what is not in it is a 500 whose detail only goes to the log.
func classify(err error) (int, apiError) {
	for _, k := range errorTable {
		found := k.match(err)
		if found == nil {
			continue
		}
		body := apiError{Code: k.code, Message: found.Error()}
		if k.message != nil {
			body.Message = k.message(found)
		}
		if k.detail != nil {
			k.detail(found, &body)
		}
		status := k.status
		if he, ok := found.(*echo.HTTPError); ok {
			status = he.Code
		}
		return status, body
	}
	return http.StatusInternalServerError, apiError{Code: "internal", Message: "Something went wrong on our side. It has been logged; please try again."}
}

// httpErrorDetail reads the errors of Echo itself and of its middleware
// (CSRF, body limit, method not allowed) and of handlers' own refusals.
func httpErrorDetail(err error, body *apiError) {
	he := err.(*echo.HTTPError)
	body.Code, body.Message = codeForStatus(he.Code), http.StatusText(he.Code)
	if s, ok := he.Message.(string); ok && s != "" {
		body.Message = s
	}
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

// setRetryAfter asks the client to come back later: after a dependency
// outage, or when the error says how long to wait (throttling, rate limits).
func setRetryAfter(c echo.Context, err error) {
	var ra retryAfterer
	switch {
	case unavailable(err):
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(unavailableRetryAfter.Seconds())))
	case errors.As(err, &ra):
		c.Response().Header().Set("Retry-After", strconv.Itoa(max(1, int(ra.RetryAfter().Seconds()+0.5))))
	}
}

// handleError is Echo's error handler: 5xx are logged as errors with their
// detail, 4xx as warnings; the user sees a clear message, never internals.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, body := classify(err)
	setRetryAfter(c, err)
	attrs := []any{slog.Int("status", status), slog.String("method", c.Request().Method),
		slog.String("path", logPath(c)), slog.String("error", err.Error())}
	switch {
	case status >= 500:
		s.log.Error("request failed", attrs...)
	case status != http.StatusNotFound:
		// 404s are left out: scanners make them by the thousand.
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
		login, err := s.routePath("login")
		if err == nil {
			_ = c.Redirect(http.StatusSeeOther, login+"?next="+urlQueryEscape(c.Request().URL.RequestURI()))
			return
		}
		s.log.Error("login page", slog.Any("error", err))
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
