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

		// The company's officer named anew with their office.
		{"publication director replaced",
			"## Publisher\n\nMr John Carter, President of Example Inc.\n",
			"## Publisher\n\nMr Alan Brooks, chief executive officer of Example Inc.\n",
			Editorial, ReasonContact},
		{"publication director replaced, in French",
			"### Directeur de la publication\n\nMonsieur Jean Martin, Président de Exemple SAS.\n",
			"### Directeur de la publication\n\nMonsieur Paul Durand, Directeur général de Exemple SAS.\n",
			Editorial, ReasonContact},
		{"officer replaced and a recipient added",
			"## Publisher\n\nData is handled by Mr John Carter, President of Example SAS.\n",
			"## Publisher\n\nData is handled by Mr Alan Brooks, President of Example SAS and its advertisers.\n",
			Substantive, ""},
		{"company with an office replaced without an honorific",
			"## Sharing\n\nWe share data with Acme Labs, President.\n",
			"## Sharing\n\nWe share data with Orbit Media, President.\n",
			Substantive, ""},

		// The number a register gave the company, in the sentence that
		// still names the register.
		{"registration number dropped",
			"## Broker\n\nExample Ltd is registered with the Ruritanian Broker Register under number 99120455.\n\nIt may show partner offers.\n",
			"## Broker\n\nExample Ltd is registered with the Ruritanian Broker Register.\n\nIt may show partner offers.\n",
			Editorial, ReasonContact},
		{"registration number dropped, in French",
			"## Courtage\n\nExemple SAS est inscrite auprès du registre des courtiers sous le numéro 99120455.\n\nElle présente des offres.\n",
			"## Courtage\n\nExemple SAS est inscrite auprès du registre des courtiers.\n\nElle présente des offres.\n",
			Editorial, ReasonContact},
		{"registration number replaced",
			"## Broker\n\nExample Ltd is registered with the Ruritanian Broker Register under number 99120455.\n",
			"## Broker\n\nExample Ltd is registered with the Ruritanian Broker Register under number 99120999.\n",
			Editorial, ReasonContact},
		{"numbered clause dropped outside a registration",
			"## Claims\n\nClaims are handled as the code sets out under number 4412.\n",
			"## Claims\n\nClaims are handled as the code sets out.\n",
			Substantive, ""},
		{"registration number dropped with a practice",
			"## Broker\n\nExample Ltd is registered with the Ruritanian Broker Register under number 99120455.\n",
			"## Broker\n\nExample Ltd is registered with the Ruritanian Broker Register and shares data with advertisers.\n",
			Substantive, ""},
	}
	checkMateriality(t, tests)
}
