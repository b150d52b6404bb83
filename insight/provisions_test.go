package insight_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
)

// texts serves "text N" for every id.
func texts(_ context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		out[id] = fmt.Sprint("text ", id)
	}
	return out, nil
}

// counting is a classifier that counts its calls per text.
type counting struct {
	mu    sync.Mutex
	calls map[string]int
}

func (c *counting) classify(md string) insight.Reading {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.calls == nil {
		c.calls = map[string]int{}
	}
	c.calls[md]++
	return insight.Reading{Provisions: []analysis.Provision{{Category: "ai_training", Evidence: md}}}
}

func (c *counting) count(md string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls[md]
}

func TestProvisionCacheIsBounded(t *testing.T) {
	ctx := context.Background()
	var cl counting
	pc := insight.NewProvisionCache(3, texts, cl.classify)
	for id := int64(1); id <= 5; id++ {
		if _, err := pc.Provisions(ctx, []int64{id}); err != nil {
			t.Fatal(err)
		}
	}
	if pc.Len() != 3 {
		t.Fatalf("len = %d, want 3", pc.Len())
	}
	// The least recently used were evicted and classify again; the others
	// come from the cache.
	if _, err := pc.Provisions(ctx, []int64{3, 4, 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.Provisions(ctx, []int64{1}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int64]int{1: 2, 3: 1, 4: 1, 5: 1} {
		if got := cl.count(fmt.Sprint("text ", id)); got != want {
			t.Errorf("version %d classified %d times, want %d", id, got, want)
		}
	}
	if pc.Len() != 3 {
		t.Errorf("len = %d after refilling, want 3", pc.Len())
	}
}

func TestProvisionCacheReturnsWhatItClassified(t *testing.T) {
	st := &fakeStore{texts: map[int64]string{1: policy(aiTraining), 2: policy(governingLaw)}}
	pc := insight.NewProvisionCache(10, st.VersionTexts, insight.Read)
	for range 2 { // cold, then cached
		got, err := pc.Provisions(context.Background(), []int64{1, 2, 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[1][0].Category != "ai_training" || got[2][0].Category != "governing_law" {
			t.Fatalf("provisions = %+v, want ai_training for 1, governing_law for 2, nothing for 3 (no text)", got)
		}
	}
	if st.reads != 2 { // the second lookup reads only version 3, which has no text
		t.Errorf("texts read %d times, want 2", st.reads)
	}
}

func TestProvisionCacheReportsReadErrors(t *testing.T) {
	down := errors.New("database away")
	pc := insight.NewProvisionCache(10, func(context.Context, []int64) (map[int64]string, error) { return nil, down }, insight.Read)
	if _, err := pc.Provisions(context.Background(), []int64{1}); !errors.Is(err, down) {
		t.Fatalf("err = %v, want %v", err, down)
	}
}

// Concurrent first lookups of one version classify it once: every lookup
// has read the text (the barrier) before any classifies, and the first
// classification holds on for a while so that the others find it running.
// The correct cache never calls again, whatever the timing.
func TestProvisionCacheClassifiesOneVersionOnce(t *testing.T) {
	const lookups = 16
	var arrived sync.WaitGroup
	arrived.Add(lookups)
	barrier := func(ctx context.Context, ids []int64) (map[int64]string, error) {
		arrived.Done()
		arrived.Wait()
		return texts(ctx, ids)
	}
	var classified atomic.Int32
	again := make(chan struct{})
	pc := insight.NewProvisionCache(10, barrier, func(md string) insight.Reading {
		switch classified.Add(1) {
		case 1:
			select {
			case <-again:
			case <-time.After(200 * time.Millisecond):
			}
		case 2:
			close(again)
		}
		return insight.Reading{Provisions: []analysis.Provision{{Category: "ai_training", Evidence: md}}}
	})
	var wg sync.WaitGroup
	errs := make(chan error, lookups)
	for range lookups {
		wg.Go(func() {
			got, err := pc.Provisions(context.Background(), []int64{7})
			if err == nil && (len(got[7]) != 1 || got[7][0].Evidence != "text 7") {
				err = fmt.Errorf("provisions = %+v", got)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := classified.Load(); n != 1 {
		t.Errorf("version classified %d times by %d concurrent lookups, want once", n, lookups)
	}
}

// Different versions classify at the same time: each classification waits
// until the other has started, which a lock around classification would
// never allow.
func TestProvisionCacheClassifiesVersionsInParallel(t *testing.T) {
	started := map[string]chan struct{}{"text 1": make(chan struct{}), "text 2": make(chan struct{})}
	other := map[string]string{"text 1": "text 2", "text 2": "text 1"}
	var stuck atomic.Bool
	pc := insight.NewProvisionCache(10, texts, func(md string) insight.Reading {
		close(started[md])
		select {
		case <-started[other[md]]:
		case <-time.After(30 * time.Second): // a deadlock fails the test instead of hanging it
			stuck.Store(true)
		}
		return insight.Reading{}
	})
	var wg sync.WaitGroup
	for _, id := range []int64{1, 2} {
		wg.Go(func() {
			if _, err := pc.Provisions(context.Background(), []int64{id}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if stuck.Load() {
		t.Error("one version's classification waited for the other's")
	}
}
