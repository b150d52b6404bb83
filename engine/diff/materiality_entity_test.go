package diff

import "testing"

// TestMaterialityEntityDetails covers details that identify the company
// or the page without obliging anybody (its address written over lines),
// each beside an edit of the same shape that changes what the document
// says. Both directions of each pair are checked.
func TestMaterialityEntityDetails(t *testing.T) {
	tests := []materialityCase{
		// A table cell writes an address over lines with HTML breaks;
		// dropped as tags, the breaks glued "Street" to the town.
		{"address in a cell written over lines moved",
			"| Country | Controller | Address |\n| --- | --- | --- |\n| Ruritania | Example Pay Ltd. | 12 Harbour Street<br><br>Eastbay 4021 | \n",
			"| Country | Controller | Address |\n| --- | --- | --- |\n| Ruritania | Example Pay Ltd. | Suite 4 Level 2, 80 Mill Road, Westbay 4030 | \n",
			Editorial, ReasonContact},
		{"cell over lines given another period",
			"| Data | Kept |\n| --- | --- |\n| Logs | 12 months<br><br>then deleted | \n",
			"| Data | Kept |\n| --- | --- |\n| Logs | 24 months<br><br>then deleted | \n",
			Substantive, ""},
		{"cell over lines given another recipient",
			"| Data | Shared with |\n| --- | --- |\n| Contacts | Payment providers<br>Auditors | \n",
			"| Data | Shared with |\n| --- | --- |\n| Contacts | Payment providers<br>Advertisers | \n",
			Substantive, ""},
	}
	checkMateriality(t, tests)
}
