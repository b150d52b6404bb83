package alerts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// Settings are an organization's alert settings as one member sees them.
type Settings struct {
	// SameDay is whether same-day alerts go out: on in the settings and
	// part of the plan.
	SameDay          bool `json:"same_day"`
	SameDayAvailable bool `json:"same_day_available"`
	// Editorial is whether editorial changes (spelling, contact details,
	// a rename) alert the same day too; otherwise only the digest lists
	// them.
	Editorial         bool             `json:"editorial"`
	DigestWeekday     string           `json:"digest_weekday"`
	DigestHourUTC     int              `json:"digest_hour_utc"`
	WebhooksAvailable bool             `json:"webhooks_available"`
	Webhook           *WebhookSettings `json:"webhook"`
	Member            MemberSettings   `json:"member"`
	// WebhookSecret is set only in the answer that created or regenerated
	// it: it is shown once.
	WebhookSecret string `json:"webhook_secret,omitempty"`
}

// WebhookSettings describe the organization's webhook.
type WebhookSettings struct {
	// URL is empty for plain members.
	URL   string `json:"url"`
	Slack bool   `json:"slack"`
}

// MemberSettings are the member's own subscriptions.
type MemberSettings struct {
	SameDay bool `json:"same_day"`
	Digest  bool `json:"digest"`
}

// Update changes settings; nil fields stay as they are.
type Update struct {
	SameDay       *bool   `json:"same_day"`
	Editorial     *bool   `json:"editorial"`
	DigestWeekday *string `json:"digest_weekday"`
	// WebhookURL sets the webhook; "" removes it.
	WebhookURL              *string       `json:"webhook_url"`
	RegenerateWebhookSecret bool          `json:"regenerate_webhook_secret"`
	Member                  *MemberUpdate `json:"member"`
}

// MemberUpdate changes the member's own subscriptions.
type MemberUpdate struct {
	SameDay *bool `json:"same_day"`
	Digest  *bool `json:"digest"`
}

// Actor is the member asking.
type Actor struct {
	OrganizationID int64
	UserID         int64
	Role           store.Role
	// Verified is whether the member confirmed their e-mail address;
	// setting a webhook needs it.
	Verified bool
}

