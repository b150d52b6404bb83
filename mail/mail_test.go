package mail_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"mime"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/config"
	cwmail "github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/mail/mailtest"
)

func message(to string) cwmail.Message {
	return cwmail.Message{To: to, Subject: "Confirm your address – Clausewatch", Text: "Hello,\n\nhttps://example.com/verify/abc\n",
		HTML: "<p>Hello, <a href=\"https://example.com/verify/abc\">confirm</a></p>", Headers: map[string]string{"X-Clausewatch-Kind": "verify"}}
}

func TestFileSenderWritesEML(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox")
	var logged strings.Builder
	s := cwmail.NewFileSender(dir, "Clausewatch <alerts@localhost>", slog.New(slog.NewTextHandler(&logged, nil)))
	if err := s.Send(context.Background(), message("ada@example.com")); err != nil {
		t.Fatal(err)
	}
	file, m := onlyEML(t, dir)
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if m.Header.Get("To") != "<ada@example.com>" || subject != "Confirm your address – Clausewatch" ||
		m.Header.Get("X-Clausewatch-Kind") != "verify" || m.Header.Get("Message-ID") == "" || m.Header.Get("Date") == "" {
		t.Fatalf("headers = %v (subject %q)", m.Header, subject)
	}
	if ct := m.Header.Get("Content-Type"); !strings.HasPrefix(ct, "multipart/alternative") {
		t.Fatalf("Content-Type = %s", ct)
	}
	body, _ := io.ReadAll(m.Body)
	if !strings.Contains(string(body), "verify/abc") {
		t.Fatal("body lost")
	}
	if !strings.Contains(logged.String(), "ada@example.com") || !strings.Contains(logged.String(), file) {
		t.Fatalf("log line = %s", logged.String())
	}
	if err := s.Send(context.Background(), cwmail.Message{To: "ada@example.com"}); err == nil {
		t.Fatal("a message without subject and text was accepted")
	}
}

func TestNewPicksSender(t *testing.T) {
	cfg, err := config.FromMap(map[string]string{"CLAUSEWATCH_DATA_DIR": t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s, err := cwmail.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if _, ok := s.(*cwmail.FileSender); err != nil || !ok {
		t.Fatalf("New without SMTP_URL = %T, %v", s, err)
	}
	cfg.SMTPURL = "smtps://user:secret@mail.example.com"
	s, err = cwmail.New(cfg, nil)
	if _, ok := s.(*cwmail.SMTPSender); err != nil || !ok {
		t.Fatalf("New with SMTP_URL = %T, %v", s, err)
	}
}

func TestNewSMTPSenderRejectsBadURLs(t *testing.T) {
	for _, u := range []string{"http://mail.example.com", "smtp://", "smtp://mail.example.com:0", "smtp://mail.example.com:99999", "smtp://mail.example.com:x"} {
		if _, err := cwmail.NewSMTPSender(u, "a@example.com"); err == nil {
			t.Errorf("NewSMTPSender(%q) accepted", u)
		}
	}
}

func TestSMTPSenderDeliversToMailpit(t *testing.T) {
	api, smtpURL := mailtest.Mailpit(t)
	s, err := cwmail.NewSMTPSender(smtpURL, "Clausewatch <alerts@localhost>")
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	to := "smtp-" + hex.EncodeToString(b) + "@example.com"
	if err := s.Send(context.Background(), message(to)); err != nil {
		t.Fatal(err)
	}
	got := mailtest.WaitFor(t, api, to)
	if got.Subject != "Confirm your address – Clausewatch" || !strings.Contains(got.Text, "verify/abc") || !strings.Contains(got.HTML, "confirm</a>") {
		t.Fatalf("mailpit has %+v", got)
	}
}

func TestMessageIDGivenIsKept(t *testing.T) {
	dir := t.TempDir()
	s := cwmail.NewFileSender(dir, "Clausewatch <alerts@localhost>", slog.New(slog.DiscardHandler))
	m := message("ada@example.com")
	m.ID = "alert-42@cw.example"
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	_, got := onlyEML(t, dir)
	if id := got.Header.Get("Message-ID"); id != "<alert-42@cw.example>" {
		t.Fatalf("Message-ID = %q", id)
	}
}

// onlyEML parses the one .eml file the file sender wrote into dir.
func onlyEML(t *testing.T, dir string) (string, *mail.Message) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) != 1 {
		t.Fatalf("files = %v", files)
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not RFC 5322: %v", err)
	}
	return files[0], m
}
