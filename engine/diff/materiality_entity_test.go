package diff

import "testing"

// TestMaterialityEntityDetails covers details that identify the company
// or the page without obliging anybody (its address written over lines,
// a link's tooltip, its officer, its registration number), each beside
// an edit of the same shape that changes what the document says. Both directions of each pair are checked.
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

		// A link's title shows only while the pointer rests on it; split
		// from its target, its words read as text.
		{"link to another page with another tooltip",
			"Read the [questions on face scans](https://example.com/help/airport \"Airport help\").\n",
			"Read the [questions on face scans](https://example.com/travel/face-scans \"Learn about face scans\").\n",
			Editorial, ReasonPunctuation},
		{"tooltip kept, the link's words changed",
			"We share it with [partners](https://example.com/partners \"Our partners\").\n",
			"We share it with [advertisers](https://example.com/partners \"Our partners\").\n",
			Substantive, ""},
		{"tooltip changed with words after the link",
			"We share it with [partners](https://example.com/partners \"Our partners\").\n",
			"We share it with [partners](https://example.com/partners \"All partners\") and advertisers.\n",
			Substantive, ""},
	}
	checkMateriality(t, tests)
}
