package app

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/clausewatch/clausewatch/store"
)

// Hostile policy texts: the first change adds only a section whose heading
// is markup (so the one-line summary quotes it), the second adds a
// provision whose evidence carries markup.
const (
	hostileTermsV1   = "# Terms\n\n## Accounts\n\nKeep your password safe.\n"
	hostileTermsV2   = hostileTermsV1 + "\n## <script>alert('heading')</script><img src=x onerror=alert(1)>\n\nRead [this](javascript:alert(2)) <img src=x onerror=alert(3)>.\n"
	hostilePrivacyV1 = "# Privacy\n\n## Data\n\nWe keep your data safe.\n"
	hostilePrivacyV2 = "# Privacy\n\n## Data <script>alert(4)</script>\n\nWe sell your personal data to advertisers <script>alert(5)</script> [opt out](javascript:alert(6)) <img src=x onerror=alert(7)>.\n"
)

// TestFetchedTextRendersInert puts hostile fetched text in a platform's
// versions and walks every page and feed that shows it, as a Compliance
// organization that watches the platform: no markup of the policy reaches
// a page or a feed reader as markup.
func TestFetchedTextRendersInert(t *testing.T) {
	ta := newWatchlistTestApp(t)
	ctx := context.Background()
	fx, _ := seedEngine(t, ta)
	st := ta.store

	evil := &store.Platform{Slug: "evil", Name: "Evil", Category: "Social"}
	if err := st.UpsertPlatform(ctx, evil); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	terms := seedDocument(t, st, &store.Document{PlatformID: &evil.ID, DocType: "Terms of Service", Name: "Terms of Service"})
	privacy := seedDocument(t, st, &store.Document{PlatformID: &evil.ID, DocType: "Privacy Policy", Name: "Privacy Policy"})
	termsV1, _ := recordVersion(t, st, terms.ID, hostileTermsV1, start)
	termsV2, termsChange := recordVersion(t, st, terms.ID, hostileTermsV2, start.Add(time.Hour))
	recordVersion(t, st, privacy.ID, hostilePrivacyV1, start)
	privacyV2, privacyChange := recordVersion(t, st, privacy.ID, hostilePrivacyV2, start.Add(2*time.Hour))
	if !strings.Contains(termsChange.Summary, "<script>") {
		t.Fatalf("the summary %q does not carry the hostile heading; the feed check would prove nothing", termsChange.Summary)
	}

	if err := st.SetOrganizationPlan(ctx, fx.ownerOrg.ID, "compliance"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPlatformWatch(ctx, fx.ownerOrg.ID, evil.ID, nil, 25); err != nil {
		t.Fatal(err)
	}
	if err := st.SetFeedToken(ctx, fx.ownerOrg.ID, "cwf_render"); err != nil {
		t.Fatal(err)
	}
	b := ta.browser()
	wantRedirect(t, b.login("owner@example.com", goodPassword), "/app")

	pages := []string{
		"/platforms/evil",
		"/platforms",
		"/changes/" + itoa(termsChange.ID),
		"/changes/" + itoa(termsChange.ID) + "?view=inline",
		"/changes/" + itoa(privacyChange.ID),
		"/documents/" + itoa(terms.ID),
		"/documents/" + itoa(terms.ID) + "/versions/" + itoa(termsV2.ID),
		"/documents/" + itoa(privacy.ID) + "/versions/" + itoa(privacyV2.ID),
		"/documents/" + itoa(terms.ID) + "/compare?from=" + itoa(termsV1.ID) + "&to=" + itoa(termsV2.ID),
		"/documents/" + itoa(privacy.ID) + "/compare",
		"/app",
		"/app/watchlist",
	}
	for _, path := range pages {
		t.Run(path, func(t *testing.T) {
			res := b.get(path)
			wantStatus(t, res, http.StatusOK)
			for _, bad := range activeMarkup(res.Body) {
				t.Errorf("%s renders %s", path, bad)
			}
		})
	}
	// The hostile text is shown, as text, where the page shows the policy.
	for path, want := range map[string]string{
		"/platforms/evil":                  "alert(5)",
		"/changes/" + itoa(termsChange.ID): "&lt;script&gt;alert(&#39;heading&#39;)&lt;/script&gt;",
		"/documents/" + itoa(terms.ID) + "/versions/" + itoa(termsV2.ID): "onerror=alert(3)",
		"/app": "alert(&#39;heading&#39;)",
	} {
		if body := b.get(path).Body; !strings.Contains(body, want) {
			t.Errorf("%s does not show %q as text", path, want)
		}
	}

	for _, path := range []string{"/feeds/platforms/evil.atom", "/feeds/org/cwf_render.atom"} {
		t.Run(path, func(t *testing.T) {
			res := b.get(path)
			wantStatus(t, res, http.StatusOK)
			if low := strings.ToLower(res.Body); strings.Contains(low, "<script") || strings.Contains(low, "<img") {
				t.Errorf("%s carries raw markup", path)
			}
			// A reader renders type="html" constructs as HTML after
			// decoding the XML: what it renders must be inert too.
			for _, el := range htmlConstructs(t, res.Body) {
				low := strings.ToLower(el)
				for _, bad := range []string{"<script", "<img", "javascript:"} {
					if strings.Contains(low, bad) {
						t.Errorf("%s has an html construct a reader renders as markup: %q", path, el)
					}
				}
			}
			if !strings.Contains(res.Body, "alert(") {
				t.Errorf("%s lost the change summary", path)
			}
		})
	}
}

// activeMarkup tokenizes a page as a browser would and lists what could
// run: script elements, event-handler attributes, javascript: URLs and
// images (the pages show none).
func activeMarkup(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "script" || tok.Data == "img" || tok.Data == "iframe" || tok.Data == "object" {
			out = append(out, "a <"+tok.Data+"> element")
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") {
				out = append(out, fmt.Sprintf("<%s %s=%q>", tok.Data, a.Key, a.Val))
			}
		}
	}
}

// htmlConstructs returns the decoded text of every Atom element whose type
// is html: what a feed reader would render as HTML.
func htmlConstructs(t *testing.T, feed string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(feed))
	var out []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("feed is not XML: %v", err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range start.Attr {
			if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
				var text string
				if err := dec.DecodeElement(&text, &start); err != nil {
					t.Fatal(err)
				}
				out = append(out, text)
			}
		}
	}
}
