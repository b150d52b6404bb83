package main

import (
	"math"
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		markdown string
		want     []string
	}{
		{"# Terms\n\nRead the [Privacy Policy](https://example.com/privacy?utm_source=x).", []string{"Terms", "Read", "the", "Privacy", "Policy"}},
		{"![logo](/logo.png) | Category | Examples |", []string{"logo", "Category", "Examples"}},
		{"Write to <mailto:legal@example.com> or [us](https://example.com/a_(b)).", []string{"Write", "to", "or", "us"}},
		{"Données personnelles, 30 jours.", []string{"Données", "personnelles", "30", "jours"}},
		{"| Cookies | Session<br>Analytics<br />ads |", []string{"Cookies", "Session", "Analytics", "ads"}},
		{"Settings &gt; Privacy", []string{"Settings", "gt", "Privacy"}},
		{"PRE\u0301AMBULE a\u0300 lire", []string{"PRÉAMBULE", "à", "lire"}},
	}
	for _, tt := range tests {
		if got := words(tt.markdown); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.markdown, got, tt.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b []string
		want float64
	}{
		{nil, nil, 1},
		{[]string{"a", "b", "c", "d"}, []string{"a", "b", "c", "d"}, 1},
		{[]string{"a", "b", "c", "d"}, []string{"a", "x", "c", "d"}, 0.75},
		{[]string{"a", "b", "c", "d"}, []string{"a", "b", "c"}, 0.75},
		{[]string{"CategoryExamples"}, []string{"Category", "Examples"}, 0},
		{[]string{"a"}, nil, 0},
	}
	for _, tt := range tests {
		if got := similarity(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSignificantIgnoresNoiseOnly(t *testing.T) {
	base := significant("Last updated: March 3, 2024\n\nSee [our policy](https://example.com/p?sig=1&utm_source=x).")
	tests := []struct {
		markdown string
		same     bool
	}{
		{"Last updated: June 9, 2025\n\nSee [our policy](http://example.com/p/).", true},
		{"Last updated: March 3, 2024\n\nSee [our new policy](https://example.com/p).", false},
		{"Last updated: March 3, 2024\n\nSee [our policy](https://example.com/faq).", false},
	}
	for _, tt := range tests {
		if got := significant(tt.markdown) == base; got != tt.same {
			t.Errorf("significant(%q) == base: %v, want %v", tt.markdown, got, tt.same)
		}
	}
}
