package insight

// contractImplications says, per provision category, what the provision
// means for a customer's contract with the platform and for vendor
// review. The rule table says what the law engages (Regulations) and what
// to do (Guidance); this is the procurement side of the same provision.
var contractImplications = map[string]string{
	"ai_training":         "Check that your order form or data processing agreement limits the vendor's use of your content to providing the service, or records your consent and the opt-out; flag the vendor in AI and third-party risk reviews.",
	"data_sharing":        "Ask for the list of sub-processors and recipients, make sure the DPA requires notice of new ones, and check that onward sharing is bound by terms at least as protective as yours.",
	"data_sale":           "A vendor that sells personal data is a third party rather than a service provider under CCPA/CPRA; you need a contract that forbids the sale or a do-not-sell mechanism before you share personal data.",
	"ad_personalization":  "Check whether data your users generate feeds the vendor's advertising; business accounts often need an enterprise agreement that switches it off.",
	"biometric_data":      "Biometric processing needs written consent and a retention schedule (BIPA, GDPR Art. 9); make sure the contract assigns who collects the consent and who deletes the data.",
	"contact_scanning":    "Scanning address books brings in people who never agreed to the service; check whether the feature can be disabled for your accounts and say so in your own notices.",
	"data_retention":      "Compare the vendor's retention periods with your own schedule and legal holds; the contract should require deletion or return at the end of the service.",
	"arbitration":         "Disputes with the vendor go to arbitration rather than court; negotiate the clause out of an enterprise agreement or note it in the contract risk register.",
	"class_action_waiver": "Your organization gives up joining a class action against the vendor; weigh it with the liability caps when you decide whether standard terms are acceptable.",
	"children_data":       "If your users may include children, check age gates and parental consent (COPPA, GDPR Art. 8) before deploying, and who is responsible for them under the contract.",
	"location_data":       "Precise location is sensitive in several states and under GDPR; check whether it can be switched off for your users and whether the DPA covers it.",
	"content_license":     "The licence the vendor takes on your content may outlast your account; check its scope, whether it is sublicensable and whether an enterprise agreement narrows it.",
	"account_termination": "The vendor may suspend or close accounts at its discretion; make sure you have notice, a data export window and a continuity plan for critical use.",
	"governing_law":       "The terms pick a law and courts that may be far from you; enterprise agreements usually let you negotiate venue, and your legal team should note the exposure.",
	"opt_out":             "Where the terms offer an opt-out, decide who in your organization exercises it, for which accounts, and keep evidence that it was done.",
	"consent":             "Where the vendor relies on consent, check who collects it (you or the vendor) and that your own notices and records of consent match.",
	"law_enforcement":     "Check whether the vendor commits to notify you of government requests and to challenge overbroad ones; it matters for transfer impact assessments.",
	"data_transfer":       "International transfers need a mechanism (SCCs, adequacy, the EU–US Data Privacy Framework); ask for the transfer impact assessment and the locations of processing.",
}

// defaultImplication serves a category added to the rule table before it
// has its own entry.
const defaultImplication = "Review this provision with your legal and procurement teams before relying on the platform's standard terms."

// ContractImplication is the contract and vendor implication of a
// provision category.
func ContractImplication(category string) string {
	if s, ok := contractImplications[category]; ok {
		return s
	}
	return defaultImplication
}
