package alerts

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/store"
)

// SignatureHeader carries the webhook signature:
// "t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">".
const SignatureHeader = "Clausewatch-Signature"

// DeliveryHeader names the delivery; it is the same on every retry, so a
// receiver that saw a request through but whose answer was lost can drop
// the repeat.
const DeliveryHeader = "Clausewatch-Delivery"

// WebhookEvent is the JSON body posted to an organization's webhook.
type WebhookEvent struct {
	Event  string        `json:"event"`
	Change WebhookChange `json:"change"`
}

// WebhookChange is the change in a webhook body.
type WebhookChange struct {
	ID          int64                `json:"id"`
	URL         string               `json:"url"`
	Summary     string               `json:"summary"`
	Severity    string               `json:"severity,omitempty"`
	Materiality string               `json:"materiality"`
	CreatedAt   time.Time            `json:"created_at"`
	Platform    *WebhookPlatform     `json:"platform,omitempty"`
	Document    WebhookDocument      `json:"document"`
	Stats       WebhookStats         `json:"stats"`
	Sections    []diff.Section       `json:"sections"`
	Provisions  []analysis.Provision `json:"provisions"`
}

// WebhookPlatform names the platform of a catalogue document.
type WebhookPlatform struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// WebhookDocument names the changed document.
type WebhookDocument struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// WebhookStats are the size of the change.
type WebhookStats struct {
	AddedWords      int `json:"added_words"`
	RemovedWords    int `json:"removed_words"`
	SectionsChanged int `json:"sections_changed"`
}

// Sign returns the signature header value of body at t with secret.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

// ErrBadSignature is returned by VerifySignature.
var ErrBadSignature = errors.New("webhook signature does not match")

// VerifySignature checks a signature header as a receiver would: the HMAC
// must match and the timestamp be within tolerance of now.
func VerifySignature(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts string
	var sigs []string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: no timestamp", ErrBadSignature)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: timestamp outside tolerance", ErrBadSignature)
	}
	want := Sign(secret, time.Unix(sec, 0), body)
	for _, sig := range sigs {
		if hmac.Equal([]byte("t="+ts+",v1="+sig), []byte(want)) {
			return nil
		}
	}
	return ErrBadSignature
}

// newSecret makes a webhook signing secret.
func newSecret() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return "whsec_" + hex.EncodeToString(b)
}

// isSlack reports whether u is a Slack incoming webhook, which wants
// Slack's message format instead of the change.
func isSlack(u string) bool {
	p, err := url.Parse(u)
	return err == nil && strings.EqualFold(p.Hostname(), "hooks.slack.com")
}

// webhookBody builds the JSON posted for a change; provisions only go to
// organizations whose plan has compliance analysis.
func (s *Service) webhookBody(c *store.Change, slack, provisions bool) ([]byte, error) {
	ev := WebhookEvent{Event: "change.recorded", Change: WebhookChange{
		ID: c.ID, URL: fmt.Sprintf("%s/changes/%d", s.d.BaseURL, c.ID), Summary: c.Summary, Severity: c.Severity, Materiality: c.Materiality,
		CreatedAt: c.CreatedAt.UTC(), Stats: WebhookStats{AddedWords: c.AddedWords, RemovedWords: c.RemovedWords, SectionsChanged: c.SectionsChanged},
		Sections: []diff.Section{}, Provisions: []analysis.Provision{},
	}}
	if c.Document != nil {
		ev.Change.Document = WebhookDocument{ID: c.Document.ID, Name: c.Document.Name, Type: c.Document.DocType}
		if p := c.Document.Platform; p != nil {
			ev.Change.Platform = &WebhookPlatform{Slug: p.Slug, Name: p.Name}
		}
	}
	if len(c.Sections) > 0 {
		_ = json.Unmarshal(c.Sections, &ev.Change.Sections)
	}
	if len(c.Provisions) > 0 && provisions {
		_ = json.Unmarshal(c.Provisions, &ev.Change.Provisions)
	}
	if ev.Change.Sections == nil {
		ev.Change.Sections = []diff.Section{}
	}
	if ev.Change.Provisions == nil {
		ev.Change.Provisions = []analysis.Provision{}
	}
	if !slack {
		return json.Marshal(ev)
	}
	msg := s.changeEmail(c)
	if !provisions {
		msg.Provisions = nil
	}
	return json.Marshal(slackMessage(msg))
}

// slackMessage is Slack's incoming-webhook format: a plain-text fallback
// and blocks with the summary, the provisions and the link.
func slackMessage(c ChangeEmail) map[string]any {
	text := fmt.Sprintf("%s changed: %s", c.Label(), c.Summary)
	body := "*" + slackEscape(c.Label()) + " changed*\n" + slackEscape(c.Summary)
	for _, p := range c.Provisions {
		body += "\n• " + slackEscape(p.Words())
	}
	return map[string]any{
		"text": text,
		"blocks": []any{
			map[string]any{"type": "section", "text": map[string]string{"type": "mrkdwn", "text": body}},
			map[string]any{"type": "section", "text": map[string]string{"type": "mrkdwn", "text": "<" + c.ChangeURL + "|See the change>"}},
		},
	}
}

func slackEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// sendWebhook posts a change to the organization's webhook, signed.
func (s *Service) sendWebhook(ctx context.Context, d *store.AlertDelivery) error {
	h, err := s.d.Store.WebhookByID(ctx, d.OrganizationID, d.RecipientID)
	if err != nil {
		return skipIfGone(err, fmt.Sprintf("webhook %d", d.RecipientID))
	}
	c, err := s.d.Store.Change(ctx, d.OrganizationID, *d.ChangeID)
	if err != nil {
		return permanentIfGone(err)
	}
	org, err := s.d.Store.Organization(ctx, d.OrganizationID)
	if err != nil {
		return permanentIfGone(err)
	}
	body, err := s.webhookBody(c, isSlack(h.URL), billing.Entitlements(org.Plan).ComplianceAnalysis)
	if err != nil {
		return permanentError{fmt.Errorf("encode webhook body: %w", err)}
	}
	return s.post(ctx, h, d.ID, body)
}

// post sends one signed request; any answer but 2xx is a failure to retry,
// except 410 Gone.
func (s *Service) post(ctx context.Context, h *store.AlertWebhook, delivery int64, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return permanentError{fmt.Errorf("webhook request: %w", err)}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Clausewatch-Webhooks/1.0")
	req.Header.Set(SignatureHeader, Sign(h.Secret, s.d.Now(), body))
	req.Header.Set(DeliveryHeader, strconv.FormatInt(delivery, 10))
	resp, err := s.d.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("post webhook: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode == http.StatusGone {
		// The receiver says the endpoint is gone for good (Slack does so
		// for a removed webhook); retrying would only repeat the answer.
		return permanentError{fmt.Errorf("post webhook: %s answered %s: the endpoint is gone", req.URL.Host, resp.Status)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("post webhook: %s answered %s", req.URL.Host, resp.Status)
	}
	return nil
}
