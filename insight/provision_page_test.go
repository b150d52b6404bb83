package insight_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

var day = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func selfSources() []insight.SourceDocument {
	return []insight.SourceDocument{
		{ID: 100, DocType: "Terms of Service", VersionID: 10, VersionAt: day, State: docstate.OK, Changes: 3},
		{ID: 101, DocType: "Privacy Policy", VersionID: 11, VersionAt: day, State: docstate.OK},
	}
}

func TestProvisionPageStatesTheProvisionWithItsExcerptAndPeers(t *testing.T) {
	st := catalogue()
	st.latest = append(st.latest, store.LatestCatalogueVersion{DocumentID: 1000, VersionID: 1000, PlatformID: 10, Slug: "quiet", Name: "Quiet", DocType: "Terms"})
	st.texts[1000] = policy(governingLaw)
	s := insight.New(st, 100)
	changes := []store.Change{
		change(t, 2, analysis.Provision{Category: "ai_training", Change: "added", Severity: "high"}),
		change(t, 1, analysis.Provision{Category: "arbitration", Change: "removed", Severity: "low"}),
	}
	p, err := s.ProvisionPage(context.Background(), store.Platform{ID: 1, Slug: "self", Name: "Self"}, selfSources(), changes, "ai_training")
	if err != nil {
		t.Fatal(err)
	}
	if p.Stance.Value != "permits" || p.Stance.DocType != "Terms of Service" || p.Stance.Evidence != aiTraining ||
		p.Stance.Statement != "Self may use your data to train AI models." || p.Stance.Severity != analysis.SeverityHigh {
		t.Errorf("stance = %+v", p.Stance)
	}
	if len(p.Excerpts) != 1 || p.Excerpts[0].VersionID != 10 || p.Excerpts[0].DocumentID != 100 || !p.Excerpts[0].VersionAt.Equal(day) {
		t.Errorf("excerpts = %+v", p.Excerpts)
	}
	if len(p.Timeline) != 1 || p.Timeline[0].ChangeID != 2 {
		t.Errorf("timeline = %+v, want the ai_training change only", p.Timeline)
	}
	if p.Exposure != analysis.SeverityHigh || len(p.Jurisdictions) == 0 || p.Contract == "" || len(p.Notes) != 0 {
		t.Errorf("exposure %s, jurisdictions %q, contract %q, notes %q", p.Exposure, p.Jurisdictions, p.Contract, p.Notes)
	}
	// Peers 2…9 state it (peer 2 in two documents, counted once); Quiet
	// does not; the platform is not its own peer.
	if len(p.Others) != 2 || p.Others[0].Value != "permits" || p.Others[1].Value != "not stated" {
		t.Fatalf("others = %+v", p.Others)
	}
	if n := len(p.Others[0].Platforms) + p.Others[0].More; n != 8 || len(p.Others[0].Platforms) != 8 {
		t.Errorf("stated by %d peers (%d named), want 8", n, len(p.Others[0].Platforms))
	}
	if p.Others[1].Platforms[0].Slug != "quiet" {
		t.Errorf("not stated: %+v", p.Others[1])
	}
	for _, g := range p.Others {
		for _, o := range g.Platforms {
			if o.Slug == "self" {
				t.Error("the platform is listed among the others")
			}
		}
	}
}

func TestProvisionPageNotesIncompleteReadings(t *testing.T) {
	s := insight.New(catalogue(), 100)
	docs := selfSources()
	docs[0].State = docstate.TooLarge
	docs = append(docs, insight.SourceDocument{ID: 102, DocType: "AI Terms", State: docstate.SelectorMissing})
	p, err := s.ProvisionPage(context.Background(), store.Platform{ID: 1, Slug: "self", Name: "Self"}, docs, nil, "arbitration")
	if err != nil {
		t.Fatal(err)
	}
	if p.Stance.Stated() || p.Stance.Value != "none" || p.Stance.Statement != "Self does not require arbitration of disputes." {
		t.Errorf("stance = %+v", p.Stance)
	}
	notes := strings.Join(p.Notes, "\n")
	for _, want := range []string{"latest check of the Terms of Service failed", "size limit", "1 Mar 2026",
		"The AI Terms has never been read", "selects is missing", "rests only on the documents that could be read"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if _, err := s.ProvisionPage(context.Background(), store.Platform{ID: 1}, docs, nil, "no_such"); err == nil {
		t.Error("an unknown category built a page")
	}
}

func TestCatalogueStancesCarryPlatformCategoryAndLastChange(t *testing.T) {
	st := catalogue()
	for i := range st.latest {
		st.latest[i].Category = "Video"
	}
	st.lastChanges = map[int64]time.Time{3: day}
	s := insight.New(st, 100)
	rows, err := s.CatalogueStances(context.Background(), "arbitration")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 {
		t.Fatalf("%d platforms, want 9 (one row per platform)", len(rows))
	}
	stated := slices.IndexFunc(rows, func(r insight.PlatformStance) bool { return r.Stated() })
	if stated < 0 || rows[stated].PlatformID != 2 || rows[stated].DocType != "Privacy" || rows[stated].Category != "Video" {
		t.Errorf("arbitration stated by %+v, want platform 2's Privacy", rows[max(stated, 0)])
	}
	for _, r := range rows {
		if (r.PlatformID == 3) != (r.LastChange != nil) {
			t.Errorf("platform %d last change %v", r.PlatformID, r.LastChange)
		}
	}
}

func TestStanceMatrixReadsOnlyTheWatchedPlatforms(t *testing.T) {
	st := catalogue()
	s := insight.New(st, 100)
	m, err := s.StanceMatrix(context.Background(), []int64{1, 2, 99}, []string{"ai_training", "arbitration", "no_such"})
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || len(m[1]) != 2 {
		t.Fatalf("matrix = %+v, want platforms 1 and 2 (99 has no version) × two known categories", m)
	}
	if !m[1]["ai_training"].Stated() || m[1]["arbitration"].Stated() || !m[2]["arbitration"].Stated() {
		t.Errorf("matrix = %+v", m)
	}
}
