package diff

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// copyLinkLabel is the label of the button that copies a section's
// address on help-centre pages. The short lines right after it are the
// page's suggested questions, which rotate from one visit to the next.
const copyLinkLabel = "copy link"

// minChips is the fewest suggested questions a block holds: a single
// short line after the button is read as text.
const minChips = 3

// maxChipWords bounds the words of one suggested question.
const maxChipWords = 8

// onlyChrome reports two versions that are the same once the page's
// furniture saved with the text is left out of both: a help page's
// suggested questions, a "Was this page helpful?" widget, the title of a
// table of contents, short links to the page's own site on lines of their
// own, a notice of the date the document was updated, a wiki's
// translation messages, a notice that the page is not in the reader's
// language. Such pieces change between visits or page designs, not the
// document.
func onlyChrome(oldMD, newMD string) bool {
	old, new, differs := withoutChrome(oldMD, newMD)
	return differs && Significant(old) == Significant(new)
}

// onlyChromeWhole is onlyChrome filtering both whole documents.
func onlyChromeWhole(oldMD, newMD string) bool {
	old, oldRemoved := dropChrome(oldMD)
	new, newRemoved := dropChrome(newMD)
	// The same furniture in both leaves the difference where it was.
	return !slices.Equal(oldRemoved, newRemoved) && Significant(old) == Significant(new)
}

// dropChrome removes the page's furniture from md and returns the lines
// it removed, trimmed.
func dropChrome(md string) (string, []string) {
	var removed []string
	for _, st := range chromeStages() {
		md = st.drop(md, &removed)
	}
	return md, removed
}

// chromeStage is one filter of dropChrome. inRun reports what sameChrome
// needs of a run of lines that changed, from a line blockStart accepts
// (or the top) to the line before one: whether the filter may drop or
// change a line of it in some document (whatever the document's other
// lines and site) otherwise than reads tells, and reads: what of the run
// the filter's look at the whole document reads (whether it names the
// button the filter looks for, the sites of its links) and which of its
// lines it may drop. A filter that cannot tell says it may drop
// something. A new filter needs one, and blockStart must still hold:
// no filter reads past such a line or drops it before the table of
// contents is looked for.
type chromeStage struct {
	drop  func(md string, removed *[]string) string
	inRun func(run string, lines []string) (mayDrop bool, reads string)
}

// chromeStages are dropChrome's filters in order, the messages first: a
// line they leave may be only a link.
func chromeStages() []chromeStage {
	return []chromeStage{
		{dropTranslationMarks, translationInRun},
		{dropSuggestions, suggestionsInRun},
		{dropFeedback, feedbackInRun},
		{dropContentsTitles, contentsInRun},
		{dropSiteLinks, siteLinksInRun},
		{dropUpdateNotices, updateNoticesInRun},
		{dropLanguageNotices, languageNoticesInRun},
	}
}

// dropLines removes the lines of md that drop reports (given all lines
// and the index of one) and adds them to removed. A document that loses
// no line is returned as it is: most lose none, and joining the lines
// again would copy the whole text for nothing.
func dropLines(md string, removed *[]string, drop func(lines []string, i int) bool) string {
	lines := strings.Split(md, "\n")
	var out []string
	for i, line := range lines {
		if drop(lines, i) {
			if out == nil {
				out = append(make([]string, 0, len(lines)), lines[:i]...)
			}
			removeLines(removed, line)
			continue
		}
		if out != nil {
			out = append(out, line)
		}
	}
	if out == nil {
		return md
	}
	return strings.Join(out, "\n")
}

// removeLines appends the non-blank lines to removed, trimmed.
func removeLines(removed *[]string, lines ...string) {
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			*removed = append(*removed, l)
		}
	}
}

// hasCopyLink reports the button's label in any case, as dropSuggestions
// reads it.
func hasCopyLink(md string) bool {
	return containsASCIIFold(md, copyLinkLabel)
}

// dropSuggestions removes the block of suggested questions after each
// line that is only the "Copy link" label: the following lines, blank or
// short, up to the first one that reads as text (a sentence ending in a
// stop, a heading, a list item, a table or a long line), and adds them
// to removed. Under a heading, such a block is the suggestions when its
// last line offers to ask another question (closingChip), as the widget's
// last suggestion does with or without the button.
func dropSuggestions(md string, removed *[]string) string {
	if !hasCopyLink(md) && !hasClosingChip(md) {
		return md
	}
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		button := isCopyLink(lines[i])
		if !button && !underHeading(lines, i) {
			continue
		}
		j := i + 1
		for ; j < len(lines) && suggestionLine(lines[j]); j++ {
		}
		// The blank lines before the text are kept.
		for j > i+1 && strings.TrimSpace(lines[j-1]) == "" {
			j--
		}
		if chips := nonBlank(lines[i+1 : j]); chips >= minChips && (button || closingChip(lines[j-1]) && !slices.ContainsFunc(lines[i+1:j], isCopyLink)) {
			removeLines(removed, lines[i+1:j]...)
			i = j - 1
		}
	}
	return strings.Join(out, "\n")
}

