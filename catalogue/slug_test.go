package catalogue

import "testing"

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zoom", "zoom"},
		{"Meta (Facebook)", "meta-facebook"},
		{"Amazon.com", "amazon-com"},
		{"  GitHub  Copilot  ", "github-copilot"},
		{"X", "x"},
		{"AT&T", "at-t"},
		{"Café Société", "cafe-societe"},
		{"ﬁle №5", "file-no5"},
		{"--already-a-slug--", "already-a-slug"},
		{"123 Greetings", "123-greetings"},
		{"日本", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
