package diff

import (
	"regexp"
	"strings"
)

// noticeDate is a date written out in a notice: "June 28, 2025", "28 June
// 2025".
const noticeDate = `(?:` + month + `\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+` + month + `\.?,?\s+\d{4})`

// noticeDoc is the name of the document in a notice: a few words.
const noticeDoc = `(?:[\pL-]+\s+){0,4}[\pL-]+`

// updateBanner matches a line that only announces an update of the
// document and when it takes effect, with at most a link to the version
// before it: "We've updated our User Agreement. Please take a look before
// the changes take effect on June 28, 2025." or "This page is the updated
// User Agreement; for the version effective until June 28, 2025, click
// here." Emphasis marks are left out before it is matched.
var updateBanner = regexp.MustCompile(`(?i)^(?:\s*(?:` +
	`(?:we(?:'|’)?ve|we\s+have|we)\s+updated\s+(?:our|this|the)\s+` + noticeDoc + `(?:\s+on\s+` + noticeDate + `)?\.` +
	`|please\s+(?:take\s+a\s+look|review\s+(?:it|them|the\s+changes)|read\s+(?:it|them|the\s+changes))` +
	`(?:\s+before\s+(?:the\s+changes|they|it)\s+takes?\s+effect\s+on\s+` + noticeDate + `)?\.` +
	`|(?:the\s+changes|they|it)\s+takes?\s+effect\s+on\s+` + noticeDate + `\.` +
	`|this\s+(?:page|document)\s+is\s+the\s+(?:updated|new|current)\s+` + noticeDoc + `;?\s+(?:for|to\s+(?:see|view|read))\s+the\s+` +
	`(?:previous\s+|prior\s+|earlier\s+|old\s+)?version(?:\s+(?:effective|in\s+effect|in\s+force)\s+until\s+` + noticeDate + `)?,?\s+` +
	`(?:click|see|visit|go\s+to)\s+\[[^\[\]]{1,40}\]\([^()\s]*\)\.?` +
	`))+\s*$`)

var noticeDates = regexp.MustCompile(`(?i)` + noticeDate)

// bannerMarks are the emphasis marks a banner may be written with.
var bannerMarks = strings.NewReplacer("*", "", "_", "")

// bannerWord reports a line holding a word that every way of writing an
// update banner has, so that the banner pattern is tried only on the few
// lines that can match it: each of its sentences says "updated",
// "please", "effect" or "version".
func bannerWord(line string) bool {
	return containsASCIIFold(line, "updated") || containsASCIIFold(line, "please") ||
		containsASCIIFold(line, "effect") || containsASCIIFold(line, "version")
}

// pastNotice reports an old version that differs from the new one only
// in banners announcing an update that has taken effect: each date the
// removed banners give is the date the new version says it is effective
// from ("Effective June 28, 2025"), so what they announced is the text
// both versions hold. A banner added stays a change: it announces terms
// to come.
func pastNotice(oldMD, newMD string) bool {
	if !containsASCIIFold(oldMD, "updated") || !containsASCIIFold(oldMD, "effect") {
		return false
	}
	var stamps []string // the new version's date stamps, label and date
	found := false
	kept := dropLines(oldMD, new([]string), func(lines []string, i int) bool {
		if !bannerWord(lines[i]) {
			return false
		}
		line := strings.TrimSpace(bannerMarks.Replace(lines[i]))
		if line == "" || !updateBanner.MatchString(line) {
			return false
		}
		if stamps == nil {
			stamps = append(datedLabel.FindAllString(newMD, -1), "")
		}
		for _, d := range noticeDates.FindAllString(line, -1) {
			if !stamped(stamps, d) {
				return false
			}
		}
		found = true
		return true
	})
	return found && Significant(kept) == Significant(newMD)
}

// stamped reports a date that one of stamps gives.
func stamped(stamps []string, date string) bool {
	for _, s := range stamps {
		if s != "" && strings.HasSuffix(strings.ToLower(s), strings.ToLower(date)) {
			return true
		}
	}
	return false
}
