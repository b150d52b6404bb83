package diff

import "regexp"

// feedbackWidget matches, in normalized words, a help page's feedback
// widget written into the text: the question whether the page helped,
// its "Yes"/"No" buttons, and the count of readers who found it helpful
// ("2700 out of 4019 found this helpful"). Converters glue it to the
// page's last sentence ("Enjoy!Was this article helpful?"), so it is not
// a line of its own that dropFeedback would remove.
var feedbackWidget = regexp.MustCompile(`^(?:was|is|did|do|does|has)(?: \pL+){1,5} (?:helpful|useful)` +
	`(?: (?:yes|no))*` +
	`(?: \d+ (?:out of|of) \d+(?: people| users| readers)? found (?:this|it)(?: article| page)? helpful)?$`)

// isFeedbackWidget reports words that are only a feedback widget.
func isFeedbackWidget(ts []tok) bool {
	return len(ts) <= 3*maxFeedbackWords && feedbackWidget.MatchString(joinNorm(ts, " "))
}
