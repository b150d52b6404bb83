package app

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
)

// Policy texts of the seeded history. The second Acme version carries
// hostile markup that must never reach a page as markup.
const (
	acmeTermsV1 = "# Terms of Service\n\n## Your data\n\nWe do not sell your personal data.\n\n## Termination\n\nYou may close your account at any time.\n"
	acmeTermsV2 = "# Terms of Service\n\n## Your data\n\nWe sell your personal data to advertising partners. <script>alert('pwned')</script>\n\n" +
		"## Artificial intelligence\n\nWe may use your content to train our artificial intelligence models. [Opt out](javascript:alert(1)) <img src=x onerror=alert(2)>\n\n" +
		"## Termination\n\nYou may close your account at any time.\n"
	globexPrivacy = "# Privacy Policy\n\n## Models\n\nGlobex uses customer content to train its machine learning models.\n"
	customV1      = "# Supplier terms\n\nWe keep your data for one year.\n"
	customV2      = "# Supplier terms\n\nWe keep your data for ten years and share it with our affiliates.\n"
)

// engineFixture is a seeded catalogue: Acme with a recorded change, Globex
// with one version, and a custom document of the "owner" organization.
type engineFixture struct {
	acme         *store.Platform
	acmeTerms    *store.Document
	acmeV1       *store.Version
	acmeV2       *store.Version
	acmeChange   *store.Change
	customDoc    *store.Document
	customChange *store.Change
	ownerOrg     *store.Organization
}

// recordVersion appends a version to a document as the recorder does: the
// chain hash, and the analysed change from the previous version.
func recordVersion(t testing.TB, st *store.Store, docID int64, markdown string, at time.Time) (*store.Version, *store.Change) {
	t.Helper()
	ctx := context.Background()
	nv := store.NewVersion{DocumentID: docID, Kind: store.VersionFirst, Markdown: markdown,
		Health: store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(time.Hour)}}
	prev, err := st.LatestVersion(ctx, docID)
	switch {
	case err == nil:
		rep := analysis.Analyze(prev.Markdown, markdown)
		sections, _ := json.Marshal(rep.Sections)
		provisions, _ := json.Marshal(rep.Provisions)
		sev := analysis.HighestSeverity(rep.Provisions)
		if !sev.Valid() {
			sev = analysis.SeverityLow
		}
		nv.PrevID, nv.PrevSHA, nv.Kind = prev.ID, prev.SHA256, store.VersionChange
		nv.Change = &store.Change{Summary: rep.Summary, Severity: sev.String(), AddedWords: rep.Stats.AddedWords,
			RemovedWords: rep.Stats.RemovedWords, SectionsChanged: rep.Stats.SectionsChanged,
			Sections: sections, Provisions: provisions, Materiality: rep.Materiality}
	case !errors.Is(err, store.ErrNotFound):
		t.Fatal(err)
	}
	nv.SHA256 = recorder.ChainHash(nv.PrevSHA, markdown)
	v, c, err := st.RecordVersion(ctx, nv)
	if err != nil {
		t.Fatal(err)
	}
	return v, c
}

func seedDocument(t testing.TB, st *store.Store, d *store.Document) *store.Document {
	t.Helper()
	d.Sources = store.JSONText(`[]`)
	if err := st.CreateDocument(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// seedEngine fills the app's store. The owner organization is created by
// signing up ownerEmail through the API; its token is returned.
func seedEngine(t *testing.T, ta *testApp) (*engineFixture, string) {
	t.Helper()
	ctx := context.Background()
	st := ta.store
	res, out := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"owner@example.com","password":"`+goodPassword+`","organization":"Owner Co"}`)
	wantStatus(t, res, 201)
	token := out["token"].(string)

	f := &engineFixture{}
	var err error
	if f.ownerOrg, err = st.OrganizationBySlug(ctx, "owner-co"); err != nil {
		t.Fatal(err)
	}
	f.acme = &store.Platform{Slug: "acme", Name: "Acme", Category: "Productivity", Jurisdiction: "US"}
	globex := &store.Platform{Slug: "globex", Name: "Globex", Category: "Cloud storage"}
	for _, p := range []*store.Platform{f.acme, globex} {
		if err := st.UpsertPlatform(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	f.acmeTerms = seedDocument(t, st, &store.Document{PlatformID: &f.acme.ID, DocType: "Terms of Service", Name: "Terms of Service"})
	seedDocument(t, st, &store.Document{PlatformID: &f.acme.ID, DocType: "Privacy Policy", Name: "Privacy Policy"})
	f.acmeV1, _ = recordVersion(t, st, f.acmeTerms.ID, acmeTermsV1, start)
	f.acmeV2, f.acmeChange = recordVersion(t, st, f.acmeTerms.ID, acmeTermsV2, start.Add(24*time.Hour))

	globexDoc := seedDocument(t, st, &store.Document{PlatformID: &globex.ID, DocType: "Privacy Policy", Name: "Privacy Policy"})
	recordVersion(t, st, globexDoc.ID, globexPrivacy, start)

	f.customDoc = seedDocument(t, st, &store.Document{OrganizationID: &f.ownerOrg.ID, DocType: "Custom", Name: "Supplier terms"})
	recordVersion(t, st, f.customDoc.ID, customV1, start)
	_, f.customChange = recordVersion(t, st, f.customDoc.ID, customV2, start.Add(time.Hour))
	return f, token
}

// apiToken signs up a new organization through the API and returns its
// token and the organization.
func apiToken(t *testing.T, ta *testApp, email, org, plan string) (string, *store.Organization) {
	t.Helper()
	res, out := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"`+email+`","password":"`+goodPassword+`","organization":"`+org+`"}`)
	wantStatus(t, res, 201)
	ta.verified(email)
	o := out["organization"].(map[string]any)
	got, err := ta.store.OrganizationBySlug(context.Background(), o["slug"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if plan != "" {
		if err := ta.store.SetOrganizationPlan(context.Background(), got.ID, plan); err != nil {
			t.Fatal(err)
		}
	}
	return out["token"].(string), got
}
