package app

import (
	"net/http"
	"testing"
)

func TestAlertSettingsAPI(t *testing.T) {
	ta := newTestApp(t)
	free, _ := apiToken(t, ta, "free@example.com", "Free Co", "")
	paid, _ := apiToken(t, ta, "paid@example.com", "Paid Co", "monitor")

	res, out := ta.apiCall("GET", "/api/v1/alerts/settings", free, "")
	wantStatus(t, res, http.StatusOK)
	if out["same_day_available"] != false || out["digest_weekday"] == "" {
		t.Errorf("free settings = %v", out)
	}

	tests := []struct {
		name   string
		token  string
		body   string
		status int
		code   string
	}{
		{"same-day on Free", free, `{"same_day": true}`, http.StatusPaymentRequired, "feature_not_in_plan"},
		{"webhook on Free", free, `{"webhook_url": "https://hooks.example.com/x"}`, http.StatusPaymentRequired, "feature_not_in_plan"},
		{"bad weekday", paid, `{"digest_weekday": "someday"}`, http.StatusUnprocessableEntity, "invalid"},
		{"loopback webhook", paid, `{"webhook_url": "http://127.0.0.1:9/hook"}`, http.StatusUnprocessableEntity, "invalid"},
		{"unknown field", paid, `{"colour": "red"}`, http.StatusBadRequest, "bad_request"},
		{"malformed", paid, `{"same_day": `, http.StatusBadRequest, "bad_request"},
		{"no token", "", `{"same_day": true}`, http.StatusUnauthorized, "unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out := ta.apiCall("PUT", "/api/v1/alerts/settings", tt.token, tt.body)
			wantStatus(t, res, tt.status)
			e, _ := out["error"].(map[string]any)
			if e["code"] != tt.code {
				t.Errorf("error = %v, want code %s", out, tt.code)
			}
		})
	}

	if out["editorial"] != false {
		t.Errorf("editorial alerts must be off by default: %v", out)
	}
	res, out = ta.apiCall("PUT", "/api/v1/alerts/settings", paid, `{"same_day": false, "digest_weekday": "friday", "editorial": true}`)
	wantStatus(t, res, http.StatusOK)
	if out["same_day"] != false || out["digest_weekday"] != "friday" || out["editorial"] != true {
		t.Errorf("updated settings = %v", out)
	}
	_, out = ta.apiCall("GET", "/api/v1/alerts/settings", paid, "")
	if out["same_day"] != false || out["digest_weekday"] != "friday" || out["editorial"] != true {
		t.Errorf("settings not kept: %v", out)
	}
}
