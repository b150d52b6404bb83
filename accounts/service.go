// Package accounts is the logic of people and organizations: sign-up,
// e-mail verification, login with throttling, sessions, password reset,
// members and invitations, and API tokens. It speaks in domain errors;
// the web app turns them into statuses.
package accounts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
)

// Lifetimes of the things this package hands out.
const (
	SessionLifetime    = 30 * 24 * time.Hour
	VerifyLifetime     = 24 * time.Hour
	ResetLifetime      = 60 * time.Minute
	InvitationLifetime = 7 * 24 * time.Hour
)

// Service is the accounts logic over the store.
type Service struct {
	store   *store.Store
	mail    mail.Sender
	tmpl    *templates.Templates
	baseURL string
	now     func() time.Time
	log     *slog.Logger
	hashing *hashGate
	pending sync.WaitGroup

	// dummyHash is verified against for unknown users, so that a login
	// for a missing account costs as long as one with a wrong password.
	dummyOnce sync.Once
	dummyHash string
}

// New builds the service. baseURL (no trailing slash) prefixes links in
// e-mails; now is the clock (time.Now in production, a fake in tests).
func New(st *store.Store, sender mail.Sender, tmpl *templates.Templates, baseURL string, now func() time.Time, log *slog.Logger) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{
		store:   st,
		mail:    sender,
		tmpl:    tmpl,
		baseURL: strings.TrimRight(baseURL, "/"),
		now:     func() time.Time { return now().UTC() },
		log:     log,
		hashing: newDefaultHashGate(),
	}
}

// dummyVerify spends the time of one password check.
func (s *Service) dummyVerify(ctx context.Context, password string) error {
	s.dummyOnce.Do(func() {
		h, err := HashPassword("not a real password, only for timing")
		if err != nil {
			s.log.Error("prepare dummy password hash", slog.Any("error", err))
		}
		s.dummyHash = h
	})
	_, err := s.verifyPassword(ctx, s.dummyHash, password)
	var busy *BusyError
	if errors.As(err, &busy) {
		return err
	}
	return nil
}

// sendMail renders the named e-mail template and sends it. A failed send is
// logged, not returned: the account change that caused it has happened, and
// the user can ask for the mail again.
func (s *Service) sendMail(ctx context.Context, to, template string, data any) {
	subject, text, html, err := s.tmpl.Email(template, data)
	if err != nil {
		s.log.ErrorContext(ctx, "render e-mail", slog.String("template", template), slog.Any("error", err))
		return
	}
	if err := s.mail.Send(ctx, mail.Message{To: to, Subject: subject, Text: text, HTML: html}); err != nil {
		s.log.ErrorContext(ctx, "send e-mail", slog.String("template", template), slog.String("to", to), slog.Any("error", err))
	}
}

// link makes an absolute URL for e-mails.
func (s *Service) link(path string) string { return s.baseURL + path }

// audit appends to the audit log inside the caller's transaction.
func audit(ctx context.Context, tx *store.Store, orgID, actorID int64, action, detail string) error {
	var o, a *int64
	if orgID != 0 {
		o = &orgID
	}
	if actorID != 0 {
		a = &actorID
	}
	if err := tx.AppendAudit(ctx, o, a, action, detail); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}
