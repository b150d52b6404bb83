package analysis

import "testing"

// TestHeadingAtAnotherLevel: a title that lost its heading markers, or a
// line made a heading, says what it said; a table of contents naming it
// beside it changes nothing either. A sentence with other words than the
// heading is still read.
func TestHeadingAtAnotherLevel(t *testing.T) {
	const fee = "\n\nFees are due each month.\n"
	const feeNow = "\n\nFees are due each week.\n"
	tests := []struct {
		name, old, new, category string
		changed                  bool
	}{
		{
			name:     "a setext underline dropped from a numbered title",
			old:      "# Policy\n\n8\\. Data of minors\n-----------------\n\nOur members must be adults." + fee,
			new:      "# Policy\n\n8. Data of minors\n\nOur members must be adults." + feeNow,
			category: "children_data",
		},
		{
			name:     "a numbered line made a heading",
			old:      "# Policy\n\n8. Data of minors\n\nOur members must be adults." + fee,
			new:      "# Policy\n\n## 8. Data of minors\n\nOur members must be adults." + feeNow,
			category: "children_data",
		},
		{
			name:     "a bold title made a heading beside a table of contents",
			old:      "# Policy\n\n* Data of minors\n* Contact\n\n**8\\. Data of minors**\n\nOur members must be adults." + fee,
			new:      "# Policy\n\n* Data of minors\n* Contact\n\n### **8\\. Data of minors**\n\nOur members must be adults." + feeNow,
			category: "children_data",
		},
		{
			name:     "a statement with the heading's words and more",
			old:      "# Policy\n\n8\\. Data of minors\n-----------------\n\nOur members must be adults." + fee,
			new:      "# Policy\n\n8. We collect data of minors\n\nOur members must be adults." + feeNow,
			category: "children_data",
			changed:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkChanged(t, tt.old, tt.new, tt.category, tt.changed)
		})
	}
}
