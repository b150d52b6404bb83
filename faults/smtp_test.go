package faults_test

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// smtpServer is a minimal SMTP server that counts the messages it accepted
// (answered 250 after DATA) per recipient. holdNext makes it stall before
// that answer: a message whose sender dies meanwhile was never accepted,
// as with a real server.
type smtpServer struct {
	ln       net.Listener
	held     chan string
	mu       sync.Mutex
	accepted map[string]int
	hold     int
	release  chan struct{}
}

func newSMTPServer(t *testing.T) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln, held: make(chan string, 100), accepted: map[string]int{}, release: make(chan struct{})}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return s
}

func (s *smtpServer) url() string { return "smtp://" + s.ln.Addr().String() }

// holdNext stalls the next n messages before accepting them.
func (s *smtpServer) holdNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hold = n
}

// releaseHeld accepts the stalled messages whose sender is still there.
func (s *smtpServer) releaseHeld() { close(s.release) }

// count is how many messages were accepted for addr.
func (s *smtpServer) count(addr string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted[strings.ToLower(addr)]
}

// deliveredOnce checks that each address got exactly one message and
// returns how many were lost (none accepted) and duplicated (copies beyond
// the first).
func (s *smtpServer) deliveredOnce(t *testing.T, addrs ...string) (lost, dup int) {
	t.Helper()
	counts := map[string]int{}
	for _, a := range addrs {
		n := s.count(a)
		counts[a] = n
		switch {
		case n == 0:
			lost++
		case n > 1:
			dup += n - 1
		}
	}
	if lost != 0 || dup != 0 {
		t.Errorf("alerts lost %d, duplicated %d (accepted per address: %v)", lost, dup, counts)
	}
	return lost, dup
}

// total is how many messages were accepted in all.
func (s *smtpServer) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.accepted {
		n += c
	}
	return n
}

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	reply := func(lines ...string) { fmt.Fprint(c, strings.Join(lines, "\r\n")+"\r\n") }
	reply("220 faults ESMTP")
	var rcpts []string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"):
			reply("250-faults", "250 8BITMIME")
		case strings.HasPrefix(cmd, "MAIL FROM"):
			rcpts = nil
			reply("250 ok")
		case strings.HasPrefix(cmd, "RCPT TO"):
			addr := strings.TrimSpace(line[len("RCPT TO:"):])
			rcpts = append(rcpts, strings.ToLower(strings.Trim(addr, "<>")))
			reply("250 ok")
		case cmd == "DATA":
			reply("354 end with <CRLF>.<CRLF>")
			if !readData(r) || !s.waitIfHeld(c, r, rcpts) {
				return
			}
			s.mu.Lock()
			for _, a := range rcpts {
				s.accepted[a]++
			}
			s.mu.Unlock()
			reply("250 queued")
		case cmd == "QUIT":
			reply("221 bye")
			return
		default: // HELO, RSET, NOOP
			reply("250 ok")
		}
	}
}

// readData reads the message up to the lone dot.
func readData(r *bufio.Reader) bool {
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return false
		}
		if line == ".\r\n" || line == ".\n" {
			return true
		}
	}
}

// waitIfHeld stalls a held message until release, and reports false when
// the client went away meanwhile.
func (s *smtpServer) waitIfHeld(c net.Conn, r *bufio.Reader, rcpts []string) bool {
	s.mu.Lock()
	held := s.hold > 0
	if held {
		s.hold--
	}
	s.mu.Unlock()
	if !held {
		return true
	}
	s.held <- strings.Join(rcpts, ",")
	gone := make(chan struct{})
	go func() {
		// The client sends nothing while it waits for the answer: a read
		// returns only when it closes the connection (or the deadline
		// below ends the wait).
		if _, err := r.Peek(1); err != nil && !isTimeout(err) {
			close(gone)
		}
	}()
	select {
	case <-gone:
		return false
	case <-s.release:
		_ = c.SetReadDeadline(time.Now())
		time.Sleep(50 * time.Millisecond)
		_ = c.SetReadDeadline(time.Time{})
		select {
		case <-gone:
			return false
		default:
			return true
		}
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
