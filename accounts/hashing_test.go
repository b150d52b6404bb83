package accounts

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestHashGateBoundsConcurrency(t *testing.T) {
	g := newHashGate(3, time.Hour)
	var wg sync.WaitGroup
	release := make(chan struct{})
	entered := make(chan struct{}, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := g.do(context.Background(), func() { entered <- struct{}{}; <-release }); err != nil {
				t.Error(err)
			}
		}()
	}
	for range 3 {
		<-entered
	}
	if st := g.stats(); st.InFlight != 3 || st.Peak != 3 {
		t.Fatalf("stats with the gate full = %+v", st)
	}
	close(release)
	wg.Wait()
	if st := g.stats(); st.Peak != 3 || st.InFlight != 0 || st.Capacity != 3 {
		t.Fatalf("stats after the burst = %+v", st)
	}
}

func TestHashGateRefusesWhenFull(t *testing.T) {
	g := newHashGate(1, time.Millisecond)
	release := make(chan struct{})
	held := make(chan struct{})
	go func() { _ = g.do(context.Background(), func() { close(held); <-release }) }()
	<-held
	defer close(release)
	err := g.do(context.Background(), func() { t.Error("ran while the only slot was held") })
	var busy *BusyError
	if !errors.As(err, &busy) || busy.RetryAfter() <= 0 {
		t.Fatalf("err = %v, want *BusyError with a wait", err)
	}
}

func TestClientID(t *testing.T) {
	tests := []struct{ ip, want string }{
		{"203.0.113.7", "203.0.113.7"},
		{"2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"},
		{"not an ip", "not an ip"},
	}
	for _, tt := range tests {
		if got := ClientID(tt.ip); got != tt.want {
			t.Errorf("ClientID(%q) = %q, want %q", tt.ip, got, tt.want)
		}
	}
}
