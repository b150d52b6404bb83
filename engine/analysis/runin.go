package analysis

import (
	"slices"
	"strings"
)

// Run-in titles.
//
// A list entry or paragraph often opens with a title of its own in bold,
// ended by a full stop or colon, the entry's text running on after it:
// "* **Third-Party Partners.** We share your information with …". The
// splitter reads the title as a sentence, and its words may name a
// category ("Partners", "Backups", "Account"). Where the entry's own
// sentences state that category, by their words or by the heading they
// are under as the title is, the title only names what they say: a
// title added, reworded or dropped over them changes nothing of the
// category their words do not. Where they do not ("**Sale of data.** We
// never do this."), the title is what names the category and is read as
// any sentence.

// dropRunInTitles leaves out the findings of fs that are run-in titles
// of an entry of markdown whose own sentences state the category, and
// that the other version, whose sentence keys are otherKeys, does not
// have as they are: a title both versions have is no change, and is left
// to stand for its entry where the entry's sentences state the category
// in one version only.
func dropRunInTitles(fs []finding, markdown string, otherKeys map[string]bool, m *memo) []finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool {
		if otherKeys[f.key] || len(strings.Fields(f.text)) > maxRunInWords {
			return false
		}
		body, ok := runInBody(markdown, f.text)
		if !ok {
			return false
		}
		key := m.sentence(body).key
		return slices.ContainsFunc(fs, func(g finding) bool {
			return g.cat == f.cat && g.part == f.part && g.key != f.key && strings.Contains(" "+key+" ", " "+g.key+" ")
		})
	})
}

// maxRunInWords is the most words a run-in title takes.
const maxRunInWords = 12

// runInBody returns the text that follows title on its line of markdown
// when title is the run-in title of a list entry or paragraph there: in
// bold at the start of the line (after a list marker, if any), ended by a
// full stop or colon inside or just after the bold, with text after it.
func runInBody(markdown, title string) (string, bool) {
	bare := strings.TrimRight(title, ".:")
	if bare == title || bare == "" {
		return "", false
	}
	for _, mark := range []string{"**", "__"} {
		for _, written := range []string{mark + title + mark, mark + bare + mark + title[len(bare):]} {
			from := 0
			for {
				i := strings.Index(markdown[from:], written)
				if i < 0 {
					break
				}
				i += from
				from = i + len(written)
				lineStart := strings.LastIndexByte(markdown[:i], '\n') + 1
				lead := strings.TrimSpace(markdown[lineStart:i])
				if lead != "" && !listEntry.MatchString(lead+" ") {
					continue
				}
				end := strings.IndexByte(markdown[from:], '\n')
				if end < 0 {
					end = len(markdown) - from
				}
				if body := strings.TrimSpace(markdown[from : from+end]); body != "" {
					return body, true
				}
			}
		}
	}
	return "", false
}
