package app

import (
	"net/http"
	"strings"
	"testing"
)

func TestPlatformPagesArePublic(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	b := ta.browser()

	tests := []struct {
		name, path string
		want       []string
		notWant    []string
	}{
		{"list", "/platforms", []string{"Acme", "Globex", "Productivity", "2 Mar 2026"}, nil},
		{"search by name", "/platforms?q=glob", []string{"Globex"}, []string{">Acme<"}},
		{"search by category, any case", "/platforms?q=PRODUCTIV", []string{"Acme"}, []string{"Globex"}},
		{"search wildcard is literal", "/platforms?q=%25", []string{"No platform matches"}, []string{"Acme"}},
		{"platform", "/platforms/acme", []string{"Terms of Service", "Privacy Policy", "pending", f.acmeV2.SHA256[:12],
			"/changes/" + itoa(f.acmeChange.ID), f.acmeChange.Summary, "severity-high"}, []string{"Supplier terms"}},
		{"document history", "/documents/" + itoa(f.acmeTerms.ID), []string{f.acmeV1.SHA256[:16], f.acmeV2.SHA256[:16], "Compare"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := b.get(tt.path)
			wantStatus(t, res, http.StatusOK)
			for _, w := range tt.want {
				if !strings.Contains(res.Body, w) {
					t.Errorf("%s does not contain %q", tt.path, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(res.Body, w) {
					t.Errorf("%s contains %q", tt.path, w)
				}
			}
		})
	}
	for _, path := range []string{"/platforms/nope", "/changes/999999", "/changes/abc", "/documents/999999",
		"/documents/" + itoa(f.acmeTerms.ID) + "/versions/999999"} {
		wantStatus(t, b.get(path), http.StatusNotFound)
	}
}

func TestDiffAndVersionPagesRenderPolicyTextInert(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	b := ta.browser()
	pages := []string{
		"/changes/" + itoa(f.acmeChange.ID),
		"/changes/" + itoa(f.acmeChange.ID) + "?view=inline",
		"/documents/" + itoa(f.acmeTerms.ID) + "/versions/" + itoa(f.acmeV2.ID),
		"/documents/" + itoa(f.acmeTerms.ID) + "/compare?from=" + itoa(f.acmeV1.ID) + "&to=" + itoa(f.acmeV2.ID),
		"/documents/" + itoa(f.acmeTerms.ID) + "/compare",
	}
	for _, path := range pages {
		t.Run(path, func(t *testing.T) {
			res := b.get(path)
			wantStatus(t, res, http.StatusOK)
			low := strings.ToLower(res.Body)
			for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`, "onerror=alert(2)>"} {
				if strings.Contains(low, bad) {
					t.Errorf("%s renders %q as markup", path, bad)
				}
			}
			if !strings.Contains(res.Body, "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;") {
				t.Errorf("%s does not show the script text escaped", path)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("CSP = %q", csp)
			}
		})
	}
	change := b.get("/changes/" + itoa(f.acmeChange.ID)).Body
	for _, w := range []string{"<ins>", "diff-columns", "Before", "After", "Inline view", "Artificial intelligence"} {
		if !strings.Contains(change, w) {
			t.Errorf("change page lacks %q", w)
		}
	}
	inline := b.get("/changes/" + itoa(f.acmeChange.ID) + "?view=inline").Body
	if strings.Contains(inline, "diff-columns") || !strings.Contains(inline, "<del>") || !strings.Contains(inline, "<ins>") {
		t.Error("inline view is not one column with <ins> and <del>")
	}
	// A version of another document is not found through this one.
	wantStatus(t, b.get("/documents/"+itoa(f.customDoc.ID)+"/versions/"+itoa(f.acmeV2.ID)), http.StatusNotFound)
	wantStatus(t, b.get("/documents/"+itoa(f.acmeTerms.ID)+"/compare?from=abc"), http.StatusBadRequest)
}
