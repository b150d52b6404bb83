package recorder_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// platform declares a platform with one document per type, all at url.
func platform(slug, url string, types ...string) catalogue.Platform {
	p := catalogue.Platform{Name: slug, Slug: slug}
	for _, t := range types {
		p.Documents = append(p.Documents, catalogue.Document{Type: t, Sources: []engine.Source{{URL: url + "/" + t}}})
	}
	return p
}

func TestImportRetiresAndRevivesDocuments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		tr := newTracker(t, st)
		steps := []struct {
			name        string
			types       []string
			wantRetired int
			wantChecked int // documents the sweep and check --all see
			wantNotice  string
		}{
			{"first import", []string{"Terms of Service", "Privacy Policy"}, 0, 2, ""},
			{"privacy policy dropped", []string{"Terms of Service"}, 1, 1, "quokka: Privacy Policy retired"},
			{"same again retires nothing more", []string{"Terms of Service"}, 0, 1, ""},
			{"terms {} retires the rest", nil, 1, 0, "quokka: Terms of Service retired"},
			{"declared again", []string{"Privacy Policy"}, 0, 1, ""},
		}
		for _, step := range steps {
			rep, err := tr.Import(ctx, []catalogue.Platform{platform("quokka", "https://quokka.test", step.types...)})
			if err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			if rep.DocumentsRetired != step.wantRetired {
				t.Errorf("%s: retired %d, want %d", step.name, rep.DocumentsRetired, step.wantRetired)
			}
			if step.wantNotice != "" && !strings.Contains(strings.Join(rep.Notices, "\n"), step.wantNotice) {
				t.Errorf("%s: notices %q lack %q", step.name, rep.Notices, step.wantNotice)
			}
			ids, err := st.DocumentIDs(ctx, 0)
			if err != nil || len(ids) != step.wantChecked {
				t.Errorf("%s: checked documents %v %v, want %d", step.name, ids, err, step.wantChecked)
			}
			due, err := st.DueDocuments(ctx, time.Now().Add(time.Hour), store.DueDocument{}, 10)
			if err != nil || len(due) != step.wantChecked {
				t.Errorf("%s: due documents %v %v, want %d", step.name, due, err, step.wantChecked)
			}
		}
		pl, err := st.PlatformBySlug(ctx, "quokka")
		if err != nil {
			t.Fatal(err)
		}
		docs, err := st.PlatformDocuments(ctx, pl.ID)
		if err != nil || len(docs) != 2 {
			t.Fatalf("retired documents must be kept: %v %v", docs, err)
		}
	})
}

func TestBuiltinAndImportedPrecedence(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		tr := newTracker(t, st)
		if _, err := tr.ImportBuiltin(ctx, []catalogue.Platform{platform("quokka", "https://builtin.test", "Terms of Service")}); err != nil {
			t.Fatal(err)
		}
		rep, err := tr.Import(ctx, []catalogue.Platform{platform("quokka", "https://imported.test", "Terms of Service")})
		if err != nil {
			t.Fatal(err)
		}
		if rep.DocumentsUpdated != 1 || !strings.Contains(strings.Join(rep.Notices, "\n"), "quokka: the imported declaration replaces the built-in one") {
			t.Errorf("import over built-in: %+v", rep)
		}
		rep, err = tr.ImportBuiltin(ctx, []catalogue.Platform{platform("quokka", "https://builtin.test", "Terms of Service", "Privacy Policy")})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Platforms != 0 || rep.PlatformsKept != 1 || !strings.Contains(strings.Join(rep.Notices, "\n"), "quokka: kept the imported declaration") {
			t.Errorf("built-in over import: %+v", rep)
		}
		pl, err := st.PlatformBySlug(ctx, "quokka")
		if err != nil {
			t.Fatal(err)
		}
		doc, err := st.CatalogueDocument(ctx, pl.ID, "Terms of Service")
		if err != nil || !strings.Contains(string(doc.Sources), "imported.test") {
			t.Errorf("document sources = %s, %v; want the imported ones", doc.Sources, err)
		}
		if _, err := st.CatalogueDocument(ctx, pl.ID, "Privacy Policy"); err == nil {
			t.Error("the built-in catalogue added a document to an imported platform")
		}
	})
}
