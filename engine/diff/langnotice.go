package diff

import (
	"regexp"
	"strings"
)

// languageNotice matches the line a site shows when a page is not written
// in the reader's language: "The content you are trying to view is not
// available for your preferred market language. You are now seeing
// content for English - United States." It follows the visitor's
// settings, not the document. A notice saying more (what applies to whom)
// is not matched.
var languageNotice = regexp.MustCompile(`(?i)^[*_]*(?:the\s+)?(?:content|page|article)\s+you\s+are\s+trying\s+to\s+(?:view|see|read)\s+is\s+not\s+available\s+` +
	`(?:for|in)\s+your\s+(?:preferred\s+)?(?:market\s+)?language\.?` +
	`(?:\s+you\s+are\s+now\s+(?:seeing|viewing)\s+(?:the\s+)?(?:content|page)\s+(?:for|in)\s+[^.]{1,60}\.)?[*_]*$`)

// languageIcon is the name of the icon drawn beside such a notice, saved
// as an emphasised word on a line of its own.
const languageIcon = "_language_"

// dropLanguageNotices removes the lines languageNotice matches and the
// lines that are only languageIcon.
func dropLanguageNotices(md string, removed *[]string) string {
	if !strings.Contains(md, languageIcon) && !containsASCIIFold(md, "not available") {
		return md
	}
	return dropLines(md, removed, func(lines []string, i int) bool { return languageNoticeLine(lines[i]) })
}

func languageNoticeLine(line string) bool {
	s := strings.TrimSpace(line)
	return s == languageIcon || containsASCIIFold(s, "not available") && languageNotice.MatchString(s)
}

// languageNoticesInRun: the filter reads one line at a time.
func languageNoticesInRun(_ string, lines []string) (bool, string) {
	return anyLine(lines, languageNoticeLine), ""
}
