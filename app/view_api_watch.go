package app

import (
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

// apiWatch is one watch as the API shows it.
type apiWatch struct {
	ID           int64              `json:"id"`
	Kind         string             `json:"kind"` // "platform" or "custom"
	Platform     *apiWatchPlatform  `json:"platform,omitempty"`
	Name         string             `json:"name"`
	URL          string             `json:"url,omitempty"`
	Paused       bool               `json:"paused"`
	PausedReason string             `json:"paused_reason,omitempty"`
	CreatedAt    time.Time          `json:"created_at"`
	Documents    []apiWatchDocument `json:"documents"`
	Check        *apiFirstCheck     `json:"check,omitempty"`
}

type apiWatchPlatform struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type apiWatchDocument struct {
	ID            int64          `json:"id"`
	Type          string         `json:"type"`
	Name          string         `json:"name"`
	State         docstate.State `json:"state"`
	LastError     string         `json:"last_error,omitempty"`
	LastCheckedAt *time.Time     `json:"last_checked_at"`
	LastChange    *apiChangeItem `json:"last_change"`
}

// apiFirstCheck is the outcome of the check a new custom URL gets at once.
type apiFirstCheck struct {
	State   docstate.State `json:"state"`
	Error   string         `json:"error,omitempty"`
	Preview string         `json:"preview,omitempty"`
}

// apiChangeItem is a change in lists: enough to decide whether to open it.
type apiChangeItem struct {
	ID         int64     `json:"id"`
	DocumentID int64     `json:"document_id"`
	Platform   string    `json:"platform,omitempty"`
	Document   string    `json:"document,omitempty"`
	Summary    string    `json:"summary"`
	Severity   string    `json:"severity,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	URL        string    `json:"url"`
}

func (s *Server) apiWatchItem(it watchlist.Item) (apiWatch, error) {
	w := apiWatch{ID: it.ID, Kind: "platform", Name: it.Label(), Paused: it.Paused(), PausedReason: it.PausedReason,
		CreatedAt: it.CreatedAt, Documents: make([]apiWatchDocument, len(it.Documents))}
	if it.Platform != nil {
		w.Platform = &apiWatchPlatform{Slug: it.Platform.Slug, Name: it.Platform.Name}
	}
	if it.Custom() {
		w.Kind = "custom"
		if it.Document != nil {
			w.URL = customURL(it.Document)
		}
	}
	for i, d := range it.Documents {
		w.Documents[i] = apiWatchDocument{ID: d.Document.ID, Type: d.Document.DocType, Name: d.Document.Name,
			State: d.Document.State, LastError: d.Document.LastError, LastCheckedAt: d.Document.LastCheckedAt}
		if d.LastChange != nil {
			c, err := s.apiChangeOf(*d.LastChange)
			if err != nil {
				return apiWatch{}, err
			}
			w.Documents[i].LastChange = &c
		}
	}
	return w, nil
}

func (s *Server) apiChangeOf(c store.Change) (apiChangeItem, error) {
	link, err := s.absoluteURL("change", c.ID)
	if err != nil {
		return apiChangeItem{}, err
	}
	out := apiChangeItem{ID: c.ID, DocumentID: c.DocumentID, Summary: c.Summary, Severity: c.Severity,
		CreatedAt: c.CreatedAt, URL: link}
	if d := c.Document; d != nil {
		out.Document = d.Name
		if d.Platform != nil {
			out.Platform = d.Platform.Slug
		}
	}
	return out, nil
}

// customURL is the address of a custom document, from its sources.
func customURL(d *store.Document) string {
	sources, err := recorder.DecodeSources(d.Sources)
	if err != nil {
		return ""
	}
	return sources[0].URL
}
