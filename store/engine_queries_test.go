package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// addVersion records a version (and a change after the first) without
// analysis: these tests are about the queries.
func addVersion(t *testing.T, st *store.Store, docID int64, text string, at time.Time) *store.Version {
	t.Helper()
	ctx := context.Background()
	nv := store.NewVersion{DocumentID: docID, Kind: store.VersionFirst, Markdown: text, SHA256: text + "-hash",
		Health: store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(time.Hour)}}
	if prev, err := st.LatestVersion(ctx, docID); err == nil {
		nv.PrevID, nv.PrevSHA, nv.Kind = prev.ID, prev.SHA256, store.VersionChange
		nv.Change = &store.Change{Summary: "changed", Sections: store.JSONText("[]"), Provisions: store.JSONText("[]")}
	}
	v, _, err := st.RecordVersion(ctx, nv)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEngineQueries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		org := &store.Organization{Name: "Org", Slug: "org", Plan: "free"}
		if err := st.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
		plats := map[string]*store.Platform{}
		for _, p := range []store.Platform{{Slug: "zoom", Name: "Zoom", Category: "Video"}, {Slug: "acme_50", Name: "Acme 50%", Category: "Tools"}, {Slug: "empty", Name: "Empty"}} {
			p := p
			if err := st.UpsertPlatform(ctx, &p); err != nil {
				t.Fatal(err)
			}
			plats[p.Slug] = &p
		}
		doc := func(p *store.Platform, orgID *int64, typ string) *store.Document {
			d := &store.Document{DocType: typ, Name: typ, Sources: store.JSONText("[]"), OrganizationID: orgID}
			if p != nil {
				d.PlatformID = &p.ID
			}
			if err := st.CreateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
			return d
		}
		t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		zoomTerms := doc(plats["zoom"], nil, "Terms of Service")
		doc(plats["zoom"], nil, "Privacy Policy")
		acmeTerms := doc(plats["acme_50"], nil, "Terms of Service")
		custom := doc(nil, &org.ID, "Custom")
		addVersion(t, st, zoomTerms.ID, "z1", t0)
		z2 := addVersion(t, st, zoomTerms.ID, "z2", t0.Add(48*time.Hour))
		addVersion(t, st, acmeTerms.ID, "a1", t0)
		addVersion(t, st, custom.ID, "c1", t0)
		addVersion(t, st, custom.ID, "c2", t0.Add(72*time.Hour))

		all, err := st.PlatformSummaries(ctx, "")
		if err != nil || len(all) != 3 {
			t.Fatalf("summaries = %+v, %v", all, err)
		}
		byslug := map[string]store.PlatformSummary{}
		for _, s := range all {
			byslug[s.Slug] = s
		}
		if z := byslug["zoom"]; z.Documents != 2 || z.LastChangeAt == nil || !z.LastChangeAt.Equal(t0.Add(48*time.Hour)) {
			t.Errorf("zoom = %+v", z)
		}
		if a := byslug["acme_50"]; a.Documents != 1 || a.LastChangeAt != nil {
			t.Errorf("acme = %+v", a)
		}
		if e := byslug["empty"]; e.Documents != 0 || e.LastChangeAt != nil {
			t.Errorf("empty = %+v", e)
		}
		for q, want := range map[string]string{"ZOO": "zoom", "video": "zoom", "50%": "acme_50", "_5": "acme_50", "e_p": ""} {
			got, err := st.PlatformSummaries(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if (want == "" && len(got) != 0) || (want != "" && (len(got) != 1 || got[0].Slug != want)) {
				t.Errorf("search %q = %+v, want %q", q, got, want)
			}
		}

		if _, err := st.VisibleDocument(ctx, 0, custom.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("custom document visible to anonymous: %v", err)
		}
		if _, err := st.VisibleDocument(ctx, org.ID+1, custom.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("custom document visible to another organization: %v", err)
		}
		if d, err := st.VisibleDocument(ctx, org.ID, custom.ID); err != nil || d.ID != custom.ID {
			t.Errorf("owner: %v", err)
		}
		if d, err := st.VisibleDocument(ctx, 0, zoomTerms.ID); err != nil || d.Platform == nil || d.Platform.Slug != "zoom" {
			t.Errorf("catalogue document: %+v, %v", d, err)
		}

		latest, err := st.LatestCatalogueVersions(ctx)
		if err != nil || len(latest) != 2 {
			t.Fatalf("latest = %+v, %v", latest, err)
		}
		if latest[1].Slug != "zoom" || latest[1].VersionID != z2.ID || latest[1].DocType != "Terms of Service" {
			t.Errorf("latest = %+v", latest)
		}
		texts, err := st.VersionTexts(ctx, []int64{z2.ID})
		if err != nil || texts[z2.ID] != "z2" {
			t.Errorf("texts = %v, %v", texts, err)
		}
		heads, err := st.VersionHeads(ctx, []int64{z2.ID})
		if err != nil || heads[z2.ID].SHA256 != "z2-hash" || heads[z2.ID].Markdown != "" {
			t.Errorf("heads = %+v, %v", heads, err)
		}

		vs, err := st.PlatformVersions(ctx, plats["zoom"].ID)
		if err != nil || len(vs) != 2 || vs[0].Markdown != "z1" || vs[1].ID != z2.ID || vs[1].DocumentID != zoomTerms.ID {
			t.Errorf("platform versions = %+v, %v", vs, err)
		}
		cs, err := st.PlatformChangesAll(ctx, plats["zoom"].ID)
		if err != nil || len(cs) != 1 || cs[0].ToVersionID != z2.ID {
			t.Errorf("platform changes = %+v, %v", cs, err)
		}
	})
}
