package app

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/watchlist"
)

// apiAddWatchRequest is {platform} or {url,name,select?,remove?}.
type apiAddWatchRequest struct {
	Platform string   `json:"platform" validate:"excluded_with=URL" msg:"Send either platform or url, not both."`
	URL      string   `json:"url"`
	Name     string   `json:"name"`
	Select   []string `json:"select"`
	Remove   []string `json:"remove"`
}

// apiAddWatch adds a platform or a custom URL: 201 with the watch, 402 over
// the plan's limit, 409 when already watched, 422 for a bad field.
func (s *Server) apiAddWatch(c echo.Context) error {
	var req apiAddWatchRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	a := authFrom(c)
	ctx := c.Request().Context()
	switch {
	case req.URL != "":
		added, err := s.watchlist().AddCustomURL(ctx, a.Organization.ID, a.User.ID,
			watchlist.CustomURL{URL: req.URL, Name: req.Name, Select: req.Select, Remove: req.Remove})
		if err != nil {
			return err
		}
		out, err := s.apiWatchByID(ctx, a.Organization.ID, added.Watch.ID)
		if err != nil {
			return err
		}
		if added.Checked {
			out.Check = &apiFirstCheck{State: added.Outcome.State, Error: added.Outcome.Error, Preview: added.Preview}
		}
		return c.JSON(http.StatusCreated, out)
	default:
		w, err := s.watchlist().AddPlatform(ctx, a.Organization.ID, a.User.ID, req.Platform)
		if err != nil {
			return err
		}
		out, err := s.apiWatchByID(ctx, a.Organization.ID, w.ID)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, out)
	}
}

// apiWatchByID is one watch of the organization as the API shows it.
func (s *Server) apiWatchByID(ctx context.Context, orgID, watchID int64) (apiWatch, error) {
	it, err := s.watchlist().Item(ctx, orgID, watchID)
	if err != nil {
		return apiWatch{}, err
	}
	return s.apiWatchItem(*it)
}
