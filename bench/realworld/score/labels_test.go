package main

import "testing"

func TestLabelInLanguages(t *testing.T) {
	tests := []struct {
		lang, filter string
		want         bool
	}{
		{"", "", true},
		{"fr", "", true},
		{"fr", "fr,de", true},
		{"de", "fr,de", true},
		{"", "fr,de", false},
		{"", "en", true},
		{"fr", "en", false},
	}
	for _, tt := range tests {
		if got := (Label{Lang: tt.lang}).inLanguages(tt.filter); got != tt.want {
			t.Errorf("lang %q in %q = %v, want %v", tt.lang, tt.filter, got, tt.want)
		}
	}
}
