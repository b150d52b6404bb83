package alerts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clausewatch/clausewatch/store"
)

// editorialPrefix opens the summary the analysis gives an editorial
// change ("Editorial: spelling corrected; contact details updated.").
const editorialPrefix = "Editorial: "

// addEditorial folds an editorial change into its document's one
// editorial line of the digest: a reader needs to know the text was
// corrected, not to read each correction. The line links to the latest.
func (p *DigestPlatform) addEditorial(c store.Change, document, url string) {
	i := slices.IndexFunc(p.Changes, func(l DigestChange) bool {
		return l.Editorial > 0 && l.documentID == c.DocumentID
	})
	if i < 0 {
		p.Changes = append(p.Changes, DigestChange{Document: document, documentID: c.DocumentID})
		i = len(p.Changes) - 1
	}
	l := &p.Changes[i]
	kinds := editorialKinds(l.Summary)
	for _, k := range editorialKinds(c.Summary) {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	l.Editorial++
	l.Date, l.URL = c.CreatedAt, url
	l.Summary = "An editorial change only, no change in meaning"
	if l.Editorial > 1 {
		l.Summary = fmt.Sprintf("%d editorial changes only, no change in meaning", l.Editorial)
	}
	if len(kinds) > 0 {
		l.Summary += " (" + strings.Join(kinds, "; ") + ")"
	}
	l.Summary += "."
}

// editorialKinds reads the kinds of edit back from an editorial summary
// or a folded line.
func editorialKinds(summary string) []string {
	if open := strings.LastIndex(summary, " ("); open >= 0 && strings.HasSuffix(summary, ").") {
		summary = summary[open+2 : len(summary)-2]
	} else if rest, ok := strings.CutPrefix(summary, editorialPrefix); ok {
		summary = strings.TrimSuffix(rest, ".")
	} else {
		return nil
	}
	return strings.Split(summary, "; ")
}
