package analysis

import "testing"

// TestRateOptOutNarrowed checks that an opt-out statement cut short, one of
// its ways or places gone while the practice stays, is an opt-out removed
// (high), and that a cut that drops a period is not.
func TestRateOptOutNarrowed(t *testing.T) {
	const ads = "We show you personalised ads based on your activity in the app."
	tests := []struct {
		name     string
		old, new string
		want     Severity
	}{
		{
			name: "a way to opt out dropped, with the version it named",
			old:  doc(ads, "You can opt out of personalised ads through the Ad Choices page or through the settings of your phone, using Android 12 or a later version of Android."),
			new:  doc(ads, "You can opt out of personalised ads through the Ad Choices page."),
			want: SeverityHigh,
		},
		{
			name: "a region dropped from those that may opt out",
			old:  doc(ads, "Users in Ohio, Utah and Texas can opt out of personalised ads in their settings."),
			new:  doc(ads, "Users in Ohio and Utah can opt out of personalised ads in their settings."),
			want: SeverityHigh,
		},
		{
			name: "a period dropped is no name cut",
			old:  doc(ads, "You can opt out of personalised ads within 30 days through the Ad Choices page or by writing to Privacy Desk."),
			new:  doc(ads, "You can opt out of personalised ads through the Ad Choices page."),
			want: SeverityMedium,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, tt.old, tt.new, "opt_out", tt.want)
		})
	}
}

// TestNamesDroppedHeading checks that a statement that lost only the
// heading an earlier rendering ran into it names all it named: its words
// are in the heading of the section it is now in.
func TestNamesDroppedHeading(t *testing.T) {
	stmt := func(section, text string) finding {
		return finding{section: section, text: text, words: tokenize(text).words}
	}
	tests := []struct {
		name     string
		old, new finding
		want     bool
	}{
		{
			name: "heading set apart",
			old:  stmt("Cookies", "Ohio, Utah and Texas Users If you live in Ohio or Utah, you can opt out of the sharing of your data here."),
			new:  stmt("Ohio, Utah and Texas Users", "If you live in Ohio or Utah, you can opt out of the sharing of your data here."),
			want: false,
		},
		{
			name: "a state dropped",
			old:  stmt("Cookies", "If you live in Ohio, Utah or Texas, you can opt out of the sharing of your data here."),
			new:  stmt("Cookies", "If you live in Ohio or Utah, you can opt out of the sharing of your data here."),
			want: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := namesDropped([]finding{tt.new}, []finding{tt.old}); got != tt.want {
				t.Errorf("namesDropped = %v, want %v", got, tt.want)
			}
		})
	}
}
