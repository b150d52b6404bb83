package workers

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/hibiken/asynq"
)

func TestRetryDelay(t *testing.T) {
	tests := []struct {
		name     string
		n        int
		err      error
		min, max time.Duration
	}{
		{"worker died", 0, asynq.ErrLeaseExpired, time.Second, time.Second},
		{"worker died, wrapped", 2, fmt.Errorf("task: %w", asynq.ErrLeaseExpired), time.Second, time.Second},
		{"first failure", 0, errors.New("ping database: connection refused"), 10 * time.Second, 12 * time.Second},
		{"second failure", 1, errors.New("x"), 20 * time.Second, 24 * time.Second},
		{"third failure", 2, errors.New("x"), 40 * time.Second, 48 * time.Second},
		{"capped", 9, errors.New("x"), 2 * time.Minute, 144 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 50 {
				if d := retryDelay(tt.n, tt.err, nil); d < tt.min || d > tt.max {
					t.Fatalf("retryDelay(%d, %v) = %v, want within [%v, %v]", tt.n, tt.err, d, tt.min, tt.max)
				}
			}
		})
	}
	// The retries of a document check (three) must outlast a 30 s outage.
	var total time.Duration
	for n := range 3 {
		total += retryDelay(n, errors.New("x"), nil)
	}
	if total < time.Minute {
		t.Errorf("three retries span %v, want at least a minute", total)
	}
}
