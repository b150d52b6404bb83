package app

import (
	"testing"

	"github.com/clausewatch/clausewatch/config"
)

func TestFlashCookiesAreSigned(t *testing.T) {
	for _, base := range []string{"http://127.0.0.1:8080", "https://clausewatch.example"} {
		cfg, err := config.FromMap(map[string]string{"CLAUSEWATCH_BASE_URL": base, "CLAUSEWATCH_DATA_DIR": t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		key, err := newFlashKey("a session secret of at least thirty-two characters")
		if err != nil {
			t.Fatal(err)
		}
		s := &Server{cfg: cfg, flashKey: key}
		signed := s.signFlash(flashCookie, "Saved.")
		tests := []struct {
			name, cookie, value, want string
		}{
			{"own message", flashCookie, signed, "Saved."},
			{"unsigned", flashCookie, "Your+account+is+suspended", ""},
			{"moved to the error cookie", flashErrorCookie, signed, ""},
			{"tampered", flashCookie, "WW91IGFyZSBoYWNrZWQ" + signed[len("U2F2ZWQu"):], ""},
			{"empty", flashCookie, "", ""},
		}
		for _, tt := range tests {
			if got := s.verifyFlash(tt.cookie, tt.value); got != tt.want {
				t.Errorf("%s: %s = %q, want %q", base, tt.name, got, tt.want)
			}
		}
		wantName := "flash"
		if cfg.Secure() {
			wantName = "__Host-flash"
		}
		if got := s.flashCookieName(flashCookie); got != wantName {
			t.Errorf("%s: cookie name %q, want %q", base, got, wantName)
		}
	}
}
