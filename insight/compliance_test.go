package insight_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

// catalogue is platform 1 (two documents) and peers 2…9 that all state AI
// training, peer 2 in two documents.
func catalogue() *fakeStore {
	st := &fakeStore{texts: map[int64]string{
		10: policy(aiTraining, governingLaw),
		11: policy(dataSharing),
	}}
	st.latest = append(st.latest,
		store.LatestCatalogueVersion{DocumentID: 100, VersionID: 10, PlatformID: 1, Slug: "self", Name: "Self"},
		store.LatestCatalogueVersion{DocumentID: 101, VersionID: 11, PlatformID: 1, Slug: "self", Name: "Self"},
	)
	for p := int64(2); p <= 9; p++ {
		v := 100 * p
		st.texts[v] = policy("Peer " + string(rune('A'+p)) + " says: " + aiTraining)
		st.latest = append(st.latest, store.LatestCatalogueVersion{DocumentID: v, VersionID: v, PlatformID: p, Slug: "p" + string(rune('a'+p)), Name: "Peer", DocType: "Terms"})
	}
	st.texts[201] = policy(aiTraining, arbitration)
	st.latest = append(st.latest, store.LatestCatalogueVersion{DocumentID: 201, VersionID: 201, PlatformID: 2, Slug: "pc", Name: "Peer", DocType: "Privacy"})
	return st
}

var selfDocs = []insight.Document{{ID: 100, DocType: "Terms of Service", VersionID: 10}, {ID: 101, DocType: "Privacy Policy", VersionID: 11}}

func TestComplianceWithoutEntitlementNamesCategoriesOnly(t *testing.T) {
	s := insight.New(catalogue(), 100)
	v, err := s.Compliance(context.Background(), 1, selfDocs, nil, false, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"AI training", "Governing law", "Data sharing with third parties"}
	if !slices.Equal(v.Teaser, want) {
		t.Errorf("teaser = %q, want %q", v.Teaser, want)
	}
	if v.Entitled || v.Documents != nil || v.Categories != nil || v.Exposure != "" || v.Timeline != nil {
		t.Errorf("view without entitlement carries the analysis: %+v", v)
	}
}

func TestComplianceForEntitledOrganizations(t *testing.T) {
	s := insight.New(catalogue(), 100)
	changes := []store.Change{
		change(t, 2, analysis.Provision{Category: "ai_training", Change: "added", Severity: "high"}),
		change(t, 1, analysis.Provision{Category: "arbitration", Change: "removed", Severity: "low"}),
	}
	v, err := s.Compliance(context.Background(), 1, selfDocs, changes, true, "arbitration")
	if err != nil {
		t.Fatal(err)
	}
	if v.Exposure != analysis.SeverityHigh || !slices.Equal(v.ExposureDrivers, []string{"AI training"}) {
		t.Errorf("exposure = %s %q", v.Exposure, v.ExposureDrivers)
	}
	if len(v.Documents) != 2 || v.Documents[0].DocumentID != 100 || len(v.Documents[0].Provisions) != 2 || v.Documents[1].Provisions[0].Category != "data_sharing" {
		t.Errorf("documents = %+v", v.Documents)
	}
	var ids []string
	for _, c := range v.Categories {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(ids, []string{"ai_training", "data_sharing", "governing_law"}) { // table order
		t.Fatalf("categories = %q", ids)
	}
	ai := v.Categories[0]
	// Eight peers state it (peer 2 twice, counted once), the platform itself
	// is no peer of its own, and six are named.
	if len(ai.Peers) != 6 || ai.MorePeers != 2 || ai.Severity != "high" || len(ai.Regulations) == 0 {
		t.Errorf("ai_training: %d peers and %d more, severity %s", len(ai.Peers), ai.MorePeers, ai.Severity)
	}
	for _, p := range ai.Peers {
		if p.Slug == "self" || !strings.Contains(p.Evidence, "train our artificial intelligence") {
			t.Errorf("peer %+v", p)
		}
	}
	if len(v.Categories[1].Peers) != 0 {
		t.Errorf("data_sharing peers = %+v, want none", v.Categories[1].Peers)
	}
	if !slices.IsSorted(v.Jurisdictions) || len(v.Jurisdictions) == 0 || len(slices.Compact(slices.Clone(v.Jurisdictions))) != len(v.Jurisdictions) {
		t.Errorf("jurisdictions = %q, want sorted and unique", v.Jurisdictions)
	}
	if v.Filter != "arbitration" || len(v.Timeline) != 1 || v.Timeline[0].ChangeID != 1 || len(v.FilterOptions) != len(analysis.Categories()) {
		t.Errorf("filter %q, timeline %+v", v.Filter, v.Timeline)
	}

	unknown, err := s.Compliance(context.Background(), 1, selfDocs, changes, true, "no_such_category")
	if err != nil {
		t.Fatal(err)
	}
	if unknown.Filter != "" || len(unknown.Timeline) != 2 {
		t.Errorf("an unknown filter narrowed the timeline: %q, %d entries", unknown.Filter, len(unknown.Timeline))
	}
}
