package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
)

// testSite is a policy page whose one clause a test can change; every
// response carries fresh noise (a request counter in the footer).
type testSite struct {
	*httptest.Server
	mu     sync.Mutex
	clause string
	n      atomic.Int64
}

func newTestSite() *testSite {
	s := &testSite{clause: "We do not sell your personal data."}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		clause := s.clause
		s.mu.Unlock()
		fmt.Fprintf(w, `<html><body><main><h1>Terms</h1><h2>Data</h2><p>%s</p></main><footer>request %d</footer></body></html>`, clause, s.n.Add(1))
	}))
	return s
}

func (s *testSite) setClause(c string) {
	s.mu.Lock()
	s.clause = c
	s.mu.Unlock()
}
