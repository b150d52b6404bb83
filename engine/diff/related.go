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
	_, rest := splitLinks(words)
	title := strings.ToLower(strings.Join(heading, " "))
	return wordless(strings.ReplaceAll(rest, title, " "))
}

// splitLinks returns the texts of the Markdown links in words, and the
// words outside them in lower case.
func splitLinks(words []string) (labels []string, rest string) {
	rest = replaceLinks(strings.Join(words, " "), func(s string, i int) (int, string) {
		end, text, _ := linkAt(s, i)
		if end >= 0 {
			labels = append(labels, text)
		}
		return end, " "
	})
	return labels, strings.ToLower(rest)
}

// wordless reports text without a word: list numbers, markers and
// punctuation only.
func wordless(text string) bool {
	for _, w := range strings.Fields(text) {
		if !isListNumber(w) && strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return false
		}
	}
	return true
}

// relatedTitle reports a heading under which help centres list links to
// other articles: "Related" or "Popular" and a word for pages ("Related
// articles", "Popular topics"), emphasis aside.
func relatedTitle(heading []string) bool {
	var words []string
	for _, w := range heading {
		if w = strings.Trim(w, "*_#:"); w != "" {
			words = append(words, strings.ToLower(w))
		}
	}
	if len(words) != 2 || words[0] != "related" && words[0] != "popular" {
		return false
	}
	switch words[1] {
	case "articles", "topics", "links", "pages", "content", "resources", "posts", "questions", "guides", "help":
		return true
	}
	return false
}

// relatedBoxEdited reports a section that is a box of links to other
// articles in both versions (relatedBox), whose links changed: the help
// centre suggests other pages, the document says nothing new.
func relatedBoxEdited(sec Section) bool {
	oldHeading := sec.OldHeading
	if oldHeading == "" {
		oldHeading = sec.Heading
	}
	var oldWords, newWords []string
	for _, o := range sec.Ops {
		f := strings.Fields(o.Text)
		if o.Kind != OpInsert {
			oldWords = append(oldWords, f...)
		}
		if o.Kind != OpDelete {
			newWords = append(newWords, f...)
		}
	}
	return relatedBox(strings.Fields(oldHeading), oldWords) && relatedBox(strings.Fields(sec.Heading), newWords)
}
