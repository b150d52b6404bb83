package mail

import (
	"context"
	"sync"
)

// Recorder keeps sent messages in memory, for tests.
type Recorder struct {
	mu   sync.Mutex
	msgs []Message
}

// Send records m.
func (r *Recorder) Send(_ context.Context, m Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
	return nil
}

// Messages returns a copy of what was sent, oldest first.
func (r *Recorder) Messages() []Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Message(nil), r.msgs...)
}

// Last returns the latest message to the address, and false when none.
func (r *Recorder) Last(to string) (Message, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.msgs) - 1; i >= 0; i-- {
		if r.msgs[i].To == to {
			return r.msgs[i], true
		}
	}
	return Message{}, false
}
