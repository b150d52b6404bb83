package app

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/workers"
)

// twoGB is the size of the endless bodies the hostile site offers.
const twoGB = 2 << 30

// hostileSite serves what a broken or malicious policy site might: errors,
// silence, a trickle, bodies of 2 GB and a gzip bomb. Endless bodies stop
// when the client goes away.
func hostileSite(t *testing.T) *httptest.Server {
	t.Helper()
	zeros := make([]byte, 64<<10)
	stream := func(w io.Writer, r *http.Request, n int64) {
		for written := int64(0); written < n && r.Context().Err() == nil; written += int64(len(zeros)) {
			if _, err := w.Write(zeros); err != nil {
				return
			}
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/500":
			http.Error(w, "<main>internal error</main>", http.StatusInternalServerError)
		case "/silent": // never answers
			<-r.Context().Done()
		case "/trickle": // one byte a second
			w.Header().Set("Content-Type", "text/html")
			for r.Context().Err() == nil {
				if _, err := w.Write([]byte("<")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-time.After(time.Second):
				case <-r.Context().Done():
				}
			}
		case "/2gb-declared":
			w.Header().Set("Content-Length", strconv.Itoa(twoGB))
			stream(w, r, twoGB)
		case "/2gb-chunked":
			w.Header().Set("Content-Type", "text/html")
			stream(w, r, twoGB)
		case "/gzip-bomb": // 2 GB of zeros, compressed as they are sent
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
			stream(zw, r, twoGB)
			zw.Close()
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestHostileTargetsEndInAStateWithoutAVersion checks each hostile page
// through the worker's document:check handler and the real recorder and
// fetcher (short bounds, private addresses allowed to reach the test
// site): every check returns within the fetch bounds, memory stays far
// below the bodies offered, no version is recorded, and the platform page
// shows each document's state.
func TestHostileTargetsEndInAStateWithoutAVersion(t *testing.T) {
	site := hostileSite(t)
	ta := newTestApp(t)
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	f := fetch.New(fetch.Options{AllowPrivate: true, DialTimeout: time.Second, HeaderTimeout: time.Second, TotalTimeout: 3 * time.Second})
	tr := recorder.New(ta.store, engine.New(f), log, time.Hour, recorder.Hooks{})
	handler := &workers.CheckHandler{Recorder: tr, Log: log}

	targets := []struct {
		path  string
		state docstate.State
	}{
		{"/500", docstate.HTTPError},
		{"/silent", docstate.Unreachable},
		{"/trickle", docstate.Unreachable},
		{"/2gb-declared", docstate.TooLarge},
		{"/2gb-chunked", docstate.TooLarge},
		{"/gzip-bomb", docstate.TooLarge},
	}
	decl := catalogue.Platform{Name: "Hostile", Slug: "hostile"}
	for _, tt := range targets {
		decl.Documents = append(decl.Documents, catalogue.Document{Type: "Terms " + tt.path, Sources: []engine.Source{{
			URL: site.URL + tt.path, Rules: extract.Rules{Select: []extract.Selector{{CSS: "main"}}}}}})
	}
	if _, err := tr.Import(ctx, []catalogue.Platform{decl}); err != nil {
		t.Fatal(err)
	}
	ids, err := ta.store.DocumentIDs(ctx, 0)
	if err != nil || len(ids) != len(targets) {
		t.Fatalf("documents %v: %v", ids, err)
	}

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i, tt := range targets {
		t.Run(tt.path, func(t *testing.T) {
			// A generous deadline far above the fetch's 3 s bound: the
			// check must end by the fetcher's bounds, not by this one.
			checkCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			payload, _ := json.Marshal(workers.CheckDocumentPayload{DocumentID: ids[i]})
			if err := handler.ProcessTask(checkCtx, asynq.NewTask(workers.TypeCheckDocument, payload)); err != nil {
				t.Fatalf("ProcessTask: %v", err)
			}
			if checkCtx.Err() != nil {
				t.Fatal("the check ran into the outer deadline instead of the fetch bounds")
			}
			doc, err := ta.store.Document(ctx, ids[i])
			if err != nil {
				t.Fatal(err)
			}
			if doc.State != tt.state || doc.ConsecutiveFailures != 1 || doc.LastError == "" || !doc.NextCheckAt.After(time.Now()) {
				t.Errorf("document state %q, failures %d, error %q, next check %v; want %s, 1 failure and a backoff",
					doc.State, doc.ConsecutiveFailures, doc.LastError, doc.NextCheckAt, tt.state)
			}
			if vs, err := ta.store.Versions(ctx, ids[i]); err != nil || len(vs) != 0 {
				t.Errorf("versions %d (%v), want none", len(vs), err)
			}
		})
	}
	runtime.ReadMemStats(&after)
	// 4 GB of bodies were offered to the client; reading through the
	// 5 MB limit keeps allocation to a small multiple of that.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 512<<20 {
		t.Errorf("the checks allocated %d MB", alloc>>20)
	}

	page := ta.browser().get("/platforms/hostile")
	wantStatus(t, page, http.StatusOK)
	for _, tt := range targets {
		if !strings.Contains(page.Body, "Terms "+tt.path) {
			t.Errorf("platform page lacks the document for %s", tt.path)
		}
	}
	for _, state := range []docstate.State{docstate.HTTPError, docstate.Unreachable, docstate.TooLarge} {
		if !strings.Contains(page.Body, ">"+state.String()+"<") {
			t.Errorf("platform page does not show the state %s", state)
		}
	}
	if !strings.Contains(page.Body, "HTTP 500") {
		t.Error("platform page does not say why the 500 page failed")
	}
}
