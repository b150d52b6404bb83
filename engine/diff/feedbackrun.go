package diff

import (
	"regexp"
	"strings"
)

// feedbackWidget matches, in normalized words, a help page's feedback
// widget written into the text: the question whether the page helped,
// its "Yes"/"No" buttons, and the count of readers who found it helpful
// ("2700 out of 4019 found this helpful"). Converters glue it to the
// page's last sentence ("Enjoy!Was this article helpful?"), so it is not
// a line of its own that dropFeedback would remove.
var feedbackWidget = regexp.MustCompile(`^(?:was|is|did|do|does|has)(?: \pL+){1,5} (?:helpful|useful)` +
	`(?: (?:yes|no))*` +
	`(?: \d+ (?:out of|of) \d+(?: people| users| readers)? found (?:this|it)(?: article| page)? helpful)?$`)

// feedbackOnly reports that replacing the words del by ins only removes
// a feedback widget, which may be glued to the word before it: "real!"
// in ins and "real!Was this article helpful?" in del.
func feedbackOnly(del, ins []string) bool {
	if len(ins) == 1 && len(del) > 0 && len(del[0]) > len(ins[0]) && strings.HasPrefix(del[0], ins[0]) {
		del = append([]string{del[0][len(ins[0]):]}, del[1:]...)
		ins = nil
	}
	if len(ins) > 0 || len(del) == 0 || len(del) > 3*maxFeedbackWords {
		return false
	}
	return feedbackWidget.MatchString(strings.ToLower(joinNorm(tokens(del), " ")))
}