// isCopyLink reports a line that is only the button's label.
func isCopyLink(line string) bool {
	return strings.EqualFold(strings.TrimSpace(line), copyLinkLabel)
}

// closingChips are, in lower case, the last suggestion of a help page's
// widget, which offers to ask something else.
var closingChips = []string{"i have a different question", "tenho uma pergunta diferente"}

// closingChip reports a line that is only one of closingChips.
func closingChip(line string) bool {
	s := strings.TrimSpace(line)
	return slices.ContainsFunc(closingChips, func(c string) bool { return strings.EqualFold(s, c) })
}

// hasClosingChip reports one of closingChips anywhere in md, in any case.
func hasClosingChip(md string) bool {
	return slices.ContainsFunc(closingChips, func(c string) bool { return containsASCIIFold(md, c) })
}

// underHeading reports a heading at line i: an ATX or bold-only one, or
// the underline of the line of text before it.
func underHeading(lines []string, i int) bool {
	s := strings.TrimSpace(lines[i])
	if _, _, ok := headingLine(s); ok {
		return true
	}
	return setextLevel(s) > 0 && i > 0 && strings.TrimSpace(lines[i-1]) != ""
}

// suggestionLine reports a blank line or a short line that is neither a
// sentence nor Markdown structure. Suggested questions end in a question
// mark or in no stop at all; a line ending in an exclamation mark is the
// greeting that opens the text.
func suggestionLine(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" {
		return true
	}
	// The words are counted last: sameChrome asks this of every line.
	if strings.ContainsAny(s[:1], "#*-+|>=[!0123456789") || strings.ContainsAny(s[len(s)-1:], ".:;,)!") { // "Welcome to Example!" opens the text
		return false
	}
	return len(strings.Fields(s)) <= maxChipWords
}

func nonBlank(lines []string) int {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// feedbackCues are words, in lower case, of the question a page asks
// about itself ("Was this page helpful?", "Cet article vous a-t-il été utile ?").
var feedbackCues = []string{"helpful", "useful", "answer your question", "utile", "hilfreich"}

// maxFeedbackWords bounds the words of the page's feedback question.
const maxFeedbackWords = 8

// dropFeedback removes the feedback widget of a page: the question
// whether the page helped and the "Yes"/"No" buttons after it.
func dropFeedback(md string, removed *[]string) string {
	if !hasFeedbackQuestion(md) {
		return md
	}
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if !feedbackQuestion(lines[i]) {
			out = append(out, lines[i])
			continue
		}
		removeLines(removed, lines[i])
		for i+1 < len(lines) && (strings.TrimSpace(lines[i+1]) == "" || answerButtons(lines[i+1])) {
			i++
			removeLines(removed, lines[i])
		}
		if i+1 < len(lines) {
			out = append(out, "") // the text after it starts a paragraph
		}
	}
	return strings.Join(out, "\n")
}

// hasFeedbackQuestion reports a line of md that feedbackQuestion accepts,
// reading only the lines that hold a question mark.
func hasFeedbackQuestion(md string) bool {
	for i := 0; i < len(md); {
		q := strings.IndexByte(md[i:], '?')
		if q < 0 {
			return false
		}
		q += i
		start := strings.LastIndexByte(md[:q], '\n') + 1
		end := strings.IndexByte(md[q:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += q
		}
		if feedbackQuestion(md[start:end]) {
			return true
		}
		i = end + 1
	}
	return false
}

// feedbackQuestion reports a line that is only a short question about
// whether the page helped.
func feedbackQuestion(line string) bool {
	s := strings.Trim(strings.TrimSpace(line), "#*_ ")
	if !strings.HasSuffix(s, "?") || len(strings.Fields(s)) > maxFeedbackWords {
		return false
	}
	lower := strings.ToLower(s)
	return slices.ContainsFunc(feedbackCues, func(c string) bool { return strings.Contains(lower, c) })
}

// answerButtons reports a line that is only the widget's buttons, in any
// case and with or without a space between them ("YesNo", "Oui Non").
func answerButtons(line string) bool {
	pairs := [][2]string{{"yes", "no"}, {"oui", "non"}, {"ja", "nein"}, {"sí", "no"}, {"si", "no"}}
	t := strings.Trim(strings.TrimSpace(line), "*_")
	// A line with more letters than both buttons is told without
	// building its words: sameChrome asks this of every line. Changing
	// case keeps the number of letters.
	longest := 0
	for _, pair := range pairs {
		longest = max(longest, len(pair[0])+len(pair[1]))
	}
	if nonSpaceRunes(t, longest+1) > longest {
		return false
	}
	s := strings.ToLower(strings.Join(strings.Fields(t), ""))
	for _, pair := range pairs {
		if s == pair[0]+pair[1] || s == pair[0] || s == pair[1] {
			return true
		}
	}
	return false
}

// nonSpaceRunes counts the characters of s that are not white space, up
// to limit.
func nonSpaceRunes(s string, limit int) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			if n++; n == limit {
				break
			}
		}
	}
	return n
}

