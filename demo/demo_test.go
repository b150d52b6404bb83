package demo

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// The recorded history must show what the demo promises: a first version,
// a noise-only republication that records nothing, and real changes with
// high-severity provisions.
func TestReplayShowsNoiseFilteringAndChanges(t *testing.T) {
	site, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	st := storetest.SQLite(t)
	ctx := context.Background()
	tr := recorder.New(st, engine.New(fetch.New(fetch.Options{AllowPrivate: true})),
		slog.New(slog.NewTextHandler(io.Discard, nil)), time.Hour, recorder.Hooks{})
	if _, err := tr.Import(ctx, site.Catalogue()); err != nil {
		t.Fatal(err)
	}
	ids, err := st.DocumentIDs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	versions := map[int]int{}
	changes := 0
	for step := 0; step < Steps; step++ {
		if err := site.SetStep(step); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			out, err := tr.Check(ctx, id)
			if err != nil || out.State != "ok" {
				t.Fatalf("step %d document %d: %+v %v", step, id, out, err)
			}
			if out.NewVersion() {
				versions[step]++
			}
			if out.ChangeID != 0 {
				changes++
				c, err := st.Change(ctx, 0, out.ChangeID)
				if err != nil {
					t.Fatal(err)
				}
				if c.Severity != "high" || strings.TrimSpace(c.Summary) == "" {
					t.Errorf("change %d: severity %q summary %q", c.ID, c.Severity, c.Summary)
				}
			}
		}
	}
	if versions[0] != 2 || versions[1] != 0 || versions[2] != 2 || changes != 2 {
		t.Fatalf("versions per step %v, changes %d; want 2/0/2 and 2", versions, changes)
	}
}
