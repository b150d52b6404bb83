package alerts

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// DigestHour is the hour (UTC) of the organization's weekday after which
// its digest is due.
const DigestHour = 8

// DigestEmail is the data of the weekly digest templates.
type DigestEmail struct {
	Organization   string
	Period         string
	Count          int
	Platforms      []DigestPlatform
	UnsubscribeURL string
	WatchlistURL   string
}

// DigestPlatform is one platform's changes in a digest.
type DigestPlatform struct {
	Name    string
	Changes []DigestChange
}

// DigestChange is one line of a digest. Editorial counts the editorial
// changes of one document folded into the line (0 for a substantive
// change).
type DigestChange struct {
	Document  string
	Summary   string
	Severity  string
	Date      time.Time
	URL       string
	Editorial int
	// Provisions name the provisions affected, for organizations whose
	// plan has compliance analysis.
	Provisions []string

	documentID int64
}

// DigestReport says what SendDigests did.
type DigestReport struct {
	Organizations int // organizations with changes waiting
	Digests       int // digests made
	Deliveries    int // e-mails queued
}

// Period is the ISO week of t, the key of a weekly digest: "2026-W10".
func Period(t time.Time) string {
	y, w := t.UTC().ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

// digestDue reports whether an organization wanting its digest on weekday
// gets it at now: on that day from DigestHour on.
func digestDue(now time.Time, weekday int) bool {
	now = now.UTC()
	return int(now.Weekday()) == weekday && now.Hour() >= DigestHour
}

// SendDigests makes the weekly digests that are due and relays their
// e-mails. orgID > 0 restricts it to one organization; now makes every
// organization with waiting changes due at once (the digest command), with
// the changes of the current week so far. Each change goes into exactly one
// digest and an organization gets at most one digest per ISO week, so
// running it again sends nothing twice.
func (s *Service) SendDigests(ctx context.Context, orgID int64, now bool) (DigestReport, error) {
	var rep DigestReport
	at := s.d.Now()
	cands, err := s.d.Store.DigestCandidates(ctx, orgID)
	if err != nil {
		return rep, err
	}
	rep.Organizations = len(cands)
	for _, c := range cands {
		if !now && !digestDue(at, c.DigestWeekday) {
			continue
		}
		d, err := s.d.Store.CreateDigest(ctx, c.OrganizationID, Period(at), at)
		if err != nil {
			return rep, fmt.Errorf("digest of organization %d: %w", c.OrganizationID, err)
		}
		if d == nil {
			continue
		}
		rep.Digests++
		cause := store.DeliveryCause{DigestID: d.ID}
		pending, err := s.d.Store.PendingDeliveries(ctx, cause)
		if err != nil {
			return rep, err
		}
		rep.Deliveries += len(pending)
		s.d.Log.Info("digest made", slog.Int64("organization_id", c.OrganizationID), slog.String("period", d.Period),
			slog.Int("changes", d.Changes), slog.Int("emails", len(pending)))
		s.dispatch(ctx, cause)
	}
	return rep, nil
}

// sendDigestEmail sends a member their organization's digest.
func (s *Service) sendDigestEmail(ctx context.Context, d *store.AlertDelivery) error {
	user, org, err := s.recipient(ctx, d)
	if err != nil {
		return err
	}
	dg, err := s.d.Store.Digest(ctx, *d.DigestID)
	if err != nil {
		return permanentIfGone(err)
	}
	changes, err := s.d.Store.DigestChanges(ctx, dg.ID)
	if err != nil {
		return err
	}
	data := DigestEmail{Organization: org.Name, Period: dg.Period, Count: len(changes),
		UnsubscribeURL: s.UnsubscribeURL(user.ID, org.ID, store.OptOutDigest), WatchlistURL: s.d.BaseURL + "/app/watchlist"}
	entitled := billing.Entitlements(org.Plan).ComplianceAnalysis
	byPlatform := map[string]int{}
	for _, c := range changes {
		name, doc := "Your custom documents", ""
		if c.Document != nil {
			doc = c.Document.Name
			if c.Document.Platform != nil {
				name = c.Document.Platform.Name
			}
		}
		i, ok := byPlatform[name]
		if !ok {
			i = len(data.Platforms)
			byPlatform[name] = i
			data.Platforms = append(data.Platforms, DigestPlatform{Name: name})
		}
		url := fmt.Sprintf("%s/changes/%d", s.d.BaseURL, c.ID)
		if c.Materiality == store.MaterialityEditorial {
			data.Platforms[i].addEditorial(c, doc, url)
			continue
		}
		summary := c.Summary
		if summary == "" {
			summary = "The text changed."
		}
		line := DigestChange{
			Document: doc, Summary: shorten(summary, clauseLimit), Severity: c.Severity, Date: c.CreatedAt,
			URL: url,
		}
		if entitled {
			provisions, _ := provisionLines(&c) // a digest without them beats no digest
			for _, p := range provisions {
				line.Provisions = append(line.Provisions, p.Words())
			}
		}
		data.Platforms[i].Changes = append(data.Platforms[i].Changes, line)
	}
	return s.mailTo(ctx, d, user.Email, "alert_digest", data, data.UnsubscribeURL)
}
