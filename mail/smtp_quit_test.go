package mail

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
)

// fakeSMTP accepts one message, then hangs up instead of answering QUIT.
// It reports on closed once the client has closed its side too.
func fakeSMTP(t *testing.T, acceptData bool) (addr string, closed <-chan struct{}) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	done := make(chan struct{})
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer close(done)
		r := bufio.NewReader(conn)
		w := func(s string) { io.WriteString(conn, s+"\r\n") }
		w("220 fake ESMTP")
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			cmd := strings.ToUpper(strings.TrimSpace(line))
			switch {
			case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
				w("250 fake")
			case strings.HasPrefix(cmd, "MAIL"), strings.HasPrefix(cmd, "RCPT"), strings.HasPrefix(cmd, "RSET"), strings.HasPrefix(cmd, "NOOP"):
				w("250 ok")
			case cmd == "DATA":
				w("354 go ahead")
				for {
					l, err := r.ReadString('\n')
					if err != nil {
						return
					}
					if l == ".\r\n" {
						break
					}
				}
				if !acceptData {
					w("554 rejected")
					continue
				}
				w("250 queued")
			case cmd == "QUIT":
				// Hang up without the 221: the client's goodbye fails.
				tcp := conn.(*net.TCPConn)
				tcp.CloseWrite()
				io.Copy(io.Discard, r) // returns when the client closes
				return
			}
		}
	}()
	return ln.Addr().String(), done
}

func TestSendSucceedsWhenOnlyTheGoodbyeFails(t *testing.T) {
	addr, closed := fakeSMTP(t, true)
	s, err := NewSMTPSender("smtp://"+addr, "Clausewatch <alerts@localhost>")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), Message{To: "a@example.com", Subject: "Hi", Text: "Hello"}); err != nil {
		t.Fatalf("accepted message reported as failed (it would be sent again): %v", err)
	}
	<-closed // the client closed its socket although QUIT failed
}

func TestSendReportsARejectedMessage(t *testing.T) {
	addr, _ := fakeSMTP(t, false)
	s, err := NewSMTPSender("smtp://"+addr, "Clausewatch <alerts@localhost>")
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), Message{To: "a@example.com", Subject: "Hi", Text: "Hello"})
	if err == nil || !strings.Contains(err.Error(), "a@example.com") {
		t.Fatalf("rejected message: %v", err)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("rejection surfaced as a timeout: %v", err)
	}
}
