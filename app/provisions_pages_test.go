package app

import (
	"context"
	"encoding/csv"
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
)

func TestPlatformProvisionPage(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	anonymous := ta.browser()

	res := anonymous.get("/platforms/acme/provisions/ai_training")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{
		"<title>Acme — AI training · Clausewatch</title>",
		`<link rel="canonical" href="` + ta.server.cfg.BaseURL + `/platforms/acme/provisions/ai_training">`,
		// The stance in plain words, with the control the text names.
		`<meta name="description" content="Acme may use your data to train AI models, and says you can opt out.`,
		`<mark class="stance stance-medium">permits with opt-out</mark>`, "Controls the text names:",
		"<blockquote>We may use your content to train our artificial intelligence models.",
		// The excerpt links to the exact version it quotes.
		`href="/documents/` + itoa(f.acmeTerms.ID) + `/versions/` + itoa(f.acmeV2.ID) + `"`,
		"Acme has changed this document 1 time",
		// The provision's own timeline: chart and table.
		`role="img"`, `<title id="provision-timeline-title">Acme — AI training: changes over time</title>`,
		`href="/changes/` + itoa(f.acmeChange.ID) + `"`, "<td>added</td>",
		"How other platforms handle this", `<a href="/platforms/globex/provisions/ai_training">Globex</a>`, "Globex uses customer content",
		"Regulatory landscape", "GDPR", "Jurisdiction flags", "<mark>EU</mark>",
		"Governance exposure", "Contract and vendor implications", "data processing agreement",
		"Compliance considerations", "lawful basis",
		"not legal advice", `href="/methodology"`,
		"provision-level monitoring, governance timelines, regulatory mapping, and audit-ready analysis", `href="/pricing"`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("provision page lacks %q", want)
		}
	}
	for _, hostile := range []string{"<script>alert('pwned')", "<img src=x onerror"} {
		if strings.Contains(res.Body, hostile) {
			t.Errorf("provision page carries %q as markup", hostile)
		}
	}

	// A provision the platform does not state is a page too, saying so.
	res = anonymous.get("/platforms/globex/provisions/arbitration")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, `<p class="lead" id="stance">Globex does not require arbitration of disputes.</p>`) {
		t.Error("no not-stated statement")
	}

	for _, path := range []string{"/platforms/acme/provisions/no_such", "/platforms/nobody/provisions/ai_training", "/provisions/no_such"} {
		wantStatus(t, anonymous.get(path), http.StatusNotFound)
	}
}

