package analysis

import (
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// editorialPhrases say what each kind of editorial edit did.
var editorialPhrases = map[string]string{
	diff.ReasonSpelling:    "spelling corrected",
	diff.ReasonPunctuation: "case, punctuation or formatting changed",
	diff.ReasonDuplicate:   "a duplicated passage removed or added",
	diff.ReasonContact:     "contact details updated",
	diff.ReasonRename:      "a name changed throughout",
}

// editorialSummary is the one-line summary of an editorial change, from
// the kinds of edit the diff found.
func editorialSummary(reasons []string) string {
	items := make([]string, 0, len(reasons))
	for _, r := range reasons {
		if p, ok := editorialPhrases[r]; ok {
			items = append(items, p)
		}
	}
	if len(items) == 0 {
		items = append(items, editorialPhrases[diff.ReasonPunctuation])
	}
	return "Editorial: " + strings.Join(items, "; ") + "."
}
