package extract

import "testing"

func TestStripTracking(t *testing.T) {
	tests := []struct {
		name, query, want string
	}{
		{"site-named visitor id and referral flag", "openaicom-did=3f0c5b8e-2d4a-4c1e-9b7f-0a1b2c3d4e5f&openaicom_referred=true", ""},
		{"signature and expiry", "sig=AbC123&expires=1767225600&signature=x&h=9f8e7d&req=fDkY&v=2", "v=2"},
		{"cloud storage signing", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc&response-content-type=pdf", "response-content-type=pdf"},
		{"click and campaign ids", "gclid=1&fbclid=2&msclkid=3&utm_campaign=x&ref_src=twsrc&page=2", "page=2"},
		{"random values under unknown keys", "k=8f14e45fceea167a5a36dedd4bea2543&c=dGhpcyBpcyBhIHRva2VuIQ9xZ2&lang=fr", "lang=fr"},
		{"uuid under an unknown key", "visit=123e4567-e89b-12d3-a456-426614174000&hl=de", "hl=de"},
		{"meaningful keys kept whatever their value", "id=123e4567-e89b-12d3-a456-426614174000&doc=8f14e45fceea167a5a36dedd4bea2543&locale=en-GB", "id=123e4567-e89b-12d3-a456-426614174000&doc=8f14e45fceea167a5a36dedd4bea2543&locale=en-GB"},
		{"slugs and words kept", "answer=0262_ProfilagePriseDecisionAutomatisee&topic=privacy-policy-2024-update", "answer=0262_ProfilagePriseDecisionAutomatisee&topic=privacy-policy-2024-update"},
		{"long numeric id kept", "item=12345678901234567890", "item=12345678901234567890"},
		{"order and spelling kept", "b=2&utm_source=x&a=%41", "b=2&a=%41"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripTracking(tt.query); got != tt.want {
				t.Errorf("stripTracking(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestLooksRandom(t *testing.T) {
	tests := []struct {
		value string
		want  bool
	}{
		{"123e4567-e89b-12d3-a456-426614174000", true},
		{"8F14E45FCEEA167A5A36DEDD4BEA2543", true},
		{"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0", true},
		{"Xk9_2mQpL7vRt3ZwA8bN", true},
		{"short", false},
		{"1767225600123", false},
		{"privacy-policy-and-terms", false},
		{"0262_ProfilagePriseDecisionAutomatisee", false},
		{"CommunityGuidelines2024", false},
		{"Terms of Service 2024!", false},
	}
	for _, tt := range tests {
		if got := looksRandom(tt.value); got != tt.want {
			t.Errorf("looksRandom(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}
