package app

import (
	"net/http/httptest"
	"testing"

	"github.com/clausewatch/clausewatch/config"
)

func TestClientIPExtractor(t *testing.T) {
	tests := []struct {
		name    string
		trusted string
		peer    string
		xff     string
		want    string
	}{
		{"no proxies: header ignored", "", "203.0.113.5:4000", "198.51.100.1", "203.0.113.5"},
		{"no proxies: loopback peer still ignored", "", "127.0.0.1:4000", "198.51.100.1", "127.0.0.1"},
		{"trusted proxy: client from header", "10.0.0.0/8", "10.1.2.3:4000", "198.51.100.1", "198.51.100.1"},
		{"trusted proxy: spoofed first hop skipped", "10.0.0.0/8", "10.1.2.3:4000", "6.6.6.6, 198.51.100.1", "198.51.100.1"},
		{"trusted chain of proxies", "10.0.0.0/8", "10.1.2.3:4000", "198.51.100.1, 10.9.9.9", "198.51.100.1"},
		{"untrusted peer: header ignored", "10.0.0.0/8", "203.0.113.5:4000", "198.51.100.1", "203.0.113.5"},
		{"private peer not trusted unless listed", "10.0.0.0/8", "192.168.1.1:4000", "198.51.100.1", "192.168.1.1"},
		{"unparsable hop: peer", "10.0.0.0/8", "10.1.2.3:4000", "bogus", "10.1.2.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := config.FromMap(map[string]string{"CLAUSEWATCH_TRUSTED_PROXIES": tt.trusted})
			if err != nil {
				t.Fatal(err)
			}
			extract, err := clientIPExtractor(cfg)
			if err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = tt.peer
			req.Header.Set("X-Forwarded-For", tt.xff)
			if got := extract(req); got != tt.want {
				t.Fatalf("client = %q, want %q", got, tt.want)
			}
		})
	}
}
