package diff

import "strings"

// Steps that walk a reader through a product's screens ("In your
// account, click **Contact Us**") name the product's controls and the
// gestures that work them. The product renaming a control, or the steps
// saying "select" where they said "click", changes how to find a
// setting, not what the document says.

// gestureReplaced reports one gesture on a control replaced by another:
// "click" becoming "select" or "tap".
func gestureReplaced(d, n []tok) bool {
	return len(d) == 1 && len(n) == 1 && gestures[d[0].norm] && gestures[n[0].norm] && d[0].norm != n[0].norm
}

var gestures = boolSet(`click clicks clicking tap taps tapping select selects selecting press presses pressing`)

// controlRenamed reports the emphasized name of a control replaced by
// another in a step that works or points at it ("hover over **Copyright**"
// becoming "hover over **Claims**"). A name that states a setting ("On",
// "Opt out", "Allow") is no name: switching it changes the choice made.
func controlRenamed(leftCtx, d, n []tok) bool {
	if !controlName(d) || !controlName(n) {
		return false
	}
	left, _ := sameSentence(leftCtx, nil)
	for _, t := range left {
		if gestures[t.norm] || pointers[t.norm] {
			return true
		}
	}
	return false
}

// pointers are the words of a step that point at a control without
// working it.
var pointers = boolSet(`hover open menu tab column button screen`)

// controlName reports one to four words set in emphasis as a whole
// ("**See details**") that state no setting and carry no meaning of their
// own.
func controlName(ts []tok) bool {
	if len(ts) == 0 || len(ts) > 4 {
		return false
	}
	first := strings.TrimLeft(ts[0].raw, `(["'`)
	last := strings.TrimRight(ts[len(ts)-1].raw, `.,;:)]"'`)
	if !strings.HasPrefix(first, "**") && !strings.HasPrefix(first, "__") ||
		!strings.HasSuffix(last, "**") && !strings.HasSuffix(last, "__") {
		return false
	}
	for _, t := range ts {
		if settingWords[t.norm] || meaningful(t.norm) || hasDigit(t.norm) {
			return false
		}
	}
	return true
}

// settingWords name the state of a setting or a choice.
var settingWords = boolSet(`on off yes allow deny accept decline reject agree disagree enable enabled
disable disabled block unblock share hide show public private everyone nobody`)
