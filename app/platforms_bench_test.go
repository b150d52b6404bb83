package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
)

// benchSentences are the kinds of sentence a long policy is made of.
var benchSentences = []string{
	"We collect the information you provide when you create an account, such as your name and e-mail address.",
	"We share personal information with service providers who process it on our behalf.",
	"We may use your content to train and improve our artificial intelligence models.",
	"You agree that any dispute will be resolved by binding arbitration on an individual basis.",
	"We retain your personal data for as long as your account is active.",
	"These terms are governed by the laws of the State of California.",
	"You can opt out of personalized advertising in your account settings.",
	"We may disclose information to law enforcement when required by law.",
	"Our services are not directed to children under 13.",
	"We use cookies and similar technologies to remember your preferences and measure traffic.",
}

// benchPolicy is a Markdown policy of about size bytes; variant changes a
// few sentences so that two variants differ for real.
func benchPolicy(size, variant int) string {
	var b strings.Builder
	b.WriteString("# Terms of Service\n\n")
	for i := 0; b.Len() < size; i++ {
		if i%10 == 0 {
			fmt.Fprintf(&b, "\n## Section %d\n\n", i/10+1)
		}
		b.WriteString(benchSentences[i%len(benchSentences)])
		if variant > 0 && i%97 == 0 {
			fmt.Fprintf(&b, " This clause was revised in edition %d to include contact scanning of your address book.", variant)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// benchServer is the app on a catalogue of n platforms with two ~80 KB
// documents each, one of which changed once.
func benchServer(b *testing.B, n int) (*Server, []int64) {
	b.Helper()
	st := storetest.SQLite(b)
	tmpl, err := templates.New()
	if err != nil {
		b.Fatal(err)
	}
	cfg, err := config.FromMap(map[string]string{"CLAUSEWATCH_DATA_DIR": b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := New(testDeps(cfg, st, tmpl, &mail.Recorder{}, time.Now, log))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var changes []int64
	for i := range n {
		p := &store.Platform{Slug: fmt.Sprintf("p%03d", i), Name: fmt.Sprintf("Platform %03d", i), Category: "Bench"}
		if err := st.UpsertPlatform(ctx, p); err != nil {
			b.Fatal(err)
		}
		for j, typ := range []string{"Terms of Service", "Privacy Policy"} {
			d := seedDocument(b, st, &store.Document{PlatformID: &p.ID, DocType: typ, Name: typ})
			recordVersion(b, st, d.ID, benchPolicy(80_000, 0), at)
			if j == 0 {
				_, c := recordVersion(b, st, d.ID, benchPolicy(80_000, i+1), at.Add(time.Hour))
				changes = append(changes, c.ID)
			}
		}
	}
	return srv, changes
}

func benchGet(b *testing.B, h http.Handler, path string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s: %d", path, rec.Code)
	}
}

func BenchmarkEnginePages(b *testing.B) {
	srv, changes := benchServer(b, 40)
	h := srv.Handler()
	b.Run("platforms list", func(b *testing.B) {
		for b.Loop() {
			benchGet(b, h, "/platforms?q=platform")
		}
	})
	b.Run("platform page", func(b *testing.B) {
		for b.Loop() {
			benchGet(b, h, "/platforms/p007")
		}
	})
	b.Run("change page 80KB", func(b *testing.B) {
		for b.Loop() {
			benchGet(b, h, fmt.Sprintf("/changes/%d", changes[7]))
		}
	})
	b.Run("api change", func(b *testing.B) {
		for b.Loop() {
			benchGet(b, h, fmt.Sprintf("/api/v1/changes/%d", changes[7]))
		}
	})
}
