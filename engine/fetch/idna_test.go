package fetch

import (
	"errors"
	"testing"
)

// Unicode spellings of internal hosts are judged by their ASCII form.
func TestValidateURLNormalizesUnicodeHosts(t *testing.T) {
	tests := []struct {
		url    string
		denied bool
	}{
		{"http://①②⑦.0.0.1/", true},
		{"http://127。0。0。1/", true},
		{"http://１２７.０.０.１/", true},
		{"http://localhost。/", true},
		{"http://ＬＯＣＡＬＨＯＳＴ/", true},
		{"http://metadata.google。internal/", true},
		{"http://⑯⑨.②⑤④.⑯⑨.②⑤④/latest/meta-data/", true},
		{"http://[::1]/", true},
		{"https://93.184.215.14/", false},
		{"https://xn--bcher-kva.example/", false},
	}
	for _, tt := range tests {
		err := ValidateURL(tt.url, false)
		if got := errors.Is(err, ErrDeniedAddress); got != tt.denied {
			t.Errorf("ValidateURL(%q) = %v, want denied %v", tt.url, err, tt.denied)
		}
	}
}
