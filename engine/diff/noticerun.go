package diff

import (
	"regexp"
	"strings"
)

// updateNoticeWords matches, in normalized words, a sentence that only
// says when the document was updated: "we updated our privacy policy on
// november 14 2024". It is the notice dropUpdateNotices removes from a
// line of its own, found here inside a line a banner was glued into.
var updateNoticeWords = regexp.MustCompile(`^(?:we ve|weve|we have|we) updated (?:our|this|the)(?: \pL+){1,5} on ` +
	noticeDate + `$`)

// maxBannerTitleWords bounds the words of the title a banner gives its
// notice ("Other updates").
const maxBannerTitleWords = 3

// pageNoticeRun reports that the words d, replaced by n, are only the
// page's feedback widget or a notice of when the document was updated,
// which converters glue to the word before them: n may be that word
// ("first.") and d start with it ("first.Other updates We updated ...").
func pageNoticeRun(d, n []tok) bool {
	if len(n) == 1 && len(d) > 0 && len(d[0].raw) > len(n[0].raw) && strings.HasPrefix(d[0].raw, n[0].raw) {
		rest := tokens([]string{d[0].raw[len(n[0].raw):]})
		d, n = append(rest, d[1:]...), nil
	}
	return len(n) == 0 && len(d) > 0 && (isFeedbackWidget(d) || updateNoticeRun(d))
}

// updateNoticeRun reports words that are only a notice of when the
// document was updated, after at most a short title: a capitalised word
// and a few more, none ending a sentence.
func updateNoticeRun(ts []tok) bool {
	for skip := 0; skip <= maxBannerTitleWords && skip < len(ts); skip++ {
		if skip > 0 {
			w := ts[skip-1].raw
			if strings.ContainsAny(w, ".!?:;,") || skip == 1 && !startsUpper(w) {
				return false
			}
		}
		if updateNoticeWords.MatchString(joinNorm(ts[skip:], " ")) {
			return true
		}
	}
	return false
}

// startsUpper reports a word whose first letter is a capital.
func startsUpper(w string) bool {
	w = strings.TrimLeft(w, "*_#")
	return w != "" && 'A' <= w[0] && w[0] <= 'Z'
}
