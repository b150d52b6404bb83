package app

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// apiCall sends a JSON request and decodes the JSON answer.
func (ta *testApp) apiCall(method, path, token, body string) (*response, map[string]any) {
	ta.t.Helper()
	req, err := http.NewRequest(method, ta.URL+path, strings.NewReader(body))
	if err != nil {
		ta.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res := ta.browser().do(req)
	var out map[string]any
	if err := json.Unmarshal([]byte(res.Body), &out); err != nil {
		ta.t.Fatalf("%s %s: not JSON (%v): %s", method, path, err, res.Body)
	}
	return res, out
}

func errorCode(out map[string]any) string {
	e, _ := out["error"].(map[string]any)
	s, _ := e["code"].(string)
	return s
}

func TestAPISignupAndMe(t *testing.T) {
	ta := newTestApp(t)
	res, out := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"`+goodPassword+`","organization":"Acme"}`)
	wantStatus(t, res, http.StatusCreated)
	token, _ := out["token"].(string)
	if !strings.HasPrefix(token, "cw_") {
		t.Fatalf("token = %q", token)
	}
	if u := out["user"].(map[string]any); u["email"] != "ada@example.com" || u["password_hash"] != nil {
		t.Fatalf("user = %v", u)
	}
	if o := out["organization"].(map[string]any); o["slug"] != "acme" || o["plan"] != "free" {
		t.Fatalf("organization = %v", o)
	}

	res, me := ta.apiCall("GET", "/api/v1/me", token, "")
	wantStatus(t, res, http.StatusOK)
	org := me["organization"].(map[string]any)
	limits := me["limits"].(map[string]any)
	usage := me["usage"].(map[string]any)
	if org["name"] != "Acme" || org["plan"] != "free" || org["role"] != "owner" {
		t.Errorf("organization = %v", org)
	}
	if limits["members"] != 1.0 || limits["platforms"] != 1.0 || limits["compliance_analysis"] != false {
		t.Errorf("limits = %v", limits)
	}
	if usage["members"] != 1.0 || usage["platforms"] != 0.0 || usage["custom_urls"] != 0.0 {
		t.Errorf("usage = %v", usage)
	}

	// Further tokens wait for the address to be confirmed; then a token
	// from credentials works the same.
	res, out = ta.apiCall("POST", "/api/v1/tokens", "", `{"email":"ada@example.com","password":"`+goodPassword+`"}`)
	wantStatus(t, res, http.StatusForbidden)
	if code := errorCode(out); code != "email_unverified" {
		t.Fatalf("error code %q, want email_unverified", code)
	}
	ta.verified("ada@example.com")
	res, out = ta.apiCall("POST", "/api/v1/tokens", "", `{"email":"ada@example.com","password":"`+goodPassword+`"}`)
	wantStatus(t, res, http.StatusCreated)
	res, _ = ta.apiCall("GET", "/api/v1/me", out["token"].(string), "")
	wantStatus(t, res, http.StatusOK)
}

func TestAPIRefusesBadRequests(t *testing.T) {
	ta := newTestApp(t)
	res, out := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"bob@example.com","password":"`+goodPassword+`","organization":"Bob"}`)
	wantStatus(t, res, http.StatusCreated)
	bobToken := out["token"].(string)

	big := `{"email":"ada@example.com","password":"` + strings.Repeat("a", 1<<20) + `","organization":"Acme"}`
	tests := []struct {
		name, method, path, token, body string
		status                          int
		code                            string
	}{
		{"invalid e-mail", "POST", "/api/v1/signup", "", `{"email":"not-an-address","password":"` + goodPassword + `","organization":"Acme"}`, 422, "invalid"},
		{"short password", "POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"short","organization":"Acme"}`, 422, "invalid"},
		{"common password", "POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"iloveyou123","organization":"Acme"}`, 422, "invalid"},
		{"duplicate e-mail", "POST", "/api/v1/signup", "", `{"email":"BOB@example.com","password":"` + goodPassword + `","organization":"Acme"}`, 409, "conflict"},
		{"malformed JSON", "POST", "/api/v1/signup", "", `{"email":"ada@example.com",`, 400, "bad_request"},
		{"unknown field", "POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"` + goodPassword + `","organization":"Acme","plan":"compliance"}`, 400, "bad_request"},
		{"trailing data", "POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"` + goodPassword + `","organization":"Acme"} {}`, 400, "bad_request"},
		{"empty body", "POST", "/api/v1/signup", "", ``, 400, "bad_request"},
		{"oversize body", "POST", "/api/v1/signup", "", big, 413, "too_large"},
		{"wrong credentials", "POST", "/api/v1/tokens", "", `{"email":"bob@example.com","password":"wrong password!"}`, 401, "unauthorized"},
		{"no token", "GET", "/api/v1/me", "", ``, 401, "unauthorized"},
		{"bad token", "GET", "/api/v1/me", "cw_notatoken", ``, 401, "unauthorized"},
		{"token without prefix", "GET", "/api/v1/me", strings.TrimPrefix(bobToken, "cw_"), ``, 401, "unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out := ta.apiCall(tt.method, tt.path, tt.token, tt.body)
			wantStatus(t, res, tt.status)
			if code := errorCode(out); code != tt.code {
				t.Errorf("error code %q, want %q (%v)", code, tt.code, out)
			}
			if msg := out["error"].(map[string]any)["message"]; msg == "" {
				t.Error("no message")
			}
			if _, err := ta.store.UserByEmail(t.Context(), "ada@example.com"); err == nil {
				t.Fatal("user written on failure")
			}
		})
	}
	if _, out := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"BOB@example.com","password":"`+goodPassword+`","organization":"Acme"}`); !strings.Contains(out["error"].(map[string]any)["message"].(string), "already registered") {
		t.Errorf("conflict message = %v", out)
	}
	if res, _ := ta.apiCall("GET", "/api/v1/me", "cw_x", ""); !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Error("401 without WWW-Authenticate")
	}
}

func TestAPITokenRevoked(t *testing.T) {
	ta := newTestApp(t)
	b := ta.browser()
	wantRedirect(t, b.signup("ada@example.com", goodPassword, "Acme"), "/app")
	ta.verified("ada@example.com")
	res := b.post("/app/tokens", map[string][]string{"name": {"export script"}})
	wantStatus(t, res, http.StatusCreated)
	i := strings.Index(res.Body, `value="cw_`)
	if i < 0 {
		t.Fatal("new token not shown")
	}
	token := res.Body[i+len(`value="`):]
	token = token[:strings.Index(token, `"`)]
	if r, _ := ta.apiCall("GET", "/api/v1/me", token, ""); r.StatusCode != 200 {
		t.Fatalf("fresh token: %d", r.StatusCode)
	}
	list := b.get("/app/tokens")
	if strings.Contains(list.Body, token) {
		t.Fatal("token shown again on the list")
	}
	toks, err := ta.store.APITokens(t.Context(), 1, 1)
	if err != nil || len(toks) != 1 {
		t.Fatalf("tokens = %v, %v", toks, err)
	}
	wantRedirect(t, b.post("/app/tokens/"+itoa(toks[0].ID)+"/revoke", nil), "/app/tokens")
	if r, _ := ta.apiCall("GET", "/api/v1/me", token, ""); r.StatusCode != 401 {
		t.Fatalf("revoked token: %d", r.StatusCode)
	}
}
