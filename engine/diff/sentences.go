package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// emphasis removes inline Markdown markers.
var emphasis = strings.NewReplacer("**", "", "__", "", "`", "", `\`, "")

// Sentences splits Markdown text into plain-text sentences: each list item,
// table row and paragraph is split at sentence ends, links are reduced to
// their text, emphasis and block markers are removed and typography is
// normalized, so the same wording always gives the same sentence.
func Sentences(markdown string) []string {
	return sentences(markdown, nil, nil)
}

// sentences returns Sentences(markdown); when starts is not nil, it also
// receives, for each sentence, whether it is the first of a paragraph (its
// first line follows a blank line or the start), a list item, a heading or
// a table row. When rows is not nil, it keeps the sentences of each table
// row by the row's text (see appendRow).
func sentences(markdown string, starts *[]bool, rows map[string][]string) []string {
	var out []string
	var para []string
	unitStart, prevBlank := false, true
	flush := func() {
		if len(para) > 0 {
			n := len(out)
			out = appendSentences(out, strings.Join(para, " "))
			para = para[:0]
			markStarts(starts, n, len(out), unitStart)
		}
	}
	for line := range strings.SplitSeq(markdown, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || isRuleLine(trimmed):
			flush()
		case strings.HasPrefix(trimmed, "|"):
			flush()
			n := len(out)
			out = appendRow(out, trimmed, rows)
			markStarts(starts, n, len(out), true)
		case strings.HasPrefix(trimmed, "#") || isListItem(trimmed):
			flush()
			para = append(para, trimmed)
			unitStart = true
			flush()
		default:
			if len(para) == 0 {
				unitStart = prevBlank
			}
			para = append(para, trimmed)
		}
		prevBlank = trimmed == ""
	}
	flush()
	return out
}

// appendRow appends the sentences of a table row, each row a unit of its
// own. When rows is not nil, they are read from it, or split and kept
// there: a table with no blank line is one paragraph, split again whole
// when the new version changed one of its rows, and its other rows are
// then not split again.
func appendRow(out []string, row string, rows map[string][]string) []string {
	if rows == nil {
		return appendSentences(out, tableRow(row))
	}
	sents, ok := rows[row]
	if !ok {
		sents = appendSentences(nil, tableRow(row))
		rows[row] = sents
	}
	return append(out, sents...)
}

// markStarts appends to starts, when it is not nil, one flag for each of
// the sentences from..to: the first is a block's start when start is true.
func markStarts(starts *[]bool, from, to int, start bool) {
	if starts == nil {
		return
	}
	for i := from; i < to; i++ {
		*starts = append(*starts, i == from && start)
	}
}

// tableRow renders a Markdown table row as "cell | cell".
func tableRow(row string) string {
	var cells []string
	for cell := range strings.SplitSeq(strings.Trim(row, "| "), "|") {
		if c := strings.TrimSpace(cell); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, "; ")
}

// Plain reduces a Markdown fragment to readable plain text.
func Plain(markdown string) string {
	s := cleanLine(markdown)
	if strings.Contains(s, "](") {
		s = linkTexts(s)
	}
	s = stripBlockMarkers(s)
	return collapseSpaces(stripEmphasis(s))
}

func appendSentences(out []string, text string) []string {
	text = Plain(text)
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' && c != ';' {
			continue
		}
		end := i + 1
		for end < len(text) && strings.IndexByte(`"')]`, text[end]) >= 0 {
			end++
		}
		if end >= len(text) || text[end] != ' ' {
			continue
		}
		if c == ';' || (isSentenceStart(text[end+1:]) && !isAbbreviation(text[start:i])) {
			if c == ';' && len(text[start:end]) < 60 {
				continue // short list fragments separated by ";" stay together
			}
			if s := strings.TrimSpace(text[start:end]); s != "" {
				out = append(out, s)
			}
			start = end + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isSentenceStart reports whether text begins like a new sentence.
func isSentenceStart(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '(' || r == '\''
}

// isAbbreviation reports whether the sentence candidate ends in a known
// abbreviation, a single initial ("J.") or initials each followed by a
// full stop ("C.F.R.", "U.S.C.", "D.C.").
func isAbbreviation(before string) bool {
	i := strings.LastIndexAny(before, " (\"")
	word := strings.ToLower(before[i+1:])
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsLetter(r) {
		return true
	}
	if dottedInitials(word) {
		return true
	}
	switch word {
	case "e.g", "i.e", "inc", "ltd", "llc", "co", "corp", "no", "nos", "art", "arts", "sec",
		"para", "mr", "mrs", "ms", "dr", "st", "vs", "u.s", "u.k", "e.u", "cf", "approx", "fig",
		"pp", "viz",
		// German and French, where a capitalised noun often follows:
		// "Art. 6 Abs. 1 DSGVO", "bzw. Inhalte", "p. ex. Paris".
		"abs", "bzw", "ggf", "vgl", "usw", "inkl", "zzgl", "evtl", "bspw", "nr", "lit", "ziff",
		"gem", "sog", "ca", "u.a", "z.b", "d.h", "al", "ex", "env", "mme":
		return true
	}
	return false
}

// dottedInitials reports a word of single letters joined by full stops,
// the last one's stop left out: "c.f.r", "u.s.c".
func dottedInitials(word string) bool {
	if len(word) < 3 {
		return false
	}
	for i, r := range word {
		if i%2 == 0 && !unicode.IsLetter(r) || i%2 == 1 && r != '.' || r >= utf8.RuneSelf {
			return false
		}
	}
	return len(word)%2 == 1
}
