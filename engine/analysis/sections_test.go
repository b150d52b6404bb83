package analysis

import (
	"reflect"
	"testing"
)

// TestFindingsOfSharedSections checks that the findings of a version
// whose sections the other version shares, read from what reading the
// other one kept, are the findings of that version read alone: what a
// section states does not depend on where it sits in the document.
func TestFindingsOfSharedSections(t *testing.T) {
	shared := "## Sharing\n\nWe may share: (a) your name with partners who deliver your orders; (b) your location with advertisers.\n\n"
	old := "# Terms\n\n" + shared + "## Retention\n\nWe keep your data for a year.\n"
	new := "# Terms\n\n## Retention\n\nWe keep your data for two years.\n\n" + shared + "## Sharing\n\nWe do not sell your data.\n"
	c := *rules()
	c.doc = new
	m := newMemo()
	c.findings(old, m, map[string]bool{})
	keys := map[string]bool{}
	got := c.findings(new, m, keys)
	aloneKeys := map[string]bool{}
	alone := c.findings(new, newMemo(), aloneKeys)
	if !reflect.DeepEqual(got, alone) {
		t.Errorf("findings after the other version = %+v, read alone = %+v", got, alone)
	}
	if !reflect.DeepEqual(keys, aloneKeys) {
		t.Errorf("keys after the other version = %v, read alone = %v", keys, aloneKeys)
	}
	if len(got) == 0 {
		t.Error("no findings: the test reads nothing")
	}
}
