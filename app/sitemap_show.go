package app

import (
	"encoding/xml"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

// sitemapLimit is the most URLs one sitemap file may list.
const sitemapLimit = 50000

// urlset is a sitemap in the sitemaps.org schema.
type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

// showSitemap lists the public pages search engines should index: the
// catalogue, every platform, every provision of every platform, the
// catalogue's stance on each provision and the methodology.
func (e *catalogueHandlers) showSitemap(c echo.Context) error {
	platforms, err := e.store.Platforms(c.Request().Context())
	if err != nil {
		return err
	}
	cats := e.insight.Categories().List()
	var set urlset
	add := func(name string, params ...any) error {
		u, err := e.absoluteURL(name, params...)
		if err != nil {
			return err
		}
		if len(set.URLs) < sitemapLimit {
			set.URLs = append(set.URLs, sitemapURL{Loc: u})
		}
		return nil
	}
	for _, name := range []string{"home", "platforms", "methodology", "pricing"} {
		if err := add(name); err != nil {
			return err
		}
	}
	for _, cat := range cats {
		if err := add("provision", cat.ID); err != nil {
			return err
		}
	}
	for _, p := range platforms {
		if err := add("platform", p.Slug); err != nil {
			return err
		}
		for _, cat := range cats {
			if err := add("platform.provision", p.Slug, cat.ID); err != nil {
				return err
			}
		}
	}
	out, err := xml.Marshal(set)
	if err != nil {
		return fmt.Errorf("sitemap: %w", err)
	}
	return c.Blob(http.StatusOK, "application/xml; charset=utf-8", append([]byte(xml.Header), out...))
}
