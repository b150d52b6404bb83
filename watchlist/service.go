// Package watchlist is what an organization watches and what its plan
// allows: adding and removing platforms and custom URLs within the plan's
// limits, pausing and resuming, each document's health and last change,
// plan changes that pause or resume watches, read-only access for members
// over the plan's limit, and the private feed token.
package watchlist

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
)

// Checker checks one document now and records the result; the recorder
// implements it.
type Checker interface {
	Check(ctx context.Context, documentID int64) (recorder.Outcome, error)
}

// DefaultCheckTimeout bounds the check of a newly added custom URL, which
// runs while the person who added it waits.
const DefaultCheckTimeout = 20 * time.Second

// Deps are what the service needs. Checker, Mail and Templates may be nil:
// then new custom URLs wait for the scheduler and nobody is mailed.
type Deps struct {
	Store        *store.Store
	Checker      Checker
	Mail         mail.Sender
	Templates    *templates.Templates
	BaseURL      string
	AllowPrivate bool
	CheckTimeout time.Duration
	Log          *slog.Logger
	Now          func() time.Time
}

// Service is the watchlist logic over the store.
type Service struct {
	store        *store.Store
	checker      Checker
	mail         mail.Sender
	tmpl         *templates.Templates
	baseURL      string
	allowPrivate bool
	checkTimeout time.Duration
	log          *slog.Logger
	now          func() time.Time
}

// New builds the service.
func New(d Deps) *Service {
	s := &Service{
		store: d.Store, checker: d.Checker, mail: d.Mail, tmpl: d.Templates,
		baseURL: strings.TrimRight(d.BaseURL, "/"), allowPrivate: d.AllowPrivate,
		checkTimeout: d.CheckTimeout, log: d.Log, now: d.Now,
	}
	if s.checkTimeout <= 0 {
		s.checkTimeout = DefaultCheckTimeout
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// audit appends to the audit log; actorID 0 means no person (the operator
// command, billing).
func audit(ctx context.Context, st *store.Store, orgID, actorID int64, action, detail string) error {
	var actor *int64
	if actorID != 0 {
		actor = &actorID
	}
	return st.AppendAudit(ctx, &orgID, actor, action, detail)
}

func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
