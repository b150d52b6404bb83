package analysis

import (
	"slices"
	"strings"
	"unicode"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// A title set as text (a numbered bold line, "6. **Content and Licence
// Grant**", or a short line in capitals of its own, "How to Decline
// Renewal"; a bold line alone is a heading, see diff.Parse) names
// what its section is about; it is read as a sentence, since a new
// section's title is sometimes the only place a category is named. But a
// title reworded over a section that says what it said ("… Licence Grant
// to Us and Use of AI") changes no provision the section states: a
// changed title counts for a category only when its section is new, or
// when the section's own statements of that category changed too.

// titleSentences returns the sentences of a section's body that are
// titles set as text: a line that is one sentence without a closing
// mark, either emphasized whole (after its list number, if any) or a
// paragraph of its own, not a bullet, of at most maxTitleLineWords words
// most of which start with a capital.
func titleSentences(body string) map[string]bool {
	out := map[string]bool{}
	lines := strings.Split(body, "\n")
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "#") {
			continue
		}
		bare := strings.TrimSpace(strings.TrimLeft(t, "0123456789"))
		numbered := len(bare) < len(t) && (strings.HasPrefix(bare, ". ") || strings.HasPrefix(bare, ") "))
		if numbered {
			bare = strings.TrimSpace(bare[1:])
		} else {
			bare = t
		}
		emphasized := len(bare) > 4 && (strings.HasPrefix(bare, "**") && strings.HasSuffix(bare, "**") || strings.HasPrefix(bare, "__") && strings.HasSuffix(bare, "__")) &&
			!strings.Contains(bare[2:len(bare)-2], "**")
		alone := (i == 0 || strings.TrimSpace(lines[i-1]) == "") && (i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "")
		if !emphasized && (!alone || diff.IsListItem(t) && !numbered || !capitalised(bare)) {
			continue
		}
		s := slices.DeleteFunc(diff.Sentences(t), func(s string) bool {
			return strings.Trim(s, "0123456789.)") == "" // a clause number the splitter set apart
		})
		if len(s) != 1 || strings.ContainsAny(s[0][len(s[0])-1:], ".;:!?") {
			continue
		}
		out[s[0]] = true
	}
	return out
}

// maxTitleLineWords is the most words a title set as text takes.
const maxTitleLineWords = 15

// capitalised reports a short line most of whose longer words start with
// a capital, as titles are written.
func capitalised(line string) bool {
	words := strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > maxTitleLineWords {
		return false
	}
	long, upper := 0, 0
	for _, w := range words {
		if len(w) <= 3 {
			continue
		}
		long++
		if unicode.IsUpper([]rune(w)[0]) {
			upper++
		}
	}
	return long > 0 && 2*upper > long
}

// dropTitles leaves out the findings of fs that a changed title states of
// its section (see titleSentences) when the section is no new one (the
// other version has some of its sentences) and none of the section's own
// statements of the category changed beyond a restatement (a renumbered
// clause, a few words). fs and other are two versions'
// findings; otherKeys the keys of the other version's sentences.
func dropTitles(fs, other []finding, otherKeys map[string]bool) []finding {
	has := map[catKey]bool{}
	for _, o := range other {
		has[o.catKey()] = true
	}
	return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool {
		if f.title == nil || has[f.catKey()] || len(f.title.body) == 0 {
			return false
		}
		newSection := true
		for _, k := range f.title.body {
			if otherKeys[k] {
				newSection = false
				break
			}
		}
		if newSection {
			return false
		}
		var others []finding // the other version's statements of the category
		for _, o := range other {
			if o.cat == f.cat {
				others = append(others, o)
			}
		}
		for _, g := range fs {
			if g.cat == f.cat && g.part == f.part && g.title == nil && f.title.inBody(g.key) && !has[g.catKey()] && restated(g, others) == nil {
				return false // the section's statement of the category changed
			}
		}
		return true
	})
}

// sectionTitle is what a title's finding knows of the section it titles:
// the keys of its sentences, up to the next title or the end of the part.
type sectionTitle struct {
	body []string
}

func (t *sectionTitle) inBody(key string) bool {
	for _, k := range t.body {
		if k == key {
			return true
		}
	}
	return false
}