// Settings returns the organization's settings for the member.
func (s *Service) Settings(ctx context.Context, a Actor) (*Settings, error) {
	org, err := s.d.Store.Organization(ctx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	plan := billing.Entitlements(org.Plan)
	st, err := s.d.Store.AlertSettings(ctx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	outs, err := s.d.Store.OptOuts(ctx, a.OrganizationID, a.UserID)
	if err != nil {
		return nil, err
	}
	out := &Settings{
		SameDay: st.SameDay && plan.SameDayAlerts, SameDayAvailable: plan.SameDayAlerts, Editorial: st.Editorial,
		DigestWeekday: strings.ToLower(time.Weekday(st.DigestWeekday).String()), DigestHourUTC: DigestHour,
		WebhooksAvailable: plan.Webhooks,
		Member:            MemberSettings{SameDay: !outs[store.OptOutSameDay], Digest: !outs[store.OptOutDigest]},
	}
	h, err := s.d.Store.Webhook(ctx, a.OrganizationID)
	switch {
	case err == nil:
		out.Webhook = &WebhookSettings{Slack: isSlack(h.URL)}
		// A webhook URL is a credential (a Slack URL posts to the
		// channel): only those who may change it see it.
		if a.Role.CanManage() {
			out.Webhook.URL = h.URL
		}
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	return out, nil
}

// ParseWeekday reads a weekday name ("monday", "Mon").
func ParseWeekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 3 {
		return 0, false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.HasPrefix(strings.ToLower(d.String()), s) {
			return d, true
		}
	}
	return 0, false
}

// UpdateSettings applies u for the member: organization-wide fields need
// an owner or admin (accounts.ErrForbidden), turning same-day alerts on or
// setting a webhook needs a plan with them (*billing.FeatureError), and a
// webhook URL must pass the fetcher's SSRF rules (validation.Errors).
func (s *Service) UpdateSettings(ctx context.Context, a Actor, u Update) (*Settings, error) {
	org, err := s.d.Store.Organization(ctx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	plan := billing.Entitlements(org.Plan)
	orgWide := u.SameDay != nil || u.Editorial != nil || u.DigestWeekday != nil || u.WebhookURL != nil || u.RegenerateWebhookSecret
	if orgWide && !a.Role.CanManage() {
		return nil, fmt.Errorf("change alert settings: %w", accounts.ErrForbidden)
	}
	if u.SameDay != nil && *u.SameDay {
		if err := billing.Require(plan, billing.FeatureSameDayAlerts); err != nil {
			return nil, err
		}
	}
	webhookURL := ""
	if u.WebhookURL != nil {
		webhookURL = strings.TrimSpace(*u.WebhookURL)
	}
	if (webhookURL != "" || u.RegenerateWebhookSecret) && !plan.Webhooks {
		return nil, billing.Require(plan, billing.FeatureWebhooks)
	}
	if (webhookURL != "" || u.RegenerateWebhookSecret) && !a.Verified {
		return nil, fmt.Errorf("set webhook: %w", accounts.ErrEmailUnverified)
	}
	errs := validation.Errors{}
	st, err := s.d.Store.AlertSettings(ctx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	if u.SameDay != nil {
		st.SameDay = *u.SameDay
	}
	if u.Editorial != nil {
		st.Editorial = *u.Editorial
	}
	if u.DigestWeekday != nil {
		d, ok := ParseWeekday(*u.DigestWeekday)
		if !ok {
			errs.Add("digest_weekday", "Choose a day of the week, e.g. monday.")
		}
		st.DigestWeekday = int(d)
	}
	if webhookURL != "" {
		if len(webhookURL) > 2048 {
			errs.Add("webhook_url", "The URL is too long.")
		} else if err := fetch.ValidateURL(webhookURL, s.d.AllowPrivate); err != nil {
			errs.Add("webhook_url", "This URL cannot receive webhooks: use a public http(s) address.")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if u.SameDay != nil || u.Editorial != nil || u.DigestWeekday != nil {
		if err := s.d.Store.SaveAlertSettings(ctx, st); err != nil {
			return nil, err
		}
	}
	secret, err := s.saveWebhook(ctx, a.OrganizationID, u.WebhookURL != nil, webhookURL, u.RegenerateWebhookSecret)
	if err != nil {
		return nil, err
	}
	if m := u.Member; m != nil {
		for kind, v := range map[string]*bool{store.OptOutSameDay: m.SameDay, store.OptOutDigest: m.Digest} {
			if v == nil {
				continue
			}
			if err := s.d.Store.SetOptOut(ctx, a.OrganizationID, a.UserID, kind, !*v); err != nil {
				return nil, err
			}
		}
	}
	out, err := s.Settings(ctx, a)
	if err != nil {
		return nil, err
	}
	out.WebhookSecret = secret
	return out, nil
}

// saveWebhook sets, removes or re-keys the webhook and returns the secret
// when it is new.
func (s *Service) saveWebhook(ctx context.Context, orgID int64, set bool, url string, regenerate bool) (string, error) {
	existing, err := s.d.Store.Webhook(ctx, orgID)
	has := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	switch {
	case set && url == "":
		if has {
			return "", s.d.Store.DeleteWebhook(ctx, orgID)
		}
		return "", nil
	case set:
		secret := ""
		if !has || regenerate {
			secret = newSecret()
		}
		_, err := s.d.Store.SaveWebhook(ctx, orgID, url, secret)
		return secret, err
	case regenerate:
		if !has {
			return "", validation.Errors{"webhook_url": "Set a webhook URL first."}
		}
		secret := newSecret()
		_, err := s.d.Store.SaveWebhook(ctx, orgID, existing.URL, secret)
		return secret, err
	}
	return "", nil
}

// FailedDeliveries lists the organization's deliveries that gave up.
func (s *Service) FailedDeliveries(ctx context.Context, orgID int64) ([]store.AlertDelivery, error) {
	return s.d.Store.FailedDeliveries(ctx, orgID, 50)
}
