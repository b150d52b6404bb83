package diff

import "strings"

// afterQuestion returns the words of a run after a question that opens
// it, "If you have any questions about how we use your data,", when
// every word of the question's subject, or the word it is made from
// ("complies" of "comply"), is in both versions, grammar words aside: a question
// asked about what the document already says adds nothing to it, and
// the contact details after it are judged as such. A subject with a word
// either version lacks ("about selling your data" where no version says
// "selling") may bring something new: the run is returned whole.
func (m *materiality) afterQuestion(ts []tok) []tok {
	subject, rest, ok := questionLead(ts)
	if !ok {
		return ts
	}
	for _, t := range subject {
		if !commonCapital[t.norm] && !joiners[t.norm] && !m.inBoth(t.norm) && !m.inBoth(singular(t.norm)) {
			return ts
		}
	}
	return rest
}

// inBoth reports whether both versions hold the normalized word w.
func (m *materiality) inBoth(w string) bool {
	w = " " + w + " "
	return strings.Contains(m.text(true), w) && strings.Contains(m.text(false), w)
}

// singular is the word a plural or a verb of the third person is made
// from, roughly: "complies" of "comply", "uses" of "use", "questions" of
// "question".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// questionLead splits a run that opens with a question clause ending in
// a comma, "If you have any specific questions or concerns about X," or
// "For questions regarding X,", into the question's subject X and the
// words after the comma.
func questionLead(ts []tok) (subject, rest []tok, ok bool) {
	i := 0
	switch {
	case len(ts) > 3 && ts[0].norm == "if" && ts[1].norm == "you" && ts[2].norm == "have":
		i = 3
	case len(ts) > 1 && (ts[0].norm == "for" || ts[0].norm == "with"):
		i = 1
	default:
		return nil, nil, false
	}
	asked := false
	for ; i < len(ts) && (questionWords[ts[i].norm] || questionQualifiers[ts[i].norm] || joiners[ts[i].norm]); i++ {
		asked = asked || questionWords[ts[i].norm]
		if strings.HasSuffix(ts[i].raw, ",") {
			return nil, nil, false // no subject
		}
	}
	if !asked || i == len(ts) || !questionAbout[ts[i].norm] {
		return nil, nil, false
	}
	start := i + 1
	for j := start; j < len(ts); j++ {
		if strings.HasSuffix(ts[j].raw, ",") {
			if j+1 == len(ts) {
				return nil, nil, false
			}
			return ts[start : j+1], ts[j+1:], true
		}
	}
	return nil, nil, false
}

var questionWords = boolSet(`question questions concern concerns comment comments inquiry inquiries
enquiry enquiries query queries`)

var questionQualifiers = boolSet(`any specific further other more additional general`)

var questionAbout = boolSet(`about regarding concerning on`)

// joiners join the words of a subject: "how we use or keep your data".
var joiners = boolSet(`and or to`)
