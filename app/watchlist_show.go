package app

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

// searchResults bounds the catalogue entries listed on the watchlist page.
const searchResults = 50

// watchlistPage is the data of /app/watchlist.
type watchlistPage struct {
	Items   []watchlist.Item
	Usage   store.WatchLimits
	Query   string
	Results []store.PlatformSummary
	More    bool
	Watched map[int64]bool // platform ids the organization watches
	// HasFeed is whether the organization has a private feed; FeedURL its
	// address, set only on the answer that made it (shown once).
	HasFeed bool
	FeedURL string
	// LimitMessage is the plan_limit sentence after an add went over the
	// limit; CustomLimit the same sentence for custom URLs on plans
	// without them. Both come with an upgrade button to UpgradeURL.
	LimitMessage string
	CustomLimit  string
	UpgradeURL   string
	Checked      *checkedDocument
}

// checkedDocument is the first check of a custom URL just added.
type checkedDocument struct {
	Name           string
	State          docstate.State
	Error, Preview string
}

func (s *Server) showWatchlist(c echo.Context) error {
	page := s.newPage(c, "Watchlist")
	return s.renderWatchlist(c, page, http.StatusOK)
}

// renderWatchlist loads the page's data and renders it with status; a
// failed form has put its input and errors on page already.
func (s *Server) renderWatchlist(c echo.Context, page *Page, status int) error {
	ctx := c.Request().Context()
	org := authFrom(c).Organization
	data, ok := page.Data.(*watchlistPage)
	if !ok {
		data = &watchlistPage{}
	}
	var err error
	if data.Items, err = s.watchlist().List(ctx, org.ID); err != nil {
		return err
	}
	if data.Usage, err = s.watchlist().Usage(ctx, org.ID); err != nil {
		return err
	}
	data.Watched = map[int64]bool{}
	for _, it := range data.Items {
		if it.PlatformID != nil {
			data.Watched[*it.PlatformID] = true
		}
	}
	data.Query = searchQuery(c)
	if data.Results, err = s.store.PlatformSummaries(ctx, data.Query); err != nil {
		return err
	}
	if len(data.Results) > searchResults {
		data.Results, data.More = data.Results[:searchResults], true
	}
	if data.HasFeed, err = s.watchlist().HasFeed(ctx, org.ID); err != nil {
		return err
	}
	upgrade := "pricing"
	if s.cfg.BillingEnabled() {
		upgrade = "billing"
	}
	if data.UpgradeURL, err = s.routePath(upgrade); err != nil {
		return err
	}
	if page.Plan.CustomURLs == 0 {
		data.CustomLimit = billing.LimitMessage(page.Plan, billing.LimitCustomURLs)
	}
	if id, err := strconv.ParseInt(c.QueryParam("checked"), 10, 64); err == nil {
		data.Checked = s.checkedDocument(ctx, org.ID, id)
	}
	page.Data = data
	return s.render(c, "watchlist", page, status)
}

// checkedDocument describes the custom document of one of the
// organization's watches after its first check; nil when there is none.
func (s *Server) checkedDocument(ctx context.Context, orgID, watchID int64) *checkedDocument {
	it, err := s.watchlist().Item(ctx, orgID, watchID)
	if err != nil || !it.Custom() || len(it.Documents) == 0 {
		return nil
	}
	d := it.Documents[0].Document
	out := &checkedDocument{Name: d.Name, State: d.State, Error: d.LastError}
	if d.LatestVersionID != nil {
		if v, err := s.store.LatestVersion(ctx, d.ID); err == nil {
			out.Preview = preview(v.Markdown)
		}
	}
	return out
}

func preview(md string) string {
	const n = 2000
	r := []rune(md)
	if len(r) <= n {
		return md
	}
	return string(r[:n]) + "…"
}

// watchlistError puts a refused add or resume on the watchlist page:
// inline field errors, the plan_limit sentence with an upgrade button, or
// the conflict. Other errors go to the error handler.
func (s *Server) watchlistError(c echo.Context, page *Page, err error) error {
	status, ok := showError(c, page, err)
	if !ok {
		return err
	}
	data := &watchlistPage{}
	if limit := new(billing.LimitError); errors.As(err, &limit) {
		// The limit has its own place on the page, next to the upgrade
		// button.
		data.LimitMessage, page.FlashError = page.FlashError, ""
	}
	page.Data = data
	return s.renderWatchlist(c, page, status)
}
