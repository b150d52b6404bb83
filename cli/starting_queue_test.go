package cli

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// countingQueue records the deliveries queued through it.
type countingQueue struct{ queued []int64 }

func (q *countingQueue) EnqueueDelivery(_ context.Context, d store.DueDelivery, _ time.Time) error {
	q.queued = append(q.queued, d.ID)
	return nil
}

// The check command's worker starts with the first delivery queued, once,
// and a worker that cannot start queues nothing.
func TestStartingQueueStartsOnce(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name       string
		start      error
		wantQueued int
		wantErr    bool
	}{
		{"worker starts", nil, 3, false},
		{"worker fails to start", errors.New("no redis"), 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := &countingQueue{}
			starts := 0
			q := &startingQueue{Queue: inner, start: func() error { starts++; return tt.start }}
			for id := int64(1); id <= 3; id++ {
				err := q.EnqueueDelivery(ctx, store.DueDelivery{ID: id}, time.Now())
				if (err != nil) != tt.wantErr {
					t.Fatalf("delivery %d: error %v, want error %v", id, err, tt.wantErr)
				}
			}
			if starts != 1 || len(inner.queued) != tt.wantQueued {
				t.Errorf("started %d times, queued %v; want once and %d", starts, inner.queued, tt.wantQueued)
			}
		})
	}
	// Without a start function (every process but the check command) it
	// only queues.
	inner := &countingQueue{}
	q := &startingQueue{Queue: inner}
	if err := q.EnqueueDelivery(ctx, store.DueDelivery{ID: 7}, time.Now()); err != nil || len(inner.queued) != 1 {
		t.Errorf("no start: %v, queued %v", err, inner.queued)
	}
}