func TestProvisionPageNotesAFailedCheck(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	_, err := ta.store.RecordHealth(context.Background(), f.acmeTerms.ID, store.Health{State: docstate.TooLarge, Error: "body over 5 MiB", Failed: true})
	if err != nil {
		t.Fatal(err)
	}
	res := ta.browser().get("/platforms/acme/provisions/ai_training")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{"Interpretive note", "The latest check of the Terms of Service failed", "size limit", "The Privacy Policy has not been read yet"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestCatalogueProvisionPage(t *testing.T) {
	ta := newTestApp(t)
	seedEngine(t, ta)
	quiet := &store.Platform{Slug: "quiet", Name: "Quiet", Category: "Cloud storage"}
	if err := ta.store.UpsertPlatform(context.Background(), quiet); err != nil {
		t.Fatal(err)
	}
	doc := seedDocument(t, ta.store, &store.Document{PlatformID: &quiet.ID, DocType: "Terms of Service", Name: "Terms"})
	recordVersion(t, ta.store, doc.ID, "# Terms\n\nThese terms are governed by the laws of Ireland.\n", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	anonymous := ta.browser()

	res := anonymous.get("/provisions/ai_training")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{
		"AI training across the catalogue",
		`<link rel="canonical" href="` + ta.server.cfg.BaseURL + `/provisions/ai_training">`,
		`<title id="stance-spread-title">The catalogue&#39;s stance on AI training</title>`,
		`href="/platforms/acme/provisions/ai_training"`, `href="/platforms/quiet/provisions/ai_training"`,
		"CSV export of this table is part of the Compliance plan", `href="/methodology"`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("catalogue page lacks %q", want)
		}
	}
	order := func(body string, names ...string) []int {
		var at []int
		for _, n := range names {
			at = append(at, strings.Index(body, `<a href="/platforms/`+n+`/provisions/ai_training">`))
		}
		return at
	}
	// Name order by default; stated stances first when sorted by stance.
	if at := order(res.Body, "acme", "globex", "quiet"); !(at[0] < at[1] && at[1] < at[2]) {
		t.Errorf("default order %v", at)
	}
	sorted := anonymous.get("/provisions/ai_training?sort=severity").Body
	if at := order(sorted, "acme", "globex", "quiet"); !(at[0] < at[2] && at[1] < at[2]) {
		t.Errorf("severity order %v: not stated must come last", at)
	}
	byChange := anonymous.get("/provisions/ai_training?sort=last_change").Body
	if at := order(byChange, "acme", "globex"); !(at[0] < at[1]) {
		t.Errorf("last change order %v: Acme changed it, Globex never did", at)
	}
	filtered := anonymous.get("/provisions/ai_training?category=Cloud+storage").Body
	if at := order(filtered, "acme", "globex", "quiet"); at[0] >= 0 || at[1] < 0 || at[2] < 0 {
		t.Errorf("filtered to cloud storage: %v", at)
	}
}

func TestProvisionCSVNeedsTheCompliancePlan(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	anonymous := ta.browser()
	wantStatus(t, anonymous.get("/provisions/ai_training/stances.csv"), http.StatusPaymentRequired)
	owner := ta.browser()
	wantRedirect(t, owner.login("owner@example.com", goodPassword), "/app")
	res := owner.get("/provisions/ai_training/stances.csv")
	wantStatus(t, res, http.StatusPaymentRequired)
	if !strings.Contains(res.Body, "upgrade to the Compliance plan") || !strings.Contains(res.Body, `href="/pricing" role="button"`) {
		t.Errorf("402 page does not name the upgrade: %s", res.Body)
	}

	if err := ta.store.SetOrganizationPlan(context.Background(), f.ownerOrg.ID, billing.PlanCompliance); err != nil {
		t.Fatal(err)
	}
	if page := owner.get("/provisions/ai_training").Body; !strings.Contains(page, `href="/provisions/ai_training/stances.csv?`) {
		t.Error("no CSV link on the Compliance plan")
	}
	res = owner.get("/provisions/ai_training/stances.csv?sort=platform")
	wantStatus(t, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("content type %q", ct)
	}
	rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "platform" || rows[1][0] != "Acme" || rows[1][3] != "permits with opt-out" || rows[1][4] != "high" ||
		rows[1][8] != ta.server.cfg.BaseURL+"/platforms/acme/provisions/ai_training" {
		t.Errorf("csv = %q", rows)
	}
}

func TestSitemapListsPlatformAndProvisionPages(t *testing.T) {
	ta := newTestApp(t)
	seedEngine(t, ta)
	res := ta.browser().get("/sitemap.xml")
	wantStatus(t, res, http.StatusOK)
	var set struct {
		URLs []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal([]byte(res.Body), &set); err != nil {
		t.Fatalf("sitemap is not XML: %v", err)
	}
	base := ta.server.cfg.BaseURL
	for _, want := range []string{base + "/platforms/acme", base + "/platforms/globex/provisions/arbitration",
		base + "/platforms/acme/provisions/ai_training", base + "/provisions/data_sale", base + "/methodology"} {
		if !slices.Contains(set.URLs, want) {
			t.Errorf("sitemap lacks %s", want)
		}
	}
}

func TestMethodologyPage(t *testing.T) {
	ta := newTestApp(t)
	res := ta.browser().get("/methodology")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{"How documents are fetched", "How noise is filtered", "How provisions are detected",
		"How severity and exposure are rated", "not a legal determination", `href="/provisions/ai_training"`,
		`<link rel="canonical" href="` + ta.server.cfg.BaseURL + `/methodology">`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("methodology lacks %q", want)
		}
	}
}

func TestDashboardAndPlatformPagesDrawTheirCharts(t *testing.T) {
	ta := newTestApp(t)
	f, token := seedEngine(t, ta)
	ta.verified("owner@example.com")
	res, _ := ta.apiCall("POST", "/api/v1/watchlist", token, `{"platform":"acme"}`)
	wantStatus(t, res, http.StatusCreated)
	// A change this week, so that the weekly chart has a column to draw.
	recordVersion(t, ta.store, f.acmeTerms.ID, acmeTermsV2+"\nWe may share your personal data with advertising partners.\n", time.Now())

	b := ta.browser()
	wantRedirect(t, b.login("owner@example.com", goodPassword), "/app")
	res = b.get("/app")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{
		`<title id="weekly-changes-title">Changes per week across your watched platforms</title>`,
		`<title id="stance-matrix-title">Stance of your watched platforms on key provisions</title>`,
		// The text alternatives: the weekly figures and the stances.
		"The figures as a table", "The stances as a table",
		`<a href="/platforms/acme/provisions/ai_training">permits with opt-out</a>`,
		`<a href="/platforms/acme/provisions/data_sale">shares for ads</a>`, // the latest Terms share with advertisers
		`<a href="/platforms/acme/provisions/arbitration">none</a>`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	if !strings.Contains(res.Body, "<td>1</td></tr></tbody>") {
		t.Error("this week's change is not counted in the weekly table")
	}

	res = b.get("/platforms/acme")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{`<title id="governance-timeline-title">Governance timeline of Acme</title>`,
		`<a href="/changes/` + itoa(f.acmeChange.ID) + `">`, `href="/platforms/acme/provisions/data_sale"`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("platform page lacks %q", want)
		}
	}
}