// maxContentsTitleWords bounds the words of a table of contents' title
// ("In this article", "On this page", "Sommaire").
const maxContentsTitleWords = 4

// dropContentsTitles removes the title of each table of contents: a
// short line, heading or not, followed by at least two list items that
// are each only a link within the page.
func dropContentsTitles(md string, removed *[]string) string {
	if !strings.Contains(md, "](#") {
		return md
	}
	return dropLines(md, removed, func(lines []string, i int) bool {
		return contentsTitle(lines[i]) && inPageLinks(lines[i+1:]) >= 2
	})
}

// contentsTitle reports a short line without a sentence stop that is not
// a list item.
func contentsTitle(line string) bool {
	s := strings.TrimSpace(line)
	if _, item := listItem(s); item || s == "" || strings.ContainsAny(s[:1], "|>[!") {
		return false
	}
	s = strings.Trim(s, "#*_ ")
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".;,!?)") {
		return false
	}
	return len(strings.Fields(s)) <= maxContentsTitleWords
}

// inPageLinks counts the list items that open lines, after blank ones,
// and are each only a link within the page, up to the first line that
// is not one.
func inPageLinks(lines []string) int {
	n := 0
	for _, line := range lines {
		s := strings.TrimSpace(line)
		if s == "" {
			if n == 0 {
				continue
			}
			break
		}
		item, ok := listItem(s)
		if !ok || !strings.HasPrefix(item, "[") || !strings.HasSuffix(item, ")") {
			break
		}
		close := strings.Index(item, "](#")
		if close < 0 || strings.Contains(item[close+3:len(item)-1], ")") {
			break
		}
		n++
	}
	return n
}

// listItem returns the text of a Markdown list item ("* x", "- x", "1. x").
func listItem(s string) (string, bool) {
	if len(s) > 2 && strings.ContainsAny(s[:1], "*-+") && s[1] == ' ' {
		return strings.TrimSpace(s[2:]), true
	}
	if dot := strings.IndexAny(s, ".)"); dot > 0 && dot < 4 && strings.Trim(s[:dot], "0123456789") == "" && len(s) > dot+1 && s[dot+1] == ' ' {
		return strings.TrimSpace(s[dot+2:]), true
	}
	return "", false
}

// updateNotice matches a line that only says when the document was last
// updated, with at most a link to the version before it: "We updated our
// Privacy Policy on December 16, 2025. [View our previous policy.](…)".
// A notice saying more ("…to address a ruling", "the prior terms apply
// until …") is not matched.
var updateNotice = regexp.MustCompile(`(?i)^[*_]*(?:we(?:'|’)?ve|we have|we)\s+updated\s+(?:our|this|the)\s+(?:[\pL-]+\s+){1,5}on\s+` +
	noticeDate + `\.[*_]*` +
	`(?:\s*\[(?:view|see|read)\s+(?:our|the)\s+(?:previous|prior|earlier|old)\s+[^\]]{0,40}\]\([^)\s]*\))?\s*$`)

// dropUpdateNotices removes the lines updateNotice matches.
func dropUpdateNotices(md string, removed *[]string) string {
	if !containsASCIIFold(md, "updated our") && !containsASCIIFold(md, "updated this") && !containsASCIIFold(md, "updated the") {
		return md
	}
	return dropLines(md, removed, func(lines []string, i int) bool {
		return updateNotice.MatchString(strings.TrimSpace(lines[i]))
	})
}

// translationMark matches the messages a wiki's translation tool writes
// into a page whose source changed: "This page contains changes which are
// not marked for translation." and "This page is a translated version of
// the page … and the translation is 80% complete." They follow the wiki's
// editing, not the document's text.
var translationMark = regexp.MustCompile(`(?i)[;.]?\s*this page contains \[?changes\]?(?:\([^)\s]*\))? which are not marked for translation\.?` +
	`|this page is a translated version of the page .{1,200}? and the translation is \d{1,3}\s?% complete\.?`)

// dropTranslationMarks removes translationMark's messages from the lines
// that hold them. The expression runs only on lines naming a translation
// that also hold a piece of either message ("for tran", "% complete"):
// run over a whole document it tries every position, which cost a fifth of
// the CPU of a check round that records changes, and run over every long
// paragraph that may "translate" the Software still a tenth of the
// analysis of such a document's change. Neither piece has a letter that
// the expression's case folding matches outside ASCII (k, s), so no line
// it would change is passed over.
func dropTranslationMarks(md string, removed *[]string) string {
	if !containsASCIIFold(md, "translat") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	rest := md
	for rest != "" {
		line, after, more := strings.Cut(rest, "\n")
		if containsASCIIFold(line, "translat") && (containsASCIIFold(line, "for tran") || containsASCIIFold(line, "% complete")) {
			line = translationMark.ReplaceAllStringFunc(line, func(m string) string {
				removeLines(removed, m)
				return ""
			})
		}
		b.WriteString(line)
		if more {
			b.WriteByte('\n')
		}
		rest = after
	}
	return b.String()
}
