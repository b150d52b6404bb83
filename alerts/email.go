package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
)

// clauseLimit bounds how much of an added or removed clause an alert
// quotes, and clausesShown how many of each it lists.
const (
	clauseLimit  = 280
	clausesShown = 5
)

// ChangeEmail is the data of the same-day alert templates.
type ChangeEmail struct {
	Platform    string
	Document    string
	Summary     string
	Severity    analysis.Severity
	Added       []string
	Removed     []string
	MoreAdded   int
	MoreRemoved int
	// Provisions are left out for organizations whose plan has no
	// compliance analysis.
	Provisions     []ProvisionLine
	StanceChanges  []StanceChange
	ChangeURL      string
	UnsubscribeURL string
	Organization   string
}

// NoticeEmail is the data of the source-health notice templates.
type NoticeEmail struct {
	Platform     string
	Document     string
	Since        string
	Detail       string
	DocumentURL  string
	Organization string
}

// Label names the document for a sentence: "Zoom's Privacy Policy".
func (n NoticeEmail) Label() string { return label(n.Platform, n.Document) }

// Label names the document for a sentence: "Zoom's Privacy Policy".
func (c ChangeEmail) Label() string { return label(c.Platform, c.Document) }

func label(platform, document string) string {
	if platform == "" {
		return document
	}
	return platform + "'s " + document
}

// sendChangeEmail sends a same-day alert to a member.
func (s *Service) sendChangeEmail(ctx context.Context, d *store.AlertDelivery) error {
	user, org, err := s.recipient(ctx, d)
	if err != nil {
		return err
	}
	outs, err := s.d.Store.OptOuts(ctx, d.OrganizationID, user.ID)
	if err != nil {
		return err
	}
	if outs[store.OptOutSameDay] {
		return fmt.Errorf("%s unsubscribed from same-day alerts: %w", user.Email, errSkip)
	}
	c, err := s.d.Store.Change(ctx, d.OrganizationID, *d.ChangeID)
	if err != nil {
		return permanentIfGone(err)
	}
	data := s.changeEmail(c)
	if !billing.Entitlements(org.Plan).ComplianceAnalysis {
		data.Provisions = nil
	}
	if data.StanceChanges, err = s.stanceChanges(ctx, s.d.Store, c, len(data.Provisions) > 0); err != nil {
		return err
	}
	data.Organization = org.Name
	data.UnsubscribeURL = s.UnsubscribeURL(user.ID, org.ID, store.OptOutSameDay)
	return s.mailTo(ctx, d, user.Email, "alert_change", data, data.UnsubscribeURL)
}

// changeEmail turns a change into the alert's data; a change without
// analysis (empty provisions) still makes a complete alert.
func (s *Service) changeEmail(c *store.Change) ChangeEmail {
	data := ChangeEmail{Summary: c.Summary, Severity: analysis.Severity(c.Severity), ChangeURL: fmt.Sprintf("%s/changes/%d", s.d.BaseURL, c.ID)}
	if c.Document != nil {
		data.Document = c.Document.Name
		if c.Document.Platform != nil {
			data.Platform = c.Document.Platform.Name
		}
	}
	if data.Summary == "" {
		data.Summary = "The text changed."
	}
	var sections []diff.Section
	if len(c.Sections) > 0 {
		_ = json.Unmarshal(c.Sections, &sections) // an alert without the clauses beats no alert
	}
	for _, sec := range sections {
		for _, a := range sec.Added {
			data.Added = append(data.Added, shorten(a, clauseLimit))
		}
		for _, r := range sec.Removed {
			data.Removed = append(data.Removed, shorten(r, clauseLimit))
		}
	}
	if len(data.Added) > clausesShown {
		data.MoreAdded = len(data.Added) - clausesShown
		data.Added = data.Added[:clausesShown]
	}
	if len(data.Removed) > clausesShown {
		data.MoreRemoved = len(data.Removed) - clausesShown
		data.Removed = data.Removed[:clausesShown]
	}
	data.Provisions, _ = provisionLines(c) // as with the clauses
	return data
}

// sendNoticeEmail sends a source-health notice to an owner.
func (s *Service) sendNoticeEmail(ctx context.Context, d *store.AlertDelivery) error {
	user, org, err := s.recipient(ctx, d)
	if err != nil {
		return err
	}
	n, err := s.d.Store.Notice(ctx, *d.NoticeID)
	if err != nil {
		return permanentIfGone(err)
	}
	data := NoticeEmail{Since: n.Since.UTC().Format("2 Jan 2006 15:04 UTC"), Detail: n.Detail, Organization: org.Name,
		DocumentURL: s.d.BaseURL + "/app/watchlist"}
	if n.Document != nil {
		data.Document = n.Document.Name
		if n.Document.Platform != nil {
			data.Platform = n.Document.Platform.Name
			data.DocumentURL = s.d.BaseURL + "/platforms/" + n.Document.Platform.Slug
		}
	}
	return s.mailTo(ctx, d, user.Email, "source_"+n.Kind, data, "")
}

// recipient loads the member a delivery goes to and their organization.
func (s *Service) recipient(ctx context.Context, d *store.AlertDelivery) (*store.User, *store.Organization, error) {
	user, err := s.d.Store.UserByID(ctx, d.RecipientID)
	if err != nil {
		return nil, nil, skipIfGone(err, fmt.Sprintf("recipient %d", d.RecipientID))
	}
	org, err := s.d.Store.Organization(ctx, d.OrganizationID)
	if err != nil {
		return nil, nil, skipIfGone(err, fmt.Sprintf("organization %d", d.OrganizationID))
	}
	return user, org, nil
}

// skipIfGone turns a failed lookup into the delivery's outcome: what no
// longer exists (a deleted member, a removed webhook) ends it as skipped;
// any other error is a failure to retry, such as the database restarting.
func skipIfGone(err error, what string) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%s: %w", what, errSkip)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// permanentIfGone is skipIfGone for what a delivery cannot go without (its
// change, notice or digest): gone ends it as failed.
func permanentIfGone(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return permanentError{err}
	}
	return err
}

// mailTo renders a template and sends it as delivery d; a non-empty
// unsubscribe URL adds the one-click List-Unsubscribe headers of RFC 8058.
func (s *Service) mailTo(ctx context.Context, d *store.AlertDelivery, to, template string, data any, unsubscribe string) error {
	subject, text, html, err := s.d.Templates.Email(template, data)
	if err != nil {
		return permanentError{err}
	}
	m := mail.Message{To: to, Subject: subject, Text: text, HTML: html, ID: s.messageID(d)}
	if unsubscribe != "" {
		m.Headers = map[string]string{
			"List-Unsubscribe":      "<" + unsubscribe + ">",
			"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		}
	}
	return s.d.Mail.Send(ctx, m)
}

// messageID names a delivery's e-mail the same way on every attempt: the
// one window where a mail can go out twice (the server accepted it, then
// the worker died before recording that) then shows one message in mail
// clients that collapse copies by Message-ID.
func (s *Service) messageID(d *store.AlertDelivery) string {
	host := "clausewatch.invalid"
	if u, err := url.Parse(s.d.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return fmt.Sprintf("alert-%d@%s", d.ID, host)
}

// shorten cuts s to at most n runes at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
