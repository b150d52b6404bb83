package recorder_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// olderVersion records body as the document's latest version the way an
// older extractor would have: extraction version 0, no content
// fingerprint, and the given text (what that extractor made of body).
func olderVersion(t *testing.T, st *store.Store, docID int64, url, body, markdown string) *store.Version {
	t.Helper()
	sum := sha256.Sum256([]byte(body))
	v, _, err := st.RecordVersion(context.Background(), store.NewVersion{
		DocumentID: docID, Kind: store.VersionFirst, Markdown: markdown, SHA256: recorder.ChainHash("", markdown),
		Fingerprints: store.Fingerprints{Significant: diff.Fingerprint(markdown)},
		Snapshots:    []store.SnapshotInput{{SHA256: hex.EncodeToString(sum[:]), URL: url, ContentType: "text/html; charset=utf-8", Body: []byte(body)}},
		Health:       store.Health{State: docstate.OK, CheckedAt: time.Now().UTC(), NextCheckAt: time.Now().UTC()},
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A new extraction version re-extracts the latest version from its
// snapshot on the next check: the text an older extractor made differently
// is replaced by a technical_upgrade version, which is not a change and
// alerts nobody, and a real change after it is still recorded, as the only
// change.
func TestExtractionUpgradeIsNotAChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		const clause = "We do not sell your personal data."
		remote := &site{}
		body := page("n1", "1 March 2026", clause)
		remote.set(200, body)
		srv := httptest.NewServer(remote)
		defer srv.Close()
		var alerted atomic.Int64
		eng := engine.New(fetch.New(fetch.Options{AllowPrivate: true, TotalTimeout: 5 * time.Second}))
		tr := recorder.New(st, eng, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Hour, recorder.Hooks{
			Change: func(context.Context, *store.Store, *store.Change) error { alerted.Add(1); return nil },
		})
		if _, err := tr.Import(ctx, declare(srv.URL+"/terms", "article.terms")); err != nil {
			t.Fatal(err)
		}
		ids, err := st.DocumentIDs(ctx, 0)
		if err != nil || len(ids) != 1 {
			t.Fatalf("documents %v %v", ids, err)
		}
		id := ids[0]
		current, err := extract.Extract([]byte(body), "text/html", srv.URL+"/terms", extract.Rules{Select: []extract.Selector{{CSS: "article.terms"}}})
		if err != nil {
			t.Fatal(err)
		}
		// The older extractor glued two words of the page together.
		older := strings.Replace(current, "You own your content.", "You ownyour content.", 1)
		if diff.Fingerprint(older) == diff.Fingerprint(current) {
			t.Fatal("the older text must differ significantly, or the test proves nothing")
		}
		old := olderVersion(t, st, id, srv.URL+"/terms", body, older)

		// Only noise on the page since: the check upgrades and records nothing.
		remote.set(200, page("n2", "2 March 2026", clause))
		out, err := tr.Check(ctx, id)
		if err != nil || out.State != docstate.OK || out.VersionID != 0 || out.ChangeID != 0 {
			t.Fatalf("check after an extraction upgrade: %+v %v", out, err)
		}
		latest, err := st.LatestVersion(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if latest.Kind != store.VersionTechnicalUpgrade || latest.Markdown != current || latest.ExtractionVersion != extract.Version ||
			latest.ContentFingerprint == "" || latest.PrevSHA256 != old.SHA256 || latest.SHA256 != recorder.ChainHash(old.SHA256, current) {
			t.Fatalf("upgraded version: %+v", latest)
		}
		if len(latest.SnapshotIDs) != 1 || latest.SnapshotIDs[0] != old.SnapshotIDs[0] {
			t.Errorf("upgrade snapshots = %v, want the upgraded version's %v", latest.SnapshotIDs, old.SnapshotIDs)
		}
		doc := mustDoc(t, st, id)
		changes, err := st.PlatformChanges(ctx, *doc.PlatformID, 10)
		if err != nil || len(changes) != 0 || alerted.Load() != 0 {
			t.Fatalf("the upgrade recorded changes %v or alerted %d times (%v)", changes, alerted.Load(), err)
		}

		// The next fetch of the same text takes the fast path.
		remote.set(200, page("n3", "2 March 2026", clause))
		if out, err := tr.Check(ctx, id); err != nil || out.VersionID != 0 {
			t.Fatalf("check after the upgrade: %+v %v", out, err)
		}

		// A real change is still detected, once, and compared with the
		// upgraded text only.
		remote.set(200, page("n4", "3 March 2026", "We sell your personal data to advertising partners."))
		changed, err := tr.Check(ctx, id)
		if err != nil || changed.ChangeID == 0 {
			t.Fatalf("real change after the upgrade: %+v %v", changed, err)
		}
		c, err := st.Change(ctx, 0, changed.ChangeID)
		if err != nil {
			t.Fatal(err)
		}
		if c.FromVersionID != latest.ID || strings.Contains(string(c.Sections), "ownyour") || alerted.Load() != 1 {
			t.Errorf("change %+v after the upgrade (alerted %d)", c, alerted.Load())
		}
	})
}

// When re-extraction gives the text already stored, the upgrade records no
// version and only fills in the fingerprints.
func TestExtractionUpgradeOfTheSameText(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	remote, tr, id := watched(t, st, "We do not sell your personal data.", "article.terms")
	remote.mu.Lock()
	body := remote.body
	remote.mu.Unlock()
	url := mustSources(t, st, id)[0].URL
	current, err := extract.Extract([]byte(body), "text/html", url, extract.Rules{Select: []extract.Selector{{CSS: "article.terms"}}})
	if err != nil {
		t.Fatal(err)
	}
	old := olderVersion(t, st, id, url, body, current)
	if out, err := tr.Check(ctx, id); err != nil || out.VersionID != 0 {
		t.Fatalf("check: %+v %v", out, err)
	}
	v, err := st.LatestVersionMeta(ctx, id)
	if err != nil || v.ID != old.ID || v.ExtractionVersion != extract.Version || v.ContentFingerprint == "" {
		t.Fatalf("latest %+v %v", v, err)
	}
}

// Noise that the content fingerprint does not absorb is settled by the
// Markdown comparison, which then remembers the new fingerprint. A first
// version is stored without its significant fingerprint; that comparison
// works it out from the text and keeps it too.
func TestUnabsorbedNoiseRefreshesTheFingerprint(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	_, tr, id := watched(t, st, "We do not sell your personal data.", "article.terms")
	first, err := tr.Check(ctx, id)
	if err != nil || first.VersionID == 0 {
		t.Fatalf("first: %+v %v", first, err)
	}
	v, err := st.LatestVersionMeta(ctx, id)
	if err != nil || v.SignificantSHA256 != "" {
		t.Fatalf("first version %+v (%v), want no significant fingerprint yet", v, err)
	}
	want := v.ContentFingerprint
	if err := st.SetVersionFingerprints(ctx, v.ID, store.Fingerprints{Significant: v.SignificantSHA256, Content: "another page", ExtractionVersion: extract.Version}); err != nil {
		t.Fatal(err)
	}
	if out, err := tr.Check(ctx, id); err != nil || out.VersionID != 0 {
		t.Fatalf("check: %+v %v", out, err)
	}
	v, err = st.LatestVersionMeta(ctx, id)
	if err != nil || v.ContentFingerprint != want {
		t.Fatalf("content fingerprint %q, want %q (%v)", v.ContentFingerprint, want, err)
	}
	if sig := diff.Fingerprint(mustVersion(t, st, id, first.VersionID).Markdown); v.SignificantSHA256 != sig {
		t.Fatalf("significant fingerprint %q, want %q", v.SignificantSHA256, sig)
	}
}

func mustSources(t *testing.T, st *store.Store, id int64) []engine.Source {
	t.Helper()
	sources, err := recorder.DecodeSources(mustDoc(t, st, id).Sources)
	if err != nil {
		t.Fatal(err)
	}
	return sources
}

// A change's version is stored without its significant fingerprint too:
// a later fetch whose content fingerprint differs only by noise is settled
// by comparing the texts, records nothing and keeps the fingerprint.
func TestNoiseAfterAChangeIsNotAChange(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	remote, tr, id := watched(t, st, "We do not sell your personal data.", "article.terms")
	if out, err := tr.Check(ctx, id); err != nil || out.VersionID == 0 {
		t.Fatalf("first: %+v %v", out, err)
	}
	remote.set(200, page("n2", "1 March 2026", "We sell your personal data to advertisers."))
	changed, err := tr.Check(ctx, id)
	if err != nil || changed.ChangeID == 0 {
		t.Fatalf("change: %+v %v", changed, err)
	}
	v, err := st.LatestVersionMeta(ctx, id)
	if err != nil || v.ID != changed.VersionID || v.SignificantSHA256 != "" {
		t.Fatalf("changed version %+v (%v), want no significant fingerprint yet", v, err)
	}
	if err := st.SetVersionFingerprints(ctx, v.ID, store.Fingerprints{Content: "another page", ExtractionVersion: extract.Version}); err != nil {
		t.Fatal(err)
	}
	if out, err := tr.Check(ctx, id); err != nil || out.VersionID != 0 || out.ChangeID != 0 {
		t.Fatalf("noise: %+v %v", out, err)
	}
	v, err = st.LatestVersionMeta(ctx, id)
	if err != nil || v.SignificantSHA256 != diff.Fingerprint(mustVersion(t, st, id, changed.VersionID).Markdown) {
		t.Fatalf("fingerprint not kept: %+v %v", v, err)
	}
}
