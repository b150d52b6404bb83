package app

import (
	"html"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/feeds"
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// feedEntries is how many changes a feed carries.
const feedEntries = 50

// showPlatformFeed is /feeds/platforms/{slug}.atom: the public changes of a
// catalogue platform.
func (s *Server) showPlatformFeed(c echo.Context) error {
	slug, ok := strings.CutSuffix(c.Param("file"), ".atom")
	if !ok || slug == "" {
		return echo.NewHTTPError(http.StatusNotFound, "Not found.")
	}
	ctx := c.Request().Context()
	p, err := s.store.PlatformBySlug(ctx, slug)
	if err != nil {
		return err
	}
	cs, err := s.store.PlatformChanges(ctx, p.ID, feedEntries)
	if err != nil {
		return err
	}
	for i := range cs {
		if cs[i].Document != nil {
			cs[i].Document.Platform = p
		}
	}
	link, err := s.absoluteURL("platform", p.Slug)
	if err != nil {
		return err
	}
	id, err := s.absoluteURL("feed.platform", p.Slug+".atom")
	if err != nil {
		return err
	}
	return s.writeFeed(c, &feeds.Feed{
		Title:       p.Name + " — terms and policy changes",
		Link:        &feeds.Link{Href: link},
		Id:          id,
		Description: "Changes to " + p.Name + "'s terms of service and policies, explained by Clausewatch.",
	}, cs)
}

// showOrganizationFeed is /feeds/org/{token}.atom: changes to what the
// organization watches. The token is the only credential, so an unknown or
// revoked one is a plain 404.
func (s *Server) showOrganizationFeed(c echo.Context) error {
	token, ok := strings.CutSuffix(c.Param("file"), ".atom")
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "Not found.")
	}
	ctx := c.Request().Context()
	org, err := s.watchlist().FeedOrganization(ctx, token)
	if err != nil {
		return err
	}
	cs, err := s.watchlist().Changes(ctx, org.ID, time.Time{}, feedEntries)
	if err != nil {
		return err
	}
	link, err := s.absoluteURL("watchlist")
	if err != nil {
		return err
	}
	// The id stays the same when the feed's address (its token) changes,
	// so readers keep what they have read.
	id, err := s.absoluteURL("feed.org", org.ID)
	if err != nil {
		return err
	}
	return s.writeFeed(c, &feeds.Feed{
		Title:       org.Name + " — watched changes",
		Link:        &feeds.Link{Href: link},
		Id:          id,
		Description: "Changes to the platforms and documents " + org.Name + " watches on Clausewatch.",
	}, cs)
}

// writeFeed adds the changes (newest first) to the feed and answers with
// Atom, or 304 when the reader's copy is as new as the newest change.
func (s *Server) writeFeed(c echo.Context, feed *feeds.Feed, cs []store.Change) error {
	var modified time.Time
	if len(cs) > 0 {
		// HTTP dates have whole seconds.
		modified = cs[0].CreatedAt.UTC().Truncate(time.Second)
		feed.Updated = modified
		h := c.Response().Header()
		h.Set(echo.HeaderLastModified, modified.Format(http.TimeFormat))
		if since, err := http.ParseTime(c.Request().Header.Get(echo.HeaderIfModifiedSince)); err == nil && !modified.After(since) {
			return c.NoContent(http.StatusNotModified)
		}
	}
	for _, ch := range cs {
		link, err := s.absoluteURL("change", ch.ID)
		if err != nil {
			return err
		}
		summary := ch.Summary
		if summary == "" {
			summary = "The text changed."
		}
		feed.Items = append(feed.Items, &feeds.Item{
			Title: changeTitle(ch),
			Link:  &feeds.Link{Href: link},
			Id:    link,
			// Atom readers render the summary as HTML (type="html"),
			// and a summary may quote a fetched section heading.
			Description: html.EscapeString(summary),
			Created:     ch.CreatedAt,
			Updated:     ch.CreatedAt,
		})
	}
	atom, err := feed.ToAtom()
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "application/atom+xml; charset=utf-8", []byte(atom))
}

// changeTitle names a change: "Acme — Terms of Service changed".
func changeTitle(ch store.Change) string {
	d := ch.Document
	if d == nil {
		return "Document changed"
	}
	name := d.Name
	if name == "" {
		name = d.DocType
	}
	if d.Platform != nil {
		return d.Platform.Name + " — " + name + " changed"
	}
	return name + " changed"
}
