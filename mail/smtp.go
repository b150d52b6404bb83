package mail

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTPSender delivers through an SMTP server.
type SMTPSender struct {
	from string
	host string
	opts []gomail.Option
}

// NewSMTPSender parses smtp://user:pass@host:port (STARTTLS when the
// server offers it; ?tls=none or a loopback host sends in clear) or
// smtps://… (implicit TLS).
func NewSMTPSender(smtpURL, from string) (*SMTPSender, error) {
	u, err := url.Parse(smtpURL)
	if err != nil {
		return nil, fmt.Errorf("SMTP_URL: %w", err)
	}
	host := u.Hostname()
	if host == "" {
		return nil, fmt.Errorf("SMTP_URL: missing host")
	}
	opts := []gomail.Option{gomail.WithTimeout(20 * time.Second)}
	port := 0
	if p := u.Port(); p != "" {
		port, err = strconv.Atoi(p)
		if err != nil || port <= 0 || port > 65535 {
			return nil, fmt.Errorf("SMTP_URL: bad port %q", p)
		}
	}
	switch u.Scheme {
	case "smtps":
		opts = append(opts, gomail.WithSSL())
		if port == 0 {
			port = 465
		}
	case "smtp":
		policy := gomail.TLSOpportunistic
		if u.Query().Get("tls") == "none" || isLoopback(host) {
			policy = gomail.NoTLS
		}
		opts = append(opts, gomail.WithTLSPolicy(policy))
		if port == 0 {
			port = 587
		}
	default:
		return nil, fmt.Errorf("SMTP_URL: scheme must be smtp or smtps, got %q", u.Scheme)
	}
	opts = append(opts, gomail.WithPort(port))
	if user := u.User.Username(); user != "" {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(user), gomail.WithPassword(pass))
	}
	// Build a client once to reject bad options at start-up rather than at
	// the first e-mail.
	if _, err := gomail.NewClient(host, opts...); err != nil {
		return nil, fmt.Errorf("SMTP_URL: %w", err)
	}
	return &SMTPSender{from: from, host: host, opts: opts}, nil
}

// Send delivers m on a fresh connection; mail volume is low (account mails,
// alerts), so pooling connections is not worth its failure modes.
func (s *SMTPSender) Send(ctx context.Context, m Message) error {
	msg, err := compose(s.from, m)
	if err != nil {
		return err
	}
	client, err := gomail.NewClient(s.host, s.opts...)
	if err != nil {
		return fmt.Errorf("smtp client: %w", err)
	}
	conn, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fmt.Errorf("send mail to %s via %s: %w", m.To, s.host, err)
	}
	sendErr := client.SendWithSMTPClient(conn, msg)
	if err := client.CloseWithSMTPClient(conn); err != nil {
		// QUIT failed; the library then leaves the socket open, so close
		// it here. Once the server accepted the message, a failed goodbye
		// is not a failed delivery: reporting it would send the mail again.
		_ = conn.Close()
	}
	if sendErr != nil {
		return fmt.Errorf("send mail to %s via %s: %w", m.To, s.host, sendErr)
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
