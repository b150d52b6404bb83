package app

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/store"
)

// apiPlatform is a catalogue entry in the API.
type apiPlatform struct {
	Slug         string     `json:"slug"`
	Name         string     `json:"name"`
	Category     string     `json:"category"`
	Jurisdiction string     `json:"jurisdiction"`
	Locale       string     `json:"locale"`
	Documents    *int       `json:"documents,omitempty"`
	LastChangeAt *time.Time `json:"last_change_at,omitempty"`
	URL          string     `json:"url"`
}

func newAPIPlatform(c echo.Context, p store.Platform) apiPlatform {
	return apiPlatform{Slug: p.Slug, Name: p.Name, Category: p.Category, Jurisdiction: p.Jurisdiction,
		Locale: p.Locale, URL: c.Echo().Reverse("platform", p.Slug)}
}

// apiVersionHead identifies a version and its place in the hash chain.
type apiVersionHead struct {
	ID        int64     `json:"id"`
	SHA256    string    `json:"sha256"`
	CreatedAt time.Time `json:"created_at"`
}

// apiDocument is a document with its health and latest version.
type apiDocument struct {
	ID                  int64           `json:"id"`
	Type                string          `json:"type"`
	Name                string          `json:"name"`
	State               docstate.State  `json:"state"`
	ConsecutiveFailures int             `json:"consecutive_failures"`
	LastError           string          `json:"last_error"`
	LastCheckedAt       *time.Time      `json:"last_checked_at"`
	LastSuccessAt       *time.Time      `json:"last_success_at"`
	NextCheckAt         time.Time       `json:"next_check_at"`
	LatestVersion       *apiVersionHead `json:"latest_version"`
}

func (e *catalogueHandlers) apiPlatforms(c echo.Context) error {
	ps, err := e.store.PlatformSummaries(c.Request().Context(), searchQuery(c))
	if err != nil {
		return err
	}
	out := make([]apiPlatform, len(ps))
	for i, p := range ps {
		out[i] = newAPIPlatform(c, p.Platform)
		out[i].Documents = &p.Documents
		out[i].LastChangeAt = p.LastChangeAt
	}
	return c.JSON(http.StatusOK, map[string]any{"platforms": out})
}

func (e *catalogueHandlers) apiPlatform(c echo.Context) error {
	ctx := c.Request().Context()
	p, err := e.store.PlatformBySlug(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	rows, err := e.platformDocuments(ctx, p.ID)
	if err != nil {
		return err
	}
	docs := make([]apiDocument, len(rows))
	for i, d := range rows {
		docs[i] = apiDocument{ID: d.ID, Type: d.DocType, Name: d.Name, State: d.State,
			ConsecutiveFailures: d.ConsecutiveFailures, LastError: d.LastError,
			LastCheckedAt: d.LastCheckedAt, LastSuccessAt: d.LastSuccessAt, NextCheckAt: d.NextCheckAt}
		if d.Latest != nil {
			docs[i].LatestVersion = &apiVersionHead{ID: d.Latest.ID, SHA256: d.Latest.SHA256, CreatedAt: d.Latest.CreatedAt}
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"platform": newAPIPlatform(c, *p), "documents": docs})
}

// apiChangeDocument names the document of a change.
type apiChangeDocument struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
	Name string `json:"name"`
}

// apiChange is a change in lists and, with its detail, on its own.
type apiChange struct {
	ID            int64             `json:"id"`
	Document      apiChangeDocument `json:"document"`
	Platform      *apiPlatform      `json:"platform,omitempty"`
	CreatedAt     time.Time         `json:"created_at"`
	Summary       string            `json:"summary"`
	Severity      string            `json:"severity"`
	Materiality   string            `json:"materiality"`
	Stats         diff.Stats        `json:"stats"`
	FromVersionID int64             `json:"from_version_id"`
	ToVersionID   int64             `json:"to_version_id"`
	URL           string            `json:"url"`
}

func newAPIChange(c echo.Context, ch store.Change) apiChange {
	out := apiChange{
		ID: ch.ID, CreatedAt: ch.CreatedAt, Summary: ch.Summary, Severity: ch.Severity, Materiality: ch.Materiality,
		Stats:         diff.Stats{AddedWords: ch.AddedWords, RemovedWords: ch.RemovedWords, SectionsChanged: ch.SectionsChanged},
		FromVersionID: ch.FromVersionID, ToVersionID: ch.ToVersionID,
		URL: c.Echo().Reverse("change", ch.ID),
	}
	if d := ch.Document; d != nil {
		out.Document = apiChangeDocument{ID: d.ID, Type: d.DocType, Name: d.Name}
		if d.Platform != nil {
			p := newAPIPlatform(c, *d.Platform)
			out.Platform = &p
		}
	}
	return out
}

// apiPlatformChanges lists a platform's changes, newest first; ?limit=
// takes up to timelineLimit (default 50).
func (e *catalogueHandlers) apiPlatformChanges(c echo.Context) error {
	limit := 50
	if s := c.QueryParam("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > timelineLimit {
			return echo.NewHTTPError(http.StatusBadRequest, "?limit= must be a number from 1 to "+strconv.Itoa(timelineLimit)+".")
		}
		limit = n
	}
	ctx := c.Request().Context()
	p, err := e.store.PlatformBySlug(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	cs, err := e.store.PlatformChanges(ctx, p.ID, limit)
	if err != nil {
		return err
	}
	out := make([]apiChange, len(cs))
	for i, ch := range cs {
		out[i] = newAPIChange(c, ch)
	}
	return c.JSON(http.StatusOK, map[string]any{"changes": out})
}
