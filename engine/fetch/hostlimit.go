package fetch

import (
	"context"
	"sync"
)

// hostLimiter lets at most perHost requests at a time reach a host (one by
// default), so that a round over many documents of one platform never
// hammers it. Slots are
// dropped when unused, so the map stays as small as the set of hosts in
// flight.
type hostLimiter struct {
	mu      sync.Mutex
	perHost int
	hosts   map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{}
	users int // holders and waiters
}

func newHostLimiter(perHost int) *hostLimiter {
	return &hostLimiter{perHost: perHost, hosts: make(map[string]*hostSlot)}
}

// acquire waits for host's slot; the returned func releases it.
func (l *hostLimiter) acquire(ctx context.Context, host string) (func(), error) {
	l.mu.Lock()
	s, ok := l.hosts[host]
	if !ok {
		s = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()

	select {
	case s.sem <- struct{}{}:
		return func() {
			<-s.sem
			l.leave(host, s)
		}, nil
	case <-ctx.Done():
		l.leave(host, s)
		return nil, ctx.Err()
	}
}

func (l *hostLimiter) leave(host string, s *hostSlot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s.users--
	if s.users == 0 {
		delete(l.hosts, host)
	}
}
