package diff

import "slices"

// withoutChrome returns the versions without the page's furniture, and
// whether they lose different furniture; when they lose the same, or
// none, the difference is where it was and the versions are returned as
// they are. It reads only the lines that changed when that tells
// (sameChrome), so most pairs are not filtered whole.
func withoutChrome(oldMD, newMD string) (string, string, bool) {
	if sameChrome(oldMD, newMD) {
		return oldMD, newMD, false
	}
	old, oldRemoved := dropChrome(oldMD)
	new, newRemoved := dropChrome(newMD)
	if slices.Equal(oldRemoved, newRemoved) {
		return oldMD, newMD, false
	}
	return old, new, true
}

// editorialBesideChrome reports two versions left without different
// furniture (withoutChrome) whose differences are all editorial, and the
// kinds of edit found: a help page that gains its widget's suggested
// questions together with a box of support channels, or with a word
// corrected. The furniture filter and the edits recognised section by
// section each see only part of such a change, so the filtered versions
// are compared afresh.
func editorialBesideChrome(old, new string) (bool, []string) {
	res := Compare(old, new)
	return !res.Changed || res.Materiality == Editorial, res.Editorial
}
