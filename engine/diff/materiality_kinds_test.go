package diff

import (
	"strings"
	"testing"
)

// TestMaterialityEditKinds covers edits seen on real policies, each with
// an edit of the same shape that changes the meaning. Both directions of
// each pair are checked.
func TestMaterialityEditKinds(t *testing.T) {
	tests := []materialityCase{
		// A date stamp whose dates are long enough to push the label out
		// of the last words read.
		{"version date rewritten", "Version: 29 November 2022 **The** following terms apply.",
			"Version: July 19th 2024 ****The** following terms apply.", Editorial, ReasonPunctuation},
		{"effective date of the policy", "This policy applies from February 28, 2025.", "This policy applies from May 21, 2025.", Editorial, ReasonPunctuation},
		{"date a fee applies from", "The new fee applies from February 28, 2025.", "The new fee applies from May 21, 2025.", Substantive, ""},
		{"stamp lines removed", "Effective date: March 5th, 2026\n\nLast modified: July 24th, 2025\n\nAdults only.", "Adults only.", Editorial, ReasonPunctuation},
		{"stamp reworded", "Effective February 1, 2024\n\nAdults only.", "Effective from 1 February 2024\n\nAdults only.", Editorial, ReasonPunctuation},
		{"date made a condition", "We delete data on the date you ask.", "We delete data on the last date you ask.", Substantive, ""},
		{"space restored after a full stop", "Hate such as white supremacy.We remove it.", "Hate such as white supremacy. We remove it.", Editorial, ReasonPunctuation},
		{"deadline in a sentence", "You may object until February 28, 2025.", "You may object until May 21, 2026.", Substantive, ""},

		// A link to the same page whose text went from a pointer ("here",
		// no text, the address) to words, and the same edits where the page
		// or the words around the link change.
		{"link moved onto the words before it",
			"Please read our Privacy Policy [here](https://example.com/privacy).",
			"Please read our [Privacy Policy](https://example.com/privacy).", Editorial, ReasonPunctuation},
		{"pointer replaced by the page's name",
			"No problem. Head [here](https://example.com/settings), to change your choices.",
			"No problem. Head to the [settings page of the app](https://example.com/settings), to change your choices.", Editorial, ReasonPunctuation},
		{"address shown as text moved onto the words",
			"You can opt out by installing the browser add-on at [https://example.com/addon](https://example.com/addon) today.",
			"You can opt out by installing the browser [add-on](https://example.com/addon) today.", Editorial, ReasonPunctuation},
		{"link captured without its text captured with it",
			"Use our marks only as permitted by our [Acme](https://example.com/brand) [](https://example.com/brand)or with our written consent.",
			"Use our marks only as permitted by our [Acme Brand Guidelines](https://example.com/brand) or with our written consent.", Editorial, ReasonPunctuation},
		{"pointer replaced by a link to another page",
			"No problem. Head [here](https://example.com/settings), to change your choices.",
			"No problem. Head to the [settings page of the app](https://example.com/ads), to change your choices.", Substantive, ""},
		{"words added beside the pointer",
			"Please read our Privacy Policy [here](https://example.com/privacy).",
			"Please read our Privacy Policy and our list of partners [here](https://example.com/privacy).", Substantive, ""},
		{"recipients renamed in the link's new text",
			"We share data with partners [here](https://example.com/partners).",
			"We share data with [advertisers](https://example.com/partners).", Substantive, ""},
		{"negation added before the reworded link",
			"You can opt out [here](https://example.com/optout).",
			"You cannot opt out at the [opt-out page](https://example.com/optout).", Substantive, ""},
		{"a title that was no pointer reworded",
			"Use our marks only as permitted by our [Acme Guidelines](https://example.com/brand) or with our written consent.",
			"Use our marks only as permitted by our [Acme Reseller Agreement](https://example.com/brand) or with our written consent.", Substantive, ""},

		// The screen-reader hint a site sets at the end of a link's text
		// says how the link opens, not what the clause says; words added
		// beside it still count.
		{"name made a link with a new-window hint",
			"If you live in Canada, you also agree to the Example.ca Seller Agreement.",
			"If you live in Canada, you also agree to the [Example.ca Seller Agreement - opens in new window or tab](https://www.example.ca/seller-agreement).", Editorial, ReasonPunctuation},
		{"name made a link with a hint in parentheses",
			"Read the Seller Agreement first.",
			"Read the [Seller Agreement (opens in a new tab)](https://www.example.ca/seller-agreement) first.", Editorial, ReasonPunctuation},
		{"words added to a link beside its new-window hint",
			"Read the [Seller Agreement](https://www.example.ca/seller-agreement) first.",
			"Read the [Seller Agreement and Fee Schedule - opens in new window](https://www.example.ca/seller-agreement) first.", Substantive, ""},
		{"sentence about windows, no link",
			"The help page opens in the same window.",
			"The help page opens in a new window or tab.", Substantive, ""},

		// A platform called by its site's domain is the same platform;
		// another site, or words beside the domain, are not.
		{"platform named by its domain",
			"Shops listed on Examplo are ranked daily. Examplo may close a shop.",
			"Shops listed on Examplo.de are ranked daily. Examplo.de may close a shop.", Editorial, ReasonRename},
		{"platform replaced by another site",
			"Shops listed on Examplo are ranked daily.",
			"Shops listed on Otherly.de are ranked daily.", Substantive, ""},
		{"platform named by its domain with words added",
			"Shops listed on Examplo are ranked daily.",
			"Shops listed on Examplo.de and partners are ranked daily.", Substantive, ""},

		// Contact details.
		// "E-mail address" and "Phone number" name kinds of data as often
		// as they introduce contact details: a data kind added beside them
		// is a new practice, not a changed detail.
		{"data kind added to a list after contact labels",
			"We collect:\n\n- E-mail address\n- Phone number\n\nWe use them to run the service.",
			"We collect:\n\n- E-mail address\n- Phone number\n- Photos\n\nWe use them to run the service.", Substantive, ""},
		{"data kind added in a sentence with contact labels", "We collect your Email Address and Phone Number.",
			"We collect your Email Address, Phone Number and Location.", Substantive, ""},
		{"data kind added after a contact label in lower case", "We collect your email address to run the service.",
			"We collect your email address and phone number to run the service.", Substantive, ""},
		{"contact person renamed beside an address", "Write to our Data Protection Officer, Jane Doe, at 42 Mill Street, Dublin.",
			"Write to our Data Protection Officer, John Roe, at 42 Mill Street, Dublin.", Editorial, ReasonContact},
		{"protected e-mail saved differently",
			"Write to [\\[email protected\\]](https://example.org/cdn-cgi/l/email-protection#a1b2) to cancel.",
			"Write to [AR\\[email protected\\]example.org](https://example.org/cdn-cgi/l/email-protection#a1b2) to cancel.", Editorial, ReasonContact},
		{"protected e-mail shown in clear",
			"Write to [\\[email protected\\]](https://example.org/cdn-cgi/l/email-protection#a1b2) to cancel.",
			"Write to [help@example.org](mailto:help@example.org) to cancel.", Editorial, ReasonContact},
		{"placeholder of a protected e-mail linked elsewhere",
			"Send your request to [\\[email protected\\]](https://example.org/legal/help@example.org).",
			"Send your request to [help@example.org](mailto:help@example.org).", Editorial, ReasonContact},
		{"protected e-mail replaced by a request form",
			"Send your request to [\\[email protected\\]](https://example.org/legal/help@example.org).",
			"Send your request to our partner for review.", Substantive, ""},
		{"quoted postal address moved",
			"Write to us:\n\n> Data Protection Officer\n> Example Services Limited\n> Riverside Business Centre\n> 42 Mill Street\n> Dublin 2, D02 X123\n> Ireland",
			"Write to us:\n\n> Data Protection Officer\n> Example Services Limited\n> 7 Harbour Road Upper\n> Dublin 2\n> Dublin\n> D02 Y456\n> Ireland", Editorial, ReasonContact},
		// A passage found elsewhere in the document is a copy; a clause
		// spliced into a sentence widens or narrows that sentence however
		// often the document says it elsewhere.
		{"clause found elsewhere added inside a sentence",
			"## Videos\n\nWe may keep videos with news value.\n\n## Posts\n\nWe may keep posts with news value, including content that is in the public interest.\n\n## Photos\n\nWe may keep photos with news value, including content that is in the public interest.",
			"## Videos\n\nWe may keep videos with news value, including content that is in the public interest.\n\n## Posts\n\nWe may keep posts with news value, including content that is in the public interest.\n\n## Photos\n\nWe may keep photos with news value, including content that is in the public interest.",
			Substantive, ""},
		{"sentence found elsewhere added after a sentence",
			"## Videos\n\nWe may keep videos with news value.\n\n## Posts\n\nWe may keep posts with news value. Content that is in the public interest may stay up.",
			"## Videos\n\nWe may keep videos with news value. Content that is in the public interest may stay up.\n\n## Posts\n\nWe may keep posts with news value. Content that is in the public interest may stay up.",
			Editorial, ReasonDuplicate},
		{"link moved within a list the page shows twice",
			"## Help\n\n[Report a post on Example](https://example.com/h/1)\n[Report an ad for copyright infringement on Example](https://example.com/h/2)\n[Report a profile on Example](https://example.com/h/3)\n\n## More help\n\n[Report a post on Example](https://example.com/h/1)\n[Report an ad for copyright infringement on Example](https://example.com/h/2)\n[Report a profile on Example](https://example.com/h/3)",
			"## Help\n\n[Report a post on Example](https://example.com/h/1)\n[Report a profile on Example](https://example.com/h/3)\n\n## More help\n\n[Report a post on Example](https://example.com/h/1)\n[Report an ad for copyright infringement on Example](https://example.com/h/2)\n[Report a profile on Example](https://example.com/h/3)",
			Editorial, ReasonDuplicate},
		{"related article moved down its list",
			"## Related articles\n\n[Report a post](https://example.com/h/1)\n[What is a trademark](https://example.com/h/2)\n[Report a profile](https://example.com/h/3)\n[Appeal a decision](https://example.com/h/4)",
			"## Related articles\n\n[Report a post](https://example.com/h/1)\n[Report a profile](https://example.com/h/3)\n[What is a trademark](https://example.com/h/2)\n[Appeal a decision](https://example.com/h/4)",
			Editorial, ReasonPunctuation},
		{"partner moved from a sentence to another",
			"## Sharing\n\nWe share your data with [Mailer](https://mailer.example.net/) [Tracker](https://tracker.example.org/) and never with [Adnet](https://adnet.example.com/) [Broker](https://broker.example.com/)",
			"## Sharing\n\nWe share your data with [Mailer](https://mailer.example.net/) [Adnet](https://adnet.example.com/) and never with [Tracker](https://tracker.example.org/) [Broker](https://broker.example.com/)",
			Substantive, ""},
		{"link moved out of a sentence",
			"## Sharing\n\nWe share your data with: [Mailer](https://mailer.example.net/)\n\nWe never share it with: [Broker](https://broker.example.com/)",
			"## Sharing\n\nWe share your data with: [Broker](https://broker.example.com/)\n\nWe never share it with: [Mailer](https://mailer.example.net/)",
			Substantive, ""},
		// A company renamed, and a company replaced by another the
		// document already named.
		{"seller renamed",
			"Example Play is run by Example LLC.\n\nApps are sold by Example Digital Inc. Refunds for apps sold by Example Digital Inc. follow its terms.",
			"Example Play is run by Example LLC.\n\nApps are sold by Example Media Inc. Refunds for apps sold by Example Media Inc. follow its terms.",
			Editorial, ReasonRename},
		{"seller replaced by a company already named",
			"Example Play is run by Example LLC.\n\nApps are sold by Example Digital Inc. Refunds for apps sold by Example Digital Inc. follow its terms.",
			"Example Play is run by Example LLC.\n\nApps are sold by Example LLC. Refunds for apps sold by Example LLC follow its terms.",
			Substantive, ""},
		// A programme renamed in every place, written in capitals in some
		// and after an elided French article in others; the same edit
		// where the old name stays in one place, a processor replaced in
		// one clause, or a new processor named.
		{"programme renamed in capitals and title case",
			"Members of **LOOPY PLUS**, earn points. The Loopy Plus points expire. Si vous êtes membre d'LOOPY PLUS, écrivez-nous.",
			"Members of **LOOPY CLUB**, earn points. The Loopy Club points expire. Si vous êtes membre d'LOOPY CLUB, écrivez-nous.",
			Editorial, ReasonRename},
		{"programme renamed in some places only",
			"Members of **LOOPY PLUS**, earn points. The Loopy Plus points expire. Si vous êtes membre d'LOOPY PLUS, écrivez-nous.",
			"Members of **LOOPY CLUB**, earn points. The Loopy Club points expire. Si vous êtes membre d'LOOPY PLUS, écrivez-nous.",
			Substantive, ""},
		{"processor replaced in one clause",
			"Brightpath Mail sends our e-mails. Brightpath Mail stores your address.",
			"Brightpath Mail sends our e-mails. Cobalt Mailers stores your address.",
			Substantive, ""},
		{"new processor named",
			"Brightpath Mail sends our e-mails. Brightpath Mail stores your address.",
			"Brightpath Mail sends our e-mails. Brightpath Mail and Cobalt Ads store your address.",
			Substantive, ""},
		// A company that took another legal form, and a clause moved to
		// another company of the group the document named already.
		{"legal form of a company changed",
			"Apps are sold by Example Play, Inc. in Canada.\n\nRefunds follow the terms of Example.",
			"Apps are sold by Example Play ULC in Canada.\n\nRefunds follow the terms of Example.",
			Editorial, ReasonRename},
		{"legal form of a company named by its address changed",
			"Apps are sold by Example.ca, Inc. in Canada.\n\nRefunds follow the terms of Example.",
			"Apps are sold by Example.ca ULC, in Canada.\n\nRefunds follow the terms of Example.",
			Editorial, ReasonRename},
		{"seller named by its address moved to a group company",
			"Apps are sold by Example.ca, Inc. in Canada.\n\nExample.ca LLC runs the store.",
			"Apps are sold by Example.ca LLC in Canada.\n\nExample.ca LLC runs the store.",
			Substantive, ""},
		{"seller moved to a group company of another legal form",
			"Apps are sold by Example Play Inc. in Canada.\n\nExample Play LLC runs the store.",
			"Apps are sold by Example Play LLC in Canada.\n\nExample Play LLC runs the store.",
			Substantive, ""},
		// A word renamed inside a longer name in every place, though the
		// word alone is common ("our community"): judged on the whole name.
		{"document renamed inside its name",
			"Follow the [Community Guidelines](https://example.com/community). Our community reports posts.\n\n## Compliance with Community Guidelines\n\nBreaking the Community Guidelines ends your account.",
			"Follow the [User Guidelines](https://example.com/user-guidelines). Our community reports posts.\n\n## Compliance with User Guidelines\n\nBreaking the User Guidelines ends your account.",
			Editorial, ReasonRename},
		{"document replaced inside its name in one place only",
			"Follow the [Community Guidelines](https://example.com/community). Our community reports posts.\n\nBreaking the Community Guidelines ends your account.",
			"Follow the [Community Guidelines](https://example.com/community). Our community reports posts.\n\nBreaking the Seller Guidelines ends your account.",
			Substantive, ""},
		{"document replaced by one already named",
			"Follow the Community Guidelines and the Seller Guidelines. Our community reports posts.\n\nBreaking the Community Guidelines ends your account.",
			"Follow the Seller Guidelines and the Seller Guidelines. Our community reports posts.\n\nBreaking the Seller Guidelines ends your account.",
			Substantive, ""},
		// A law renamed: its name written out with the abbreviation after
		// it, and the abbreviation renamed in every place.
		{"law renamed with its abbreviation",
			"Our duties under the Telemedia Act (TMA) apply.\n\nWe report to the TMA authority. The TMA gives you rights.",
			"Our duties under the Digital Services Law (DSL) apply.\n\nWe report to the DSL authority. The DSL gives you rights.",
			Editorial, ReasonRename},
		{"law replaced while its abbreviation stays elsewhere",
			"Our duties under the Telemedia Act (TMA) apply.\n\nWe report to the TMA authority. The TMA gives you rights.",
			"Our duties under the Digital Markets Law (DML) apply.\n\nWe report to the TMA authority. The TMA gives you rights.",
			Substantive, ""},
		{"law named once replaced by another",
			"Our duties under the Telemedia Act (TMA) apply.\n\nWe report to the authority.",
			"Our duties under the Digital Markets Law (DML) apply.\n\nWe report to the authority.",
			Substantive, ""},
		{"date of effect moved in every place",
			"As of 1 February 2026, clause 1 reads: refunds take 2 days. As of 1 February 2026, fees are shown first.",
			"As of 2 February 2026, clause 1 reads: refunds take 2 days. As of 2 February 2026, fees are shown first.",
			Substantive, ""},
		// A date moved in every sentence that states it is no rename of a
		// name or a figure, and a date in figures is no phone number; a
		// number with no month beside it is left to the other rules.
		{"month of effect moved in every place",
			"From 1 February 2026, refunds take 2 days. From 1 February 2026, fees are shown first.",
			"From 1 March 2026, refunds take 2 days. From 1 March 2026, fees are shown first.",
			Substantive, ""},
		{"year of effect moved in every place",
			"From 1 February 2026, refunds take 2 days. From 1 February 2026, fees are shown first.",
			"From 1 February 2027, refunds take 2 days. From 1 February 2027, fees are shown first.",
			Substantive, ""},
		{"day of effect moved in every place, month first",
			"From February 1st, refunds take 2 days. From February 1st, fees are shown first.",
			"From February 9th, refunds take 2 days. From February 9th, fees are shown first.",
			Substantive, ""},
		{"date in figures moved in every place",
			"From 2026-02-01, refunds take 2 days. From 2026-02-01, fees are shown first.",
			"From 2026-03-01, refunds take 2 days. From 2026-03-01, fees are shown first.",
			Substantive, ""},
		{"dated terms named by another month in every place",
			"The February 2026 terms apply. Refunds take 2 days. Read the February 2026 terms.",
			"The March 2026 terms apply. Refunds take 2 days. Read the March 2026 terms.",
			Substantive, ""},
		// List letters turned into numbers, each on a line of its own after
		// an item with no closing punctuation; an item reworded as well
		// stays a change.
		{"list letters numbered",
			"Do not:\n\n    a. Sell fake tickets\n    b. Post spam\n    c. Share other people's passwords\n\nWe may remove posts.",
			"Do not:\n    1. Sell fake tickets\n    2. Post spam\n    3. Share other people's passwords\n\nWe may remove posts.",
			Editorial, ReasonPunctuation},
		{"list letters in brackets numbered",
			"You may not (a) resell the service (b) copy the app (c) scrape profiles.",
			"You may not (1) resell the service (2) copy the app (3) scrape profiles.",
			Editorial, ReasonPunctuation},
		{"list letters numbered with an item reworded",
			"Do not:\n\n    a. Sell fake tickets\n    b. Post spam\n\nWe may remove posts.",
			"Do not:\n    1. Sell fake tickets\n    2. Post ads\n\nWe may remove posts.",
			Substantive, ""},
		// A company's name written in full where it stood shortened, once:
		// the same company. A name the document already used, a place
		// added (another company of the group) or words added before a
		// word that is no legal form stay changes.
		{"brand added before a shortened company name",
			"Lumen collects little. This notice tells how your data is handled at Atlas Inc. and who sees it.",
			"Lumen collects little. This notice tells how your data is handled at Lumen Atlas Inc. and who sees it.",
			Editorial, ReasonRename},
		{"place and legal form completed to the name used in the address",
			"Your data is handled at USA Inc. Write to Lumen USA Inc., 12 Mill Street, Springfield, IL 62701.",
			"Your data is handled at Lumen USA Inc. Write to Lumen USA Inc., 12 Mill Street, Springfield, IL 62701.",
			Editorial, ReasonRename},
		{"word added inside a company name before its legal form",
			"By \"Lumen\" we mean Lumen, PBC. Lumen runs the app.",
			"By \"Lumen\" we mean Lumen Works, PBC. Lumen runs the app.",
			Editorial, ReasonRename},
		{"place added to a company name",
			"By \"Lumen\" we mean Lumen, Inc. Lumen runs the app.",
			"By \"Lumen\" we mean Lumen Ireland, Inc. Lumen runs the app.",
			Substantive, ""},
		{"company name completed to one already named",
			"Lumen Works Ltd hosts the app. The app is run by Lumen Ltd and it keeps your data.",
			"Lumen Works Ltd hosts the app. The app is run by Lumen Works Ltd and it keeps your data.",
			Substantive, ""},
		{"partner added before a name that is no company",
			"We share your data with Atlas Analytics for audits.",
			"We share your data with Orbit Atlas Analytics for audits.",
			Substantive, ""},
		// A US address is known by its state and ZIP code, with no street
		// word ("770 Broadway").
		{"US address of the contracting company moved",
			"The provider is Example Inc. (Address: 22000 Example Way, Dulles, VA 20166). Adults only.",
			"The provider is Example Inc. (Address: 770 Broadway, New York, NY 10003, USA). Adults only.", Editorial, ReasonContact},
		{"period beside a US address",
			"Send claims within 30 days to 770 Broadway, New York, NY 10003.",
			"Send claims within 60 days to 770 Broadway, New York, NY 10003.", Substantive, ""},
		{"number beside a US address",
			"File 2 claims at 770 Broadway, New York, NY 10003.",
			"File 5 claims at 770 Broadway, New York, NY 10003.", Substantive, ""},
		// The author credited for a help article.
		{"author of an article replaced", "# Host rules\n\nWritten by Jane Doe\n\nHosts must confirm bookings within a day.",
			"# Host rules\n\nWritten by Marie Roe\n\nHosts must confirm bookings within a day.", Editorial, ReasonContact},
		{"author label with a name", "# Host rules\n\nAuthor: Jane Doe\n\nHosts must confirm bookings within a day.",
			"# Host rules\n\nAuthor: Marie Roe\n\nHosts must confirm bookings within a day.", Editorial, ReasonContact},
		{"party named after by", "# Host rules\n\nBookings are handled by Example Travel\n\nHosts must confirm bookings within a day.",
			"# Host rules\n\nBookings are handled by Other Travel\n\nHosts must confirm bookings within a day.", Substantive, ""},
		{"approval credited to a body", "# Host rules\n\nApproved by Example Board\n\nHosts must confirm bookings within a day.",
			"# Host rules\n\nApproved by Other Board\n\nHosts must confirm bookings within a day.", Substantive, ""},
		// A privacy or cookie document called by another of its names.
		{"privacy policy called a notice", "Read our [Privacy Policy](https://example.com/privacy) and the FAQ.",
			"Read our [Privacy Notice](https://example.com/privacy) and the FAQ.", Editorial, ReasonRename},
		{"cookie policy called a statement", "Our Cookie Policy lists the cookies we set.",
			"Our Cookie Statement lists the cookies we set.", Editorial, ReasonRename},
		{"privacy policy replaced by settings", "Read our Privacy Policy to choose what we share.",
			"Read our Privacy Settings to choose what we share.", Substantive, ""},
		{"another policy called a notice", "Our Refund Policy applies to all orders.",
			"Our Refund Notice applies to all orders.", Substantive, ""},
		// A word shortened with a full stop, as references to laws are.
		{"article abbreviated", "You may withdraw consent (article 7, paragraph 3, GDPR).",
			"You may withdraw consent (art. 7, para. 3, GDPR).", Editorial, ReasonSpelling},
		{"German paragraph abbreviated", "Die Rechtsgrundlage ist Artikel 6 Absatz 1 DSGVO.",
			"Die Rechtsgrundlage ist Art. 6 Abs. 1 DSGVO.", Editorial, ReasonSpelling},
		{"article of another law", "You may withdraw consent (article 7 GDPR).",
			"You may withdraw consent (article 8 GDPR).", Substantive, ""},
		{"shorter word without a full stop", "We keep the records of your account.",
			"We keep the rec of your account.", Substantive, ""},
		{"abbreviation of a bounding word", "We keep it for a minimum of one year.",
			"We keep it for a min. of one year.", Editorial, ReasonSpelling},
		{"U.S. spelled out in a title", "# Example | U.S. | Terms of Use\n\nAdults only.", "# Example | United States | Terms of Use\n\nAdults only.", Editorial, ""},
		{"country changed in a title", "# Example | U.S. | Terms of Use\n\nAdults only.", "# Example | Canada | Terms of Use\n\nAdults only.", Substantive, ""},
		{"close button label added", "## Your activity\n\nWe record visits.", "## Your activity\n\n_close_\n\nWe record visits.", Editorial, ""},
		{"download button added after the text", "## Your data\n\nWe keep a copy of your orders.", "## Your data\n\nWe keep a copy of your orders.\n\n[Download](https://example.org/terms.pdf)", Editorial, ""},
		{"download button added in French", "## Vos données\n\nNous gardons une copie de vos commandes.", "## Vos données\n\nNous gardons une copie de vos commandes.\n\n[Télécharger PDF](https://example.org/cgu.pdf)", Editorial, ""},
		{"download right added", "## Your data\n\nWe keep a copy of your orders.", "## Your data\n\nWe keep a copy of your orders.\n\n[Download your data](https://example.org/export)", Substantive, ""},
		{"download added inside a sentence", "## Your data\n\nYou can view your orders.", "## Your data\n\nYou can view and download your orders.", Substantive, ""},
		{"warning added", "## Your activity\n\nWe record visits.", "## Your activity\n\n_Closed accounts are kept._\n\nWe record visits.", Substantive, ""},
		{"quoted lines with a new duty", "Write to us:\n\n> Example Services Limited\n> Riverside Business Centre\n> 42 Mill Street",
			"Write to us:\n\n> Example Services Limited\n> Fees apply to every request\n> 7 Harbour Road", Substantive, ""},
		{"EU spelled as another region", "Users in the EU may object.", "Users in the European Economic Area may object.", Substantive, ""},
		{"close added inside a sentence", "You can ask us to your account.", "You can ask us to close your account.", Substantive, ""},
		{"close button after a list item", "## Your files\n\n* maps you save\n* trips you share with us\n\nWe record visits.",
			"## Your files\n\n* maps you save\n* trips you share with us\n\n_close_\n\nWe record visits.", Editorial, ReasonPunctuation},
		{"close added to a list item", "## Your files\n\n* maps you save\n* trips you share with us\n\nWe record visits.",
			"## Your files\n\n* maps you save\n* trips you share with us close\n\nWe record visits.", Substantive, ""},
		{"item added after a list item", "## Your files\n\n* maps you save\n* trips you share with us\n\nWe record visits.",
			"## Your files\n\n* maps you save\n* trips you share with us\n* photos\n\nWe record visits.", Substantive, ""},
		// A promotion after the document's text: a title, a sentence and
		// a link to sign up.
		{"promotion added after the text", "## Cookies\n\nWe use cookies to keep you signed in.",
			"## Cookies\n\nWe use cookies to keep you signed in.\n\nHow it works\n\nFinding someone has never been easier with the new Example.\n\n[Start free today](https://www.example.com/profile/registration/?itm=cta)", Editorial, ReasonPunctuation},
		{"a question over a sign-up link", "## Cookies\n\nWe use cookies to keep you signed in.",
			"## Cookies\n\nWe use cookies to keep you signed in.\n\nNew here?\n\n[Join now](https://www.example.com/join)", Substantive, ""},
		{"promotion title and sign-up link", "## Cookies\n\nWe use cookies to keep you signed in.",
			"## Cookies\n\nWe use cookies to keep you signed in.\n\n**Meet someone**\n\n[Join now](https://www.example.com/join)", Editorial, ReasonPunctuation},
		{"promotion added and the text changed", "## Cookies\n\nWe use cookies to keep you signed in.",
			"## Cookies\n\nWe use cookies to show you ads.\n\nHow it works\n\nFinding someone has never been easier with the new Example.\n\n[Start free today](https://www.example.com/profile/registration/?itm=cta)", Substantive, ""},
		{"two sentences before a sign-up link", "## Cookies\n\nWe use cookies to keep you signed in.",
			"## Cookies\n\nWe use cookies to keep you signed in.\n\nHow it works\n\nMembers agree to be profiled. We share profiles with partners.\n\n[Start free today](https://www.example.com/registration)", Substantive, ""},
		{"section ending with a link that is not a sign-up", "## Cookies\n\nWe use cookies to keep you signed in.",
			"## Cookies\n\nWe use cookies to keep you signed in.\n\nAdvertising\n\nWe show ads based on your activity.\n\n[Learn more](https://www.example.com/ads)", Substantive, ""},
		{"promotion in the middle of the text", "## Cookies\n\nWe use cookies to keep you signed in.\n\n## Ads\n\nWe show no ads.",
			"## Cookies\n\nWe use cookies to keep you signed in.\n\nHow it works\n\nWe sell your data to advertisers.\n\n[Start free today](https://www.example.com/registration)\n\n## Ads\n\nWe show no ads.", Substantive, ""},

		{"promotion removed and help suggestions rotated",
			helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules.") +
				"\nHow it works\n\nFinding someone has never been easier with the new Example.\n\n[Start free today](https://www.example.com/profile/registration/?itm=cta)\n",
			helpPage("Why was my post removed?\n\nCheck my report status\n\nI have a different question", "You can report posts that break the rules."), Editorial, ReasonPunctuation},
		{"promotion removed, help suggestions rotated and the text changed",
			helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules.") +
				"\nHow it works\n\nFinding someone has never been easier with the new Example.\n\n[Start free today](https://www.example.com/profile/registration/?itm=cta)\n",
			strings.Replace(helpPage("Why was my post removed?\n\nCheck my report status\n\nI have a different question", "You can report posts that break the rules."), "thirty", "ten", 1), Substantive, ""},

		// The heading of a page's summary box reworded.
		{"summary heading reworded", "## Fees\n\nAI-generated Key Takeaways\n--------------------------\n\n*   Fees are shown before you pay.\n\n## Refunds\n\nRefunds take five days.",
			"## Fees\n\nPage Summary\n------------\n\n*   Fees are shown before you pay.\n\n## Refunds\n\nRefunds take five days.", Editorial, ReasonRename},
		{"summary heading made a heading of risks", "## Fees\n\nKey Takeaways\n-------------\n\n*   Fees are shown before you pay.\n\n## Refunds\n\nRefunds take five days.",
			"## Fees\n\nKey Risks\n---------\n\n*   Fees are shown before you pay.\n\n## Refunds\n\nRefunds take five days.", Substantive, ""},
		{"summary heading narrowed to a country", "## Fees\n\nPage Summary\n------------\n\n*   Fees are shown before you pay.\n\n## Refunds\n\nRefunds take five days.",
			"## Fees\n\nSummary for Germany\n-------------------\n\n*   Fees are shown before you pay.\n\n## Refunds\n\nRefunds take five days.", Substantive, ""},

		// A notice that the page is shown in another language.
		{"language notice added", "## Brands\n\n_language_ English - United States\n\nUse our marks as shown.",
			"## Brands\n\n_language_ English - United States\n\n_language_\n\nThe content you are trying to view is not available for your preferred market language. You are now seeing content for **_English - United States_**.\n\nUse our marks as shown.", Editorial, ReasonPunctuation},
		{"language notice saying what applies", "## Brands\n\nUse our marks as shown.",
			"## Brands\n\nThe content you are trying to view is not available for your preferred market language. Other terms apply in your country.\n\nUse our marks as shown.", Substantive, ""},
		{"language notice added and the text changed", "## Brands\n\nUse our marks as shown.",
			"## Brands\n\nThe content you are trying to view is not available in your language.\n\nDo not use our marks.", Substantive, ""},

		// Contractions.
		{"future written with a contraction", "If you break these rules, we will close your account.",
			"If you break these rules, we'll close your account.", Editorial, ReasonSpelling},
		{"negation written with a contraction", "You do not need an account to read the rules.",
			"You don’t need an account to read the rules.", Editorial, ReasonSpelling},
		{"cannot written can't", "You cannot transfer your account.", "You can't transfer your account.", Editorial, ReasonSpelling},
		{"negation added as a contraction", "You do need an account to read the rules.",
			"You don't need an account to read the rules.", Substantive, ""},
		{"another party with a contraction", "If you break these rules, we will close your account.",
			"If you break these rules, they'll close your account.", Substantive, ""},
		{"contraction of another verb", "If you break these rules, we will close your account.",
			"If you break these rules, we've closed your account.", Substantive, ""},
		// A link whose target holds parentheses.
		{"link target with parentheses replaced", "Example is part of the [Example Group](d:/Files/Clients%20(HD)/Example/0655-17%20General%20Advice/Privacy%20Notice/NOLINKYET).",
			"Example is part of the [Example Group](https://example.com/).", Editorial, ReasonPunctuation},
		{"link with parentheses renamed", "Example is part of the [Example Group](d:/Files/Clients%20(HD)/Example/0655-17%20General%20Advice/Privacy%20Notice/NOLINKYET).",
			"Example is part of the [Sample Holdings](https://example.com/).", Substantive, ""},
		{"general address added in German", "Hilfe findest du auf unseren Hilfe-Seiten.",
			"Hilfe findest du auf unseren Hilfe-Seiten. Unsere allgemeine E-Mail-Adresse lautet kontakt(at)beispiel.de.", Editorial, ReasonContact},
		{"objection right added in German", "Hilfe findest du auf unseren Hilfe-Seiten.",
			"Hilfe findest du auf unseren Hilfe-Seiten. Sie können der Verarbeitung unter kontakt(at)beispiel.de widersprechen.", Substantive, ""},
		{"address added in French", "Pour toute question, vous pouvez nous écrire.",
			"Pour toute question, vous pouvez nous écrire. Vous pouvez nous écrire à l'adresse suivante : dpo@exemple.fr.", Editorial, ReasonContact},
		{"registered address moved to an Old street", "Its registered address is at c/o Example & Partners LLP, 22 Bishopsgate, London EC2N 4BQ.",
			"Its registered address is at 27 Old Gloucester Street, London WC1N 3AX.", Editorial, ReasonContact},
		{"registered address rewritten after its c/o line", "Its registered address is at C/O Example 40 Bank Street, Canary Wharf, London, E14 5AB.",
			"Its registered address is at c/o Example, Smith, Jones & Partners (UK) LLP, 22 Bishopsgate, London, EC2N 4BQ.", Editorial, ReasonContact},
		{"address replaced by a partner after its c/o line", "Its registered address is at C/O Example 40 Bank Street, Canary Wharf, London, E14 5AB.",
			"Its registered address is at c/o Example, which may share your data with Acme Brokers, London, EC2N 4BQ.", Substantive, ""},
		{"age written in title case", "Members must be 18 Years Old. Write to 22 Bishopsgate Street, London.",
			"Members must be 16 Years Old. Write to 22 Bishopsgate Street, London.", Substantive, ""},
		{"postal channel words dropped in French", "Vous devez nous notifier par voie postale : Exemple SAS, 12 rue de la Paix, 75002 Paris.",
			"Vous devez nous notifier : Exemple SAS, 12 rue de la Paix, 75002 Paris.", Editorial, ReasonContact},
		{"Dutch office address replaced in French", "Exemple B.V., ayant ses bureaux à Zeilmakerslaan 8, 2011 BX Haarlem (Pays-Bas), édite le service.",
			"Exemple B.V., ayant ses bureaux à Meeuwenpad 112, 3013 AK Rotterdam (Pays-Bas), édite le service.", Editorial, ReasonContact},
		{"Dutch office address beside a changed period", "Exemple B.V., Zeilmakerslaan 8, 2011 BX Haarlem, conserve vos données 3 ans.",
			"Exemple B.V., Zeilmakerslaan 8, 2011 BX Haarlem, conserve vos données 5 ans.", Substantive, ""},
		{"share capital changed in French", "Exemple SAS au capital de 10 000 € dont le siège est situé 12 rue de la Paix, 75002 Paris, vend les produits.",
			"Exemple SAS au capital de 25 000 € dont le siège est situé 12 rue de la Paix, 75002 Paris, vend les produits.", Editorial, ReasonContact},
		{"amount changed without a capital", "Les commandes passées chez Exemple SAS sont limitées à 10 000 € dont la livraison.",
			"Les commandes passées chez Exemple SAS sont limitées à 25 000 € dont la livraison.", Substantive, ""},
		{"VAT number changed in French", "Exemple SAS, numéro de TVA FR12123456789 (« la Société »), vend les produits.",
			"Exemple SAS, numéro de TVA FR98765432101 (« la Société »), vend les produits.", Editorial, ReasonContact},
		{"legal form changed in French", "L'enseigne Exemple SASU au capital de 10 000 € vend les produits.",
			"L'enseigne EXEMPLE SAS au capital de 10 000 € vend les produits.", Editorial, ""},
		{"partner renamed after a year and an abbreviation", "Under the 2024 EU Rules Acme Analytics receives your data.",
			"Under the 2024 EU Rules Brightside Media receives your data.", Substantive, ""},
		{"seller replaced beside a legal form", "L'enseigne Exemple SASU au capital de 10 000 € vend les produits.",
			"L'enseigne Exemple SASU au capital de 10 000 € loue les produits.", Substantive, ""},
		{"privacy notice called a policy in French", "Pour en savoir plus, consultez notre Avis de confidentialité avant de vous inscrire.",
			"Pour en savoir plus, consultez notre Politique de confidentialité avant de vous inscrire.", Editorial, ReasonRename},
		{"privacy notice renamed with its case in French", "Consultez la section [3. Avis de confidentialité](#3-vie-privee) des présentes conditions.",
			"Consultez la section [3. Politique de Confidentialité](#3-vie-privee) des présentes conditions.", Editorial, ReasonRename},
		{"privacy notice replaced by a refund policy in French", "Pour en savoir plus, consultez notre Avis de confidentialité avant de vous inscrire.",
			"Pour en savoir plus, consultez notre Politique de remboursement avant de vous inscrire.", Substantive, ""},
		{"notice of a change becomes a policy in French", "Nous publions un avis de modification avant chaque changement de tarif.",
			"Nous publions une politique de modification avant chaque changement de tarif.", Substantive, ""},
		{"contact page replaced by an address", "For questions, please [contact us](https://example.org/support).",
			"For questions, please contact us directly via [help@example.org](mailto:help@example.org).", Editorial, ReasonContact},
		{"officer title renamed in French", "**Par la poste :**\n\nAgent de protection des données\n\nExemple SAS  \n12 rue de la Paix Paris",
			"**Par la poste :**\n\nDélégué à la protection des données\n\nExemple SAS  \n12 rue de la Paix Paris", Editorial, ReasonContact},
		{"legal representative replaced", "The company is represented by its CEO, Mr. John Smith.",
			"The company is represented by its CEO, Ms Jane Doe.", Editorial, ReasonContact},
		{"places added next to an address sentence", "In Brazil, write to dpo@example.org. If you live in Texas or Oregon, you may appeal.",
			"In Brazil, write to dpo@example.org. If you live in Ohio, Utah, Texas or Oregon, you may appeal.", Substantive, ""},
		{"representative becomes a partner", "The company is represented by its CEO, Mr. John Smith.",
			"The company is represented by Acme Brokers.", Substantive, ""},
		// A question about what the document already says, leading to
		// contact details, adds a way to ask, not a practice.
		{"question to the data protection officer added",
			"We use your data to run the service and keep it for a year.",
			"We use your data to run the service and keep it for a year. If you have any specific questions about how we use or keep your data, you can write to our Data Protection Officer at Example Ltd, 42 Mill Street, Dublin 2, D02 X123, [dpo@example.org](mailto:dpo@example.org).",
			Editorial, ReasonContact},
		{"question about a practice the document never named",
			"We use your data to run the service and keep it for a year.",
			"We use your data to run the service and keep it for a year. If you have any questions about selling your data, you can write to our Data Protection Officer at [dpo@example.org](mailto:dpo@example.org).",
			Substantive, ""},
		{"question followed by a right",
			"We use your data to run the service and keep it for a year.",
			"We use your data to run the service and keep it for a year. If you have questions about how we use your data, you may object at [dpo@example.org](mailto:dpo@example.org).",
			Substantive, ""},
		{"designated agent's address added next to a form",
			"To report a claim, use our [form](https://example.com/form).",
			"To report a claim, use our [form](https://example.com/form) or write to our designated agent at: Example Copyright Agent, Example LLC, 1 Main Street, Springfield, CA 94025, Phone: (555) 555-0100, Email: agent@example.com.",
			Editorial, ReasonContact},
		{"agent given a practice beside an address", "Send notices to legal@example.com.",
			"Send notices to legal@example.com, where our designated agent may sell your data.", Substantive, ""},

		// Headings.
		{"page title bar reworded",
			"# Example Terms\n\nWelcome.\n\nExample | U.S. | Privacy Policy Addendum\n===\n\nWe keep data for a year.\n\nExample | U.S. | Cookie Policy\n===\n\nWe use cookies.",
			"# Example Terms\n\nWelcome.\n\nExample | United States | Addendum\n===\n\nWe keep data for a year.\n\nExample | United States | Cookies Policy\n===\n\nWe use cookies.",
			Editorial, ReasonRename},
		{"section title with one bar reworded",
			"# Example Terms\n\nWelcome.\n\n## Data | What we share\n\nWe work with partners.",
			"# Example Terms\n\nWelcome.\n\n## Data | What we sell\n\nWe work with partners.", Substantive, ""},
		{"page title bar of another site",
			"# Example Terms\n\nWelcome.\n\n## Example | U.S. | Privacy Policy\n\nWe keep data for a year.",
			"# Example Terms\n\nWelcome.\n\n## Acme | U.S. | Privacy Policy\n\nWe keep data for a year.", Substantive, ""},
		{"residents left out of a page title bar",
			"# Example Terms\n\nWelcome.\n\n## Example | U.S. | Privacy Policy for U.S. Residents\n\nWe keep data for a year.",
			"# Example Terms\n\nWelcome.\n\n## Example | U.S. | Privacy Policy\n\nWe keep data for a year.", Substantive, ""},
		{"page title bar kept over a changed text",
			"# Example Terms\n\nWelcome.\n\n## Example | U.S. | Privacy Policy\n\nWe keep data for a year.",
			"# Example Terms\n\nWelcome.\n\n## Example | United States | Privacy Policy\n\nWe keep data for ten years.", Substantive, ""},

		// How defined terms are set in type.
		{"capitalized dropped from the defined terms clause",
			"Capitalized terms used but not defined in these Terms have the meanings given in the Agreement.",
			"Terms used but not defined in these Terms have the meanings given in the Agreement.", Editorial, ReasonPunctuation},
		{"other words than capitalized dropped from the defined terms clause",
			"Capitalized terms used but not defined in these Terms have the meanings given in the Agreement.",
			"Terms used but not defined in these Terms have the meanings given in the Agreement or by law.", Substantive, ""},
		{"qualifier of terms dropped", "Key terms used in these Terms have the meanings given in the Agreement.",
			"Terms used in these Terms have the meanings given in the Agreement.", Substantive, ""},

		// Steps through a product's screens.
		{"gesture named differently in a step", "1. In your account, click the **Help** link at the top of the page.\n2. Describe the issue.",
			"1. In your account, select the **Help** link at the top of the page.\n2. Describe the issue.", Editorial, ReasonSpelling},
		{"gesture replaced by a request", "1. In your account, click the **Help** link at the top of the page.\n2. Describe the issue.",
			"1. In your account, ask us for the **Help** link at the top of the page.\n2. Describe the issue.", Substantive, ""},
		{"control renamed in a step", "1. Open **Settings**.\n2. In the **Privacy** tab, hover over **Downloads**.\n3. Click **See details**.",
			"1. Open **Settings**.\n2. In the **Privacy** tab, hover over **Exports**.\n3. Click **See details**.", Editorial, ReasonRename},
		{"setting switched in a step", "To share your location with friends, tap **Allow**.",
			"To share your location with friends, tap **Deny**.", Substantive, ""},
		{"emphasized term replaced outside a step", "Your **Content** stays yours and we use it to run the service.",
			"Your **Data** stays yours and we use it to run the service.", Substantive, ""},
		{"setting named by a word of meaning", "1. In the **Privacy** tab, select **Everyone can message you**.",
			"1. In the **Privacy** tab, select **Only friends can message you**.", Substantive, ""},

		// Links and Markdown.
		{"link shown by title instead of address", "Rules are available at [https://example.org/rules](https://example.org/rules).",
			"Rules are available at [Rules and Fees](https://example.org/rules).", Editorial, ReasonPunctuation},
		{"bare address given a title", "Rules are available at https://example.org/rules/ for review.",
			"Rules are available at [Rules and Fees](https://www.example.org/rules) for review.", Editorial, ReasonPunctuation},
		{"link to another page", "Rules are available at [https://example.org/rules](https://example.org/rules).",
			"Rules are available at [Fee Schedule](https://example.org/fees).", Substantive, ""},
		{"Markdown comment dropped", "Purchases made via iTunes \\[comment\\]: <> (typo in source) or the App Store are final.",
			"Purchases made via iTunes or the App Store are final.", Editorial, ""},
		{"page title removed", "# Privacy policy\n\nWe collect your e-mail address.", "We collect your e-mail address.", Editorial, ReasonPunctuation},
		{"heading reworded", "## Arbitration\n\nDisputes go to arbitration.", "## Optional arbitration\n\nDisputes go to arbitration.", Substantive, ""},

		// Grammar.
		{"demonstrative swapped", "We need a license to use this content.", "We need a license to use that content.", Editorial, ReasonSpelling},
		{"determiner becomes a quantity", "We need a license to use this content.", "We need a license to use all content.", Substantive, ""},
		{"French article corrected", "Les conditions en vigueur au moment de la conclusion du contrat.", "Les conditions en vigueur au moment de la conclusion de contrat.", Editorial, ReasonSpelling},
		// Accents: French written without them and corrected, and letters
		// that a wrong decoding replaced by "\ufffd".
		{"French accents restored", "## Vos donnees\n\nVos donnees a caractere personnel sont conservees en Europe.",
			"## Vos données\n\nVos données à caractère personnel sont conservées en Europe.", Editorial, ReasonSpelling},
		{"French question hyphenated and accented", "Vos donnees sont elles transferees hors de l'Union ?",
			"Vos données sont-elles transférées hors de l'Union ?", Editorial, ReasonSpelling},
		{"French accents restored beside a changed period", "Vos donnees sont conservees 3 ans.",
			"Vos données sont conservées 5 ans.", Substantive, ""},
		{"letters garbled by a wrong decoding", "Les frais li\ufffds \ufffd la r\ufffdservation sont rembours\ufffds.",
			"Les frais liés à la réservation sont remboursés.", Editorial, ReasonSpelling},
		{"garbled letters beside a negation", "Les frais li\ufffds \ufffd la r\ufffdservation sont rembours\ufffds.",
			"Les frais liés à la réservation ne sont pas remboursés.", Substantive, ""},
		{"garbled letter for a digit", "Les frais sont rembours\ufffds sous 3 jours.",
			"Les frais sont remboursés sous 30 jours.", Substantive, ""},
		{"letters garbled byte by byte", "Les frais ont \ufffd\ufffdt\ufffd\ufffd rembours\ufffds.",
			"Les frais ont été remboursés.", Editorial, ReasonSpelling},
		{"letters garbled byte by byte beside a changed period", "Les frais ont \ufffd\ufffdt\ufffd\ufffd rembours\ufffds sous 3 jours.",
			"Les frais ont été remboursés sous 30 jours.", Substantive, ""},
		{"verb agreement", "Our use of such information and documentation is governed by our notice.",
			"Our use of such information and documentation are governed by our notice.", Editorial, ReasonSpelling},
		{"relative that added", "This license applies to content you share.", "This license applies to content that you share.", Editorial, ReasonSpelling},
		{"inline enumerator renumbered", "We are not liable for (iii) outages, (iv) viruses.", "We are not liable for (iii) outages, (v) viruses.", Editorial, ReasonSpelling},
		{"paragraph numbers punctuated after the bracket", "## Updates\n\n(5.) You must install updates.\n\n(6.) Old devices may not work.",
			"## Updates\n\n(5). You must install updates.\n\n(6). Old devices may not work.", Editorial, ""},
		{"paragraph number and its duty changed", "## Updates\n\n(5.) You must install updates.\n\n(6.) Old devices may not work.",
			"## Updates\n\n(5). You may install updates.\n\n(6). Old devices may not work.", Substantive, ""},
		{"cross-reference changed", "As set out in Section 3(a), we may refuse.", "As set out in Section 3(b), we may refuse.", Substantive, ""},
		{"negation added", "This license applies to content you share.", "This license applies to content you do not share.", Substantive, ""},
		// In-page links whose anchor holds the heading's spaces.
		{"spaced anchor and its text changed", "See [How fees are set](#How fees are set) below.",
			"See [How fees are waived](#How fees are waived) below.", Substantive, ""},
		{"words after a spaced anchor changed", "[Fees](#Fees for members) apply to members.",
			"[Fees](#Fees for members) apply to guests.", Substantive, ""},

		// A help page's suggested questions after its "Copy link" button.
		{"suggested questions rotated", helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules."),
			helpPage("What happens after I report?\n\nWhy was my post removed?\n\nCheck my report status\n\nI have a different question", "You can report posts that break the rules."), Editorial, ReasonPunctuation},
		{"suggested questions rotated after a title-case button", strings.Replace(helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules."), "Copy link", "Copy Link", 1),
			strings.Replace(helpPage("Why was my post removed?\n\nCheck my report status\n\nI have a different question", "You can report posts that break the rules."), "Copy link", "Copy Link", 1), Editorial, ReasonPunctuation},
		{"suggested questions removed", helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules."),
			helpPage("", "You can report posts that break the rules."), Editorial, ReasonPunctuation},
		{"suggested questions added over a greeting", helpPage("", "Welcome to Example!\n\nYou can report posts that break the rules."),
			helpPage("What is Example?\n\nHow is Example funded?\n\nI have a different question", "Welcome to Example!\n\nYou can report posts that break the rules."), Editorial, ReasonPunctuation},
		{"suggested questions added over a changed greeting", helpPage("", "Welcome to Example!\n\nYou can report posts that break the rules."),
			helpPage("What is Example?\n\nHow is Example funded?\n\nI have a different question", "Welcome to Example Plus!\n\nYou can report posts that break the rules."), Substantive, ""},
		{"suggested questions rotated and the text changed", helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules."),
			helpPage("Check my report status\n\nWhy was my post removed?\n\nI have a different question", "You cannot report posts that break the rules."), Substantive, ""},
		// The same suggestions under a heading, without the button: the
		// block ends with the widget's offer to ask something else.
		{"suggested questions under a heading added", "Trademarks\n==========\n\nThese articles explain trademarks.\n",
			"Trademarks\n==========\n\nReport a trademark\n\nWhat is a trademark?\n\nUse brand protection\n\nI have a different question\n\nThese articles explain trademarks.\n", Editorial, ReasonPunctuation},
		{"suggested questions under an ATX heading rotated", "## Trademarks\n\nReport a trademark\n\nWhat is a trademark?\n\nI have a different question\n\nThese articles explain trademarks.\n",
			"## Trademarks\n\nMy trademark was copied\n\nUse brand protection\n\nI have a different question\n\nThese articles explain trademarks.\n", Editorial, ReasonPunctuation},
		{"suggested questions under a heading and the text changed", "Trademarks\n==========\n\nThese articles explain trademarks.\n",
			"Trademarks\n==========\n\nReport a trademark\n\nWhat is a trademark?\n\nI have a different question\n\nThese articles explain patents.\n", Substantive, ""},
		{"short lines under a heading without the closing question", "## Data we collect\n\nName\n\nAge\n\nCountry\n\nWe use it to run the service.\n",
			"## Data we collect\n\nName\n\nAge\n\nCountry\n\nPhotos\n\nWe use it to run the service.\n", Substantive, ""},
		{"short lines under a heading ending in another question", "## Questions\n\nWe answer within a week.\n",
			"## Questions\n\nCan we sell your data\n\nCan we keep it\n\nWhat if I have another question\n\nWe answer within a week.\n", Substantive, ""},
		{"one short line after the button", helpPage("No data is sold", "You can report posts that break the rules."),
			helpPage("Data is sold", "You can report posts that break the rules."), Substantive, ""},
		{"short lines without the button", "## What we collect\n\nYour name\n\nYour e-mail address\n\nYour phone number\n\nWe use them to run the service.",
			"## What we collect\n\nYour name\n\nYour e-mail address\n\nYour location\n\nWe use them to run the service.", Substantive, ""},
		{"sentence after the button", helpPage("We keep reports for a year.", "You can report posts that break the rules."),
			helpPage("We keep reports forever.", "You can report posts that break the rules."), Substantive, ""},

		// A page's feedback widget and the title of its table of contents.
		{"feedback question added after the text", requestsPage(""), requestsPage("* * *\n\n### Was it helpful?\n\nYesNo"), Editorial, ReasonPunctuation},
		{"feedback question with buttons on their own lines", requestsPage("Was this article helpful?\n\nYes\n\nNo"),
			requestsPage("Did this answer your question?\n\nYes\n\nNo"), Editorial, ReasonPunctuation},
		{"feedback question in French", requestsPage(""), requestsPage("Cet article vous a-t-il été utile ?\n\nOui\n\nNon"), Editorial, ReasonPunctuation},
		{"feedback question added and a deadline changed", requestsPage(""),
			strings.Replace(requestsPage("Was this page helpful?\n\nYes\n\nNo"), "within a week", "within a month", 1), Substantive, ""},
		{"question about usefulness answered", requestsPage(""),
			requestsPage("Is sharing useful to you?\n\nYes, we share your requests with partners."), Substantive, ""},
		{"contents title reworded", contentsPage("#### In this article", "*   [Fees](#fees)\n*   [Refunds](#refunds)"),
			contentsPage("**On this page**", "*   [Fees](#fees)\n*   [Refunds](#refunds)"), Editorial, ReasonPunctuation},
		{"contents title added", contentsPage("", "*   [Fees](#fees)\n*   [Refunds](#refunds)"),
			contentsPage("Contents", "*   [Fees](#fees)\n*   [Refunds](#refunds)"), Editorial, ReasonPunctuation},
		{"short line before one in-page link", contentsPage("Adults only", "*   [Fees](#fees)"),
			contentsPage("Teenagers too", "*   [Fees](#fees)"), Substantive, ""},
		{"short line before links to other pages", contentsPage("Adults only", "*   [Fees](https://example.org/fees)\n*   [Refunds](https://example.org/refunds)"),
			contentsPage("Teenagers too", "*   [Fees](https://example.org/fees)\n*   [Refunds](https://example.org/refunds)"), Substantive, ""},
		{"short line before in-page links in a sentence", contentsPage("Refunds are not given.", "*   [Fees](#fees)\n*   [Refunds](#refunds)"),
			contentsPage("Refunds are given.", "*   [Fees](#fees)\n*   [Refunds](#refunds)"), Substantive, ""},

		// Short links to the page's own site on lines of their own.
		{"promotion link removed", sitePage("[Meet your match today](https://go.example.com/promo?c=7)"), sitePage(""), Editorial, ReasonPunctuation},
		{"navigation tabs added", sitePage(""),
			sitePage("*   [Read](https://www.example.com/terms)\n*   [View source](https://www.example.com/terms?action=edit)\n*   [View history](https://www.example.com/terms?action=history)"), Editorial, ReasonPunctuation},
		{"promotion link replaced", sitePage("[Year-End Blowout](https://www.example.com/blowout-2025)"), sitePage("[New Year Deals](https://www.example.com/deals-2026)"), Editorial, ReasonPunctuation},
		{"promotion link of six words added", sitePage(""), sitePage("[Join Example and find your match](https://go.example.com/promo?c=9)"), Editorial, ReasonPunctuation},
		{"processor added to a list of links", sitePage("*   [Mailer](https://mailer.example.net/)\n*   [Tracker](https://tracker.example.org/)"),
			sitePage("*   [Mailer](https://mailer.example.net/)\n*   [Tracker](https://tracker.example.org/)\n*   [Chatbox](https://chatbox.example.io/)"), Substantive, ""},
		{"link to a new notice on the own site", sitePage(""), sitePage("[Consumer Health Data Notice](https://www.example.com/health)"), Substantive, ""},
		{"link to a right on the own site", sitePage(""), sitePage("[Delete your account](https://www.example.com/delete)"), Substantive, ""},
		{"long link label on the own site", sitePage(""), sitePage("[We may show your profile to partners](https://www.example.com/partners)"), Substantive, ""},
		{"sentence around an own-site link", sitePage(""), sitePage("Members must be 21 to [join](https://www.example.com/join)"), Substantive, ""},
		{"own-site link on a page with few links", "## Terms\n\nYou must be 18 to join.\n\nSee the [rules](https://www.example.com/rules).",
			"## Terms\n\nYou must be 18 to join.\n\n[Start free today](https://www.example.com/join)\n\nSee the [rules](https://www.example.com/rules).", Substantive, ""},

		// A notice of the date the document was updated.
		{"update notice removed", requestsPage("We updated our Data Policy on March 3, 2026. [View our previous policy.](https://www.example.com/policy/v41)"),
			requestsPage(""), Editorial, ReasonPunctuation},
		{"update notice without a link", requestsPage(""), requestsPage("**We've updated our Terms of Service on 3 March 2026.**"), Editorial, ReasonPunctuation},
		{"update notice with its reason", requestsPage(""),
			requestsPage("We have updated our Data Policy on March 3, 2026 to allow transfers to new partners."), Substantive, ""},
		{"update notice with a period of the prior terms", requestsPage(""),
			requestsPage("We've updated our Terms of Service on March 3, 2026. The prior terms apply until April 1, 2026."), Substantive, ""},
		{"update notice removed and a deadline changed", requestsPage("We updated our Data Policy on March 3, 2026."),
			strings.Replace(requestsPage(""), "within a week", "within a month", 1), Substantive, ""},

		// A wiki's translation messages.
		{"untranslated changes message removed",
			requestsPage("[Translate this page](https://wiki.example.org/Special:Translate?page=Conduct); This page contains [changes](https://wiki.example.org/Conduct?diff=12) which are not marked for translation."),
			requestsPage("[Translate this page](https://wiki.example.org/Special:Translate?page=Conduct)"), Editorial, ReasonPunctuation},
		{"untranslated changes message removed from a page link", sitePage("[Translate this page](https://www.example.com/translate); This page contains [changes](https://www.example.com/terms?diff=12) which are not marked for translation."),
			sitePage("[Translate this page](https://www.example.com/translate)"), Editorial, ReasonPunctuation},
		{"translation progress changed", requestsPage("This page is a translated version of the page Code of Conduct and the translation is 80% complete."),
			requestsPage("This page is a translated version of the page Code of Conduct and the translation is 100% complete."), Editorial, ReasonPunctuation},
		{"statement about translations changed", requestsPage("The English version prevails over any translation."),
			requestsPage("The French version prevails over any translation."), Substantive, ""},
		// A help centre's box of links to other articles.
		{"related articles box removed",
			"## Refunds\n\nWe refund within 14 days.\n\nRelated articles\n----------------\n\n[Ask for a refund](https://help.example.com/1/?ref=related)\n\n[Change your plan](https://help.example.com/2/?ref=related)\n\nRelated articles\n\n[Ask for a refund](https://help.example.com/1/?ref=related)\n",
			"## Refunds\n\nWe refund within 14 days.\n", Editorial, ReasonPunctuation},
		{"related topics box as a list",
			"## Refunds\n\nWe refund within 14 days.\n",
			"## Refunds\n\nWe refund within 14 days.\n\n### Related topics\n\n1. [Ask for a refund](https://help.example.com/1)\n2. [Change your plan](https://help.example.com/2)\n", Editorial, ReasonPunctuation},
		{"related articles box that says something",
			"## Refunds\n\nWe refund within 14 days.\n",
			"## Refunds\n\nWe refund within 14 days.\n\nRelated articles\n----------------\n\nRefunds are no longer offered. [Ask for a refund](https://help.example.com/1)\n", Substantive, ""},
		{"links under another title",
			"## Refunds\n\nWe refund within 14 days.\n",
			"## Refunds\n\nWe refund within 14 days.\n\nPartners we share data with\n----------------\n\n[Ad Network One](https://ads.example.net/)\n\n[Data Broker Two](https://broker.example.org/)\n", Substantive, ""},
		{"related articles box with other links",
			"## Refunds\n\nWe refund within 14 days.\n\nRelated articles\n----------------\n\n[Ask for a refund](https://help.example.com/1/?ref=related)\n\n[Change your plan](https://help.example.com/2/?ref=related)\n",
			"## Refunds\n\nWe refund within 14 days.\n\nRelated articles\n----------------\n\n[Cancel an order](https://help.example.com/3/?ref=related)\n\n[Ask for a refund](https://help.example.com/1/?ref=related)\n\n[Track a parcel](https://help.example.com/4/?ref=related)\n", Editorial, ReasonPunctuation},
		{"popular articles box with other links",
			"## Popular articles\n\n[Ask for a refund](https://help.example.com/1)\n\n[Change your plan](https://help.example.com/2)\n\n## Refunds\n\nWe refund within 14 days.\n",
			"## Popular articles\n\n[Delete your account](https://help.example.com/5)\n\n[Change your plan](https://help.example.com/2)\n\n## Refunds\n\nWe refund within 14 days.\n", Editorial, ReasonPunctuation},
		{"related articles box that gains a sentence",
			"## Refunds\n\nWe refund within 14 days.\n\nRelated articles\n----------------\n\n[Ask for a refund](https://help.example.com/1)\n",
			"## Refunds\n\nWe refund within 14 days.\n\nRelated articles\n----------------\n\nRefunds are no longer offered.\n\n[Ask for a refund](https://help.example.com/1)\n", Substantive, ""},
		{"links changed under another title",
			"## Partners\n\n[Ad Network One](https://ads.example.net/)\n\n## Refunds\n\nWe refund within 14 days.\n",
			"## Partners\n\n[Data Broker Two](https://broker.example.org/)\n\n## Refunds\n\nWe refund within 14 days.\n", Substantive, ""},
		// A help page's trail of links to it, and its feedback widget.
		{"breadcrumb removed",
			"1. [Help Centre](https://help.example.com/)\n2. [Safety](https://help.example.com/safety)\n3. [House Rules](https://help.example.com/safety/rules)\n\nHouse Rules\n===========\n\nBe kind to others.\n",
			"House Rules\n===========\n\nBe kind to others.\n", Editorial, ReasonPunctuation},
		{"links over the title that are no trail",
			"[Help Centre](https://help.example.com/) [Sell your data](https://help.example.com/sell)\n\nHouse Rules\n===========\n\nBe kind to others.\n",
			"House Rules\n===========\n\nBe kind to others.\n", Substantive, ""},
		{"sentence over the title",
			"Read the [Help Centre](https://help.example.com/) before you post about [House Rules](https://help.example.com/rules).\n\nHouse Rules\n===========\n\nBe kind to others.\n",
			"House Rules\n===========\n\nBe kind to others.\n", Substantive, ""},
		{"feedback widget glued to the last sentence",
			"## Reports\n\nWe review every report. Thanks for reading!Was this article helpful?\n\nYes No\n\n2700 out of 4019 found this helpful\n",
			"## Reports\n\nWe review every report. Thanks for reading!\n", Editorial, ReasonPunctuation},
		{"question glued to the last sentence",
			"## Reports\n\nWe review every report. Thanks for reading!Was this report reviewed by a person?\n",
			"## Reports\n\nWe review every report. Thanks for reading!\n", Substantive, ""},
		// A help page's box of support channels.
		{"help box added",
			"## Live videos\n\nYou can go live with up to three guests.\n",
			"## Live videos\n\nYou can go live with up to three guests.\n\nOther ways to get help\n----------------------\n\nChat with our support assistant\n\nSolve problems and get answers in real time\n", Editorial, ReasonPunctuation},
		{"help box that states a term",
			"## Live videos\n\nYou can go live with up to three guests.\n",
			"## Live videos\n\nYou can go live with up to three guests.\n\nOther ways to get help\n----------------------\n\nChats with our assistant are recorded and used to train our models.\n", Substantive, ""},
		{"short lines under another title",
			"## Live videos\n\nYou can go live with up to three guests.\n",
			"## Live videos\n\nYou can go live with up to three guests.\n\nWhat we collect\n----------------------\n\nYour precise location\n\nYour face geometry\n", Substantive, ""},
		// A site named by its domain alone.
		{"site added to a list of brands",
			"## Brands\n\n*   Example One\n*   Example Pay\n*   Example TV\n",
			"## Brands\n\n*   Example One\n*   Example.org\n*   Example Pay\n*   Example TV\n", Substantive, ""},
		{"site added as a link to a list of brands",
			"## Brands\n\n*   Example One\n*   Example Pay\n",
			"## Brands\n\n*   Example One\n*   [Example.org](https://example.org/)\n*   Example Pay\n", Substantive, ""},
		{"site written as a link to it",
			"## Help\n\nVisit example.com for help.\n",
			"## Help\n\nVisit [example.com](https://www.example.com/) for help.\n", Editorial, ""},
		{"company named by its site renamed",
			"## Seller\n\nThe seller is Example.com SAS, Paris.\n",
			"## Seller\n\nThe seller is EXAMPLE SAS, Paris.\n", Editorial, ""},
		{"site written with www",
			"## Help\n\nVisit example.com for help.\n",
			"## Help\n\nVisit www.example.com for help.\n", Editorial, ""},
		// Furniture of both kinds at once: the suggestions the page filter
		// leaves out, and what is read section by section.
		{"suggested questions and a help box added",
			helpPage("", "You can report posts that break the rules."),
			helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules.") +
				"\nOther ways to get help\n----------------------\n\nChat with our support assistant\n\nSolve problems and get answers in real time\n", Editorial, ReasonPunctuation},
		{"suggested questions added and a typo fixed",
			helpPage("", "You can report posts that break teh rules."),
			helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules."), Editorial, ReasonPunctuation},
		{"suggested questions and a help box that states a term added",
			helpPage("", "You can report posts that break the rules."),
			helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that break the rules.") +
				"\nOther ways to get help\n----------------------\n\nChats with our assistant are recorded and used to train our models.\n", Substantive, ""},
		{"suggested questions added and a word that changes the rule",
			helpPage("", "You can report posts that break the rules."),
			helpPage("How do I report a post?\n\nMy report was rejected\n\nI have a different question", "You can report posts that bend the rules."), Substantive, ""},
		// The button of a page that folds its long sections.
		{"fold button added after each section",
			"## Spam\n\nWe remove spam.\n\n## Scams\n\nWe remove scams and fake offers\n",
			"## Spam\n\nWe remove spam.\n\n[Read lessRead more](https://example.com/rules)\n\n## Scams\n\nWe remove scams and fake offers\n\n[Read lessRead more](https://example.com/rules)\n", Editorial, ReasonPunctuation},
		{"fold button glued after a sentence",
			"## Spam\n\nWe remove spam. We warn repeat posters.\n",
			"## Spam\n\nWe remove spam. [Read more](https://example.com/rules) We warn repeat posters.\n", Editorial, ReasonPunctuation},
		{"link that names a subject added",
			"## Spam\n\nWe remove spam.\n",
			"## Spam\n\nWe remove spam.\n\n[Read more about our ad partners](https://example.com/partners)\n", Substantive, ""},
		{"fold button added with a sentence",
			"## Spam\n\nWe remove spam.\n",
			"## Spam\n\nWe remove spam. We may suspend your account.\n\n[Read more](https://example.com/rules)\n", Substantive, ""},
		// Words written with a symbol or an abbreviation, and numbers
		// written in words, in figures or both.
		{"ampersand written out", "Terms & Conditions apply to every order.", "Terms and Conditions apply to every order.", Editorial, ""},
		{"ampersand in a list of data", "We collect your name & e-mail address.", "We collect your name and e-mail address.", Editorial, ""},
		{"ampersand replaced by another word", "We collect your name & e-mail address.", "We collect your name or e-mail address.", Substantive, ""},
		{"percent sign written out", "We keep 30% of each sale.", "We keep 30 percent of each sale.", Editorial, ""},
		{"percent sign written as two words", "We keep 30 % of each sale.", "We keep 30 per cent of each sale.", Editorial, ""},
		{"percentage changed as it is written out", "We keep 30% of each sale.", "We keep 35 percent of each sale.", Substantive, ""},
		{"abbreviation for example written out", "We collect contact details (e.g. your name) when you register.", "We collect contact details (for example, your name) when you register.", Editorial, ""},
		{"abbreviation that is written out", "We keep logs for a year, i.e. twelve months.", "We keep logs for a year, that is twelve months.", Editorial, ""},
		{"example replaced by a list", "We collect contact details (e.g. your name) when you register.", "We collect contact details (including your name) when you register.", Substantive, ""},
		{"number in words dropped before its figures", "You may cancel within thirty (30) days.", "You may cancel within 30 days.", Editorial, ""},
		{"figures dropped after the number in words", "You may cancel within thirty (30) days.", "You may cancel within thirty days.", Editorial, ""},
		{"number in words written in figures", "You may cancel within fourteen days.", "You may cancel within 14 days.", Editorial, ""},
		{"compound number written in figures", "You may cancel within twenty-one days.", "You may cancel within 21 days.", Editorial, ""},
		{"number in words replaced by other figures", "You may cancel within thirty (30) days.", "You may cancel within 60 days.", Substantive, ""},
		{"other number in words", "You may cancel within fourteen days.", "You may cancel within 30 days.", Substantive, ""},
		{"figures in brackets changed", "You may cancel within thirty (30) days.", "You may cancel within thirty (60) days.", Substantive, ""},
		// A banner's update notice glued into the line before it.
		{"glued update notice removed",
			"## Privacy\n\nWe still wait before using your posts for AI. We'll tell you first.Other updates We updated our Privacy Policy on November 14, 2024. [View our previous policy.](https://example.com/v/1)\n\nWe collect data.\n",
			"## Privacy\n\nWe still wait before using your posts for AI. We'll tell you first. [View our previous policy.](https://example.com/v/1)\n\nWe collect data.\n", Editorial, ReasonPunctuation},
		{"glued update notice that says more",
			"## Privacy\n\nWe'll tell you first.Other updates We updated our Privacy Policy on November 14, 2024 to sell your data.\n\nWe collect data.\n",
			"## Privacy\n\nWe'll tell you first.\n\nWe collect data.\n", Substantive, ""},
		{"sentence removed with the notice",
			"## Privacy\n\nWe'll tell you first. You must accept the sale. We updated our Privacy Policy on November 14, 2024.\n\nWe collect data.\n",
			"## Privacy\n\nWe'll tell you first.\n\nWe collect data.\n", Substantive, ""},
		{"untranslated changes message removed and a deadline changed",
			requestsPage("This page contains changes which are not marked for translation."),
			strings.Replace(requestsPage(""), "within a week", "within a month", 1), Substantive, ""},
	}
	checkMateriality(t, tests)
}

// TestMaterialityLongSection checks sections too large to diff word by
// word: a corrected word is found inside its changed line, and a negation
// is not lost in it.
func TestMaterialityLongSection(t *testing.T) {
	var b strings.Builder
	b.WriteString("## Terms\n\n")
	for i := range 350 {
		b.WriteString("Paragraph ")
		b.WriteString(strings.Repeat("x", i%7+1))
		b.WriteString(" says that members keep their own content and can leave the service whenever they like.\n\n")
	}
	base := b.String() + "We may share your profile with partners who help us run the service.\n"
	if len(strings.Fields(base))*2 <= maxWordDiff {
		t.Fatalf("the section must be diffed line by line: %d words", len(strings.Fields(base)))
	}
	tests := []struct {
		name, new string
		want      string
	}{
		{"typo fixed", strings.Replace(base, "share your profile", "share your porfile", 1), Editorial},
		{"negation added", strings.Replace(base, "We may share", "We may not share", 1), Substantive},
		{"partner category added", strings.Replace(base, "with partners", "with advertisers and partners", 1), Substantive},
	}
	for _, tt := range tests {
		if res := Compare(base, tt.new); res.Materiality != tt.want {
			t.Errorf("%s: Materiality = %q (%v), want %q", tt.name, res.Materiality, res.Editorial, tt.want)
		}
	}
}

// TestMaterialityRestructured checks text that became a headed section of
// its own where it stood, against text that moved or changed on the way;
// each new version also corrects a spelling elsewhere, so that the
// versions' words differ.
func TestMaterialityRestructured(t *testing.T) {
	const old = "## Purchases\n\nYou may buy credits in the app.\n\n" +
		"1. Withdrawal policy **Right of withdrawal** You may withdraw from a purchase within fourteen days without giving reasons.\n\n" +
		"## Liability\n\nWe are liable only for intent and gross negligence.\n"
	tests := []struct {
		name, new string
		want      string
	}{
		{"paragraph given its own heading",
			"## Purchases\n\nYou may buy credits in the app.\n\n### 1. Withdrawal policy _Right of withdrawal_\n\n" +
				"You may withdraw from a purchase within fourteen days without giving reasons.\n\n" +
				"## Liability\n\nWe are liable only for intent and gross negligense.\n", Editorial},
		{"period changed on the way",
			"## Purchases\n\nYou may buy credits in the app.\n\n### 1. Withdrawal policy _Right of withdrawal_\n\n" +
				"You may withdraw from a purchase within thirty days without giving reasons.\n\n" +
				"## Liability\n\nWe are liable only for intent and gross negligense.\n", Substantive},
		{"paragraph moved under another heading",
			"## Purchases\n\nYou may buy credits in the app.\n\n" +
				"## Liability\n\nWe are liable only for intent and gross negligense.\n\n### 1. Withdrawal policy _Right of withdrawal_\n\n" +
				"You may withdraw from a purchase within fourteen days without giving reasons.\n", Substantive},
	}
	for _, tt := range tests {
		for _, dir := range [][2]string{{old, tt.new}, {tt.new, old}} {
			if res := Compare(dir[0], dir[1]); res.Materiality != tt.want {
				t.Errorf("%s: Materiality = %q (%v), want %q", tt.name, res.Materiality, res.Editorial, tt.want)
			}
		}
	}
}

// helpPage is a help-centre section: a heading, the button that copies
// its address, suggested questions and text.
func helpPage(questions, text string) string {
	page := "## Reporting\n\nCopy link\n\n"
	if questions != "" {
		page += questions + "\n\n"
	}
	return page + text + "\n\n## Appeals\n\nYou may appeal a decision within thirty days.\n"
}

// requestsPage is a short page whose feedback widget, if any, follows its
// text.
func requestsPage(widget string) string {
	page := "## Requests\n\nWe answer requests within a week.\n\nWrite to us to ask for a copy of your data."
	if widget != "" {
		page += "\n\n" + widget
	}
	return page + "\n"
}

// contentsPage is a page whose table of contents, a title over a list,
// comes before its sections.
func contentsPage(title, list string) string {
	page := "## Overview\n\nThese rules apply to every order.\n\n"
	if title != "" {
		page += title + "\n\n"
	}
	return page + list + "\n\n## Fees\n\nFees are shown before you pay.\n\n## Refunds\n\nRefunds take five days.\n"
}

// sitePage is a page of example.com whose text links to its own site
// three times, with extra lines of its own between two paragraphs.
func sitePage(extra string) string {
	page := "## Terms\n\nRead the [rules](https://www.example.com/rules) and the [fees](https://www.example.com/fees) before you join.\n\n"
	if extra != "" {
		page += extra + "\n\n"
	}
	return page + "Ask the [help centre](https://help.example.com/) if anything is unclear.\n"
}

func TestDropTranslationMarksKeepsOtherLines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"message on its own line after a sentence",
			"We keep your data.\nThis page contains changes which are not marked for translation.\nWe delete it on request.",
			"We keep your data.\n\nWe delete it on request."},
		{"message after a link on the same line",
			"[Translate this page](https://example.com/t); This page contains changes which are not marked for translation.\nText.",
			"[Translate this page](https://example.com/t)\nText."},
		{"progress message",
			"Intro\nThis page is a translated version of the page Terms and the translation is 80% complete.",
			"Intro\n"},
		{"a translation named in the text stays",
			"The English version prevails over any translation.\n",
			"The English version prevails over any translation.\n"},
		{"messages in capitals, progress with a space before the percent sign",
			"THIS PAGE CONTAINS CHANGES WHICH ARE NOT MARKED FOR TRANSLATION.\nThis page is a translated version of the page Terms and the translation is 95 % complete.\nText.",
			"\n\nText."},
		{"a paragraph that translates and is complete stays",
			"You may not translate the Software. This section is complete. Nothing is marked for review.\n",
			"You may not translate the Software. This section is complete. Nothing is marked for review.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var removed []string
			if got := dropTranslationMarks(tt.in, &removed); got != tt.want {
				t.Errorf("dropTranslationMarks:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestMaterialityPastNotice covers a banner announcing an update, removed
// once the update took effect (the document now says it is effective from
// the banner's date), and the cases that stay changes: the banner added,
// a banner of another date, a banner that says more.
func TestMaterialityPastNotice(t *testing.T) {
	page := func(banner string) string {
		p := "Effective March 3, 2026. Last revised February 1, 2026\n\n"
		if banner != "" {
			p += banner + "\n\n"
		}
		return p + "## Requests\n\nWe answer requests within a week.\n"
	}
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"banner removed after its date",
			page("**We've updated our Terms of Service. Please take a look before the changes take effect on March 3, 2026.**\n\n" +
				"**This page is the updated Terms of Service; for the version effective until March 3, 2026, click [here](https://example.com/terms-2025).**"),
			page(""), Editorial},
		{"banner without a date removed", page("_We have updated our Privacy Policy. Please review it._"), page(""), Editorial},
		// Each line says only one of the words a banner is looked for by.
		{"banner of four lines removed",
			page("We have updated our Terms of Service.\n\nPlease review them.\n\nThey take effect on March 3, 2026.\n\n" +
				"This page is the current Terms of Service; to see the previous version, click [here](https://example.com/terms-2025)."),
			page(""), Editorial},
		{"banner added", page(""),
			page("We've updated our Terms of Service. Please take a look before the changes take effect on March 3, 2026."), Substantive},
		{"banner of a later date removed",
			page("We've updated our Terms of Service. Please take a look before the changes take effect on April 3, 2026."),
			page(""), Substantive},
		{"banner saying more removed",
			page("We've updated our Terms of Service. Please take a look before the changes take effect on March 3, 2026. You can no longer opt out."),
			page(""), Substantive},
		{"banner removed and a deadline changed",
			page("We've updated our Terms of Service. Please take a look before the changes take effect on March 3, 2026."),
			strings.Replace(page(""), "within a week", "within a month", 1), Substantive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(tt.old, tt.new)
			if !res.Changed || res.Materiality != tt.want {
				t.Fatalf("Changed = %v, Materiality = %q (%v), want %q", res.Changed, res.Materiality, res.Editorial, tt.want)
			}
		})
	}
}
