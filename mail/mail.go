// Package mail sends Clausewatch's e-mails: through an SMTP server when one
// is configured, otherwise into .eml files under the data directory with a
// log line, so that a fresh install works without any mail set-up.
package mail

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"

	gomail "github.com/wneessen/go-mail"

	"github.com/clausewatch/clausewatch/config"
)

// Message is one e-mail. Text is required; HTML, when set, is sent as the
// alternative part.
type Message struct {
	To      string
	Subject string
	Text    string
	HTML    string
	// Headers are extra header fields, e.g. List-Unsubscribe.
	Headers map[string]string
	// ID is the Message-ID without angle brackets; empty makes a random one.
	// A message sent again after a crash keeps its ID, so mail clients that
	// see both copies show one.
	ID string
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// New picks the sender the configuration asks for: SMTP when SMTP_URL is
// set, else files under DATA_DIR/outbox.
func New(cfg *config.Config, log *slog.Logger) (Sender, error) {
	if cfg.SMTPURL != "" {
		return NewSMTPSender(cfg.SMTPURL, cfg.MailFrom)
	}
	return NewFileSender(filepath.Join(cfg.DataDir, "outbox"), cfg.MailFrom, log), nil
}

// compose builds the MIME message shared by both senders.
func compose(from string, m Message) (*gomail.Msg, error) {
	if m.To == "" || m.Subject == "" || m.Text == "" {
		return nil, fmt.Errorf("compose mail: recipient, subject and text are required")
	}
	msg := gomail.NewMsg()
	if err := msg.From(from); err != nil {
		return nil, fmt.Errorf("compose mail: sender %q: %w", from, err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("compose mail: recipient %q: %w", m.To, err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	if m.ID != "" {
		msg.SetMessageIDWithValue(m.ID)
	} else {
		msg.SetMessageID()
	}
	for k, v := range m.Headers {
		msg.SetGenHeader(gomail.Header(k), v)
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}
