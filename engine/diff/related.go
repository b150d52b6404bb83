package diff

import (
	"strings"
	"unicode"
)

// relatedBox reports a section that is a help centre's box of links to
// other articles: its heading is a title such as "Related articles", and
// its words are links, list markers and the title again (the box is
// often saved twice). The box follows the help centre's index, not the
// document. A section whose body says anything besides links is text.
func relatedBox(heading, words []string) bool {
	if !relatedTitle(heading) || len(words) == 0 {
		return false
	}
	body := replaceLinks(strings.Join(words, " "), func(s string, i int) (int, string) {
		end, _, _ := linkAt(s, i)
		return end, " "
	})
	title := strings.ToLower(strings.Join(heading, " "))
	body = strings.ReplaceAll(strings.ToLower(body), title, " ")
	for _, w := range strings.Fields(body) {
		if isListNumber(w) {
			continue
		}
		if strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return false
		}
	}
	return true
}

// relatedTitle reports a heading under which help centres list links to
// other articles: "Related" and a word for pages ("Related articles",
// "Related topics"), emphasis aside.
func relatedTitle(heading []string) bool {
	var words []string
	for _, w := range heading {
		if w = strings.Trim(w, "*_#:"); w != "" {
			words = append(words, strings.ToLower(w))
		}
	}
	if len(words) != 2 || words[0] != "related" {
		return false
	}
	switch words[1] {
	case "articles", "topics", "links", "pages", "content", "resources", "posts", "questions", "guides", "help":
		return true
	}
	return false
}
