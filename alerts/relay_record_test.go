package alerts

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRecordBackOffSchedule(t *testing.T) {
	b := recordBackOff()
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}
	for i, w := range want {
		if got := b.NextBackOff(); got != w {
			t.Errorf("wait %d = %v, want %v", i+1, got, w)
		}
	}
}

func TestRecordTriesAgainWhileTheLeaseHolds(t *testing.T) {
	down := errors.New("database away")
	tests := []struct {
		name      string
		leaseLeft time.Duration // beyond recordGrace
		failures  int           // before the write succeeds
		wantCalls int
		wantErr   bool
	}{
		{"first write succeeds", time.Minute, 0, 1, false},
		{"second write succeeds after a wait", time.Minute, 1, 2, false},
		// The first wait (1 s) fits, the second (2 s) would end in the grace
		// period.
		{"gives up before the grace period", 2500 * time.Millisecond, 10, 2, true},
		{"lease already in its grace period", -time.Second, 10, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(Deps{})
			calls := 0
			err := s.record(context.Background(), 1, time.Now().Add(recordGrace+tt.leaseLeft), func(context.Context) error {
				calls++
				if calls <= tt.failures {
					return down
				}
				return nil
			})
			if calls != tt.wantCalls || (err != nil) != tt.wantErr {
				t.Fatalf("record: %d writes, err %v; want %d writes, error %v", calls, err, tt.wantCalls, tt.wantErr)
			}
			if tt.wantErr && !errors.Is(err, down) {
				t.Errorf("err = %v, want the write's error", err)
			}
		})
	}
}
