package stripebilling

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/mail"
)

// notice is one failed payment attempt of an invoice.
type notice struct {
	Invoice   string
	Attempt   int64
	AmountDue int64
	Currency  string
	GraceEnds time.Time
}

// key names the attempt; one attempt is announced once.
func (n *notice) key() string { return fmt.Sprintf("%s#%d", n.Invoice, n.Attempt) }

// paymentMail is the data of the payment_failed e-mail.
type paymentMail struct {
	Organization string
	Plan         string
	Amount       string
	Attempt      int64
	GraceEnds    time.Time
	URL          string
}

// sendPaymentNotice tells the owners and admins that a payment failed and
// until when the paid features continue. It runs after the commit; a
// failed send is logged, the billing page shows the same.
func (s *Service) sendPaymentNotice(ctx context.Context, orgID int64, planID string, n notice) {
	if s.mail == nil || s.tmpl == nil {
		return
	}
	org, err := s.store.Organization(ctx, orgID)
	if err != nil {
		s.log.ErrorContext(ctx, "payment notice: read organization", slog.Int64("organization_id", orgID), slog.Any("error", err))
		return
	}
	members, err := s.store.Members(ctx, orgID)
	if err != nil {
		s.log.ErrorContext(ctx, "payment notice: list members", slog.Int64("organization_id", orgID), slog.Any("error", err))
		return
	}
	data := paymentMail{
		Organization: org.Name, Plan: billing.Entitlements(planID).Name, Amount: formatAmount(n.AmountDue, n.Currency),
		Attempt: n.Attempt, GraceEnds: n.GraceEnds, URL: s.baseURL + "/app/billing",
	}
	subject, text, html, err := s.tmpl.Email("payment_failed", data)
	if err != nil {
		s.log.ErrorContext(ctx, "payment notice: render", slog.Any("error", err))
		return
	}
	for _, m := range members {
		if m.User == nil || !m.Role.CanBill() {
			continue
		}
		if err := s.mail.Send(ctx, mail.Message{To: m.User.Email, Subject: subject, Text: text, HTML: html}); err != nil {
			s.log.ErrorContext(ctx, "payment notice: send", slog.String("to", m.User.Email), slog.Any("error", err))
		}
	}
}

// formatAmount writes minor units as "49.00 USD"; empty when unknown.
func formatAmount(minor int64, currency string) string {
	if currency == "" {
		return ""
	}
	return fmt.Sprintf("%d.%02d %s", minor/100, minor%100, strings.ToUpper(currency))
}
