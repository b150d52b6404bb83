package diff

import "slices"

// editorialBesideChrome reports two versions whose differences are all
// editorial once the page's furniture is left out of both, and the kinds
// of edit found: a help page that gains its widget's suggested questions
// together with a box of support channels, or with a word corrected. The
// furniture filter and the edits recognised section by section each see
// only part of such a change. The filtered versions are compared afresh;
// most pairs lose the same furniture from both, or none, and are not.
func editorialBesideChrome(oldMD, newMD string) (bool, []string) {
	if sameChrome(oldMD, newMD) {
		return false, nil
	}
	old, oldRemoved := dropChrome(oldMD)
	new, newRemoved := dropChrome(newMD)
	if slices.Equal(oldRemoved, newRemoved) {
		return false, nil // the same furniture in both: the difference is where it was
	}
	res := Compare(old, new)
	return !res.Changed || res.Materiality == Editorial, res.Editorial
}
