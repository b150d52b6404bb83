package catalogue

// termsTypes lists the terms types of the Open Terms Archive ontology
// (github.com/OpenTermsArchive/terms-types, termsTypes.json) with the
// aliases it documents, plus one type of our own for AI terms, which that
// ontology does not have yet. Names are written exactly as the ontology
// spells them because declarations are matched on them.
func termsTypes() []termsType {
	return []termsType{
		{"Terms of Service", []string{"Terms and Conditions", "Terms of Use"}},
		{"Privacy Policy", nil},
		{generativeAIType, []string{"Generative AI Policy", "AI Terms"}},
		{"Imprint", []string{"Legal Notice"}},
		{"Trackers Policy", []string{"Cookies Policy"}},
		{"Developer Terms", []string{"Developer Policy", "Developer Agreement"}},
		{"Community Guidelines", []string{"Community Standards"}},
		{"Deceased Users", nil},
		{"Acceptable Use Policy", []string{"Fair Use Policy", "Acceptable Usage Policy"}},
		{"Restricted Use Policy", []string{"Limited Use Policy", "Restriction Policy"}},
		{"Commercial Terms", nil},
		{"Copyright Claims Policy", []string{"Copyright Infringement Policy", "Intellectual Property Policy"}},
		{"Law Enforcement Guidelines", []string{"Legal Process Guidelines"}},
		{"Human Rights Policy", nil},
		{"In-App Purchases Policy", nil},
		{"Review Guidelines", nil},
		{"Brand Guidelines", []string{"Branding Policies", "Trademark Usage Guidelines"}},
		{"Quality Guidelines", []string{"Quality standards"}},
		{"Data Controller Agreement", nil},
		{"Data Processor Agreement", []string{"Data Processing Agreement"}},
		{"User Consent Policy", nil},
		{"Closed Captioning Policy", []string{"Closed Captioning Guidelines", "Captioning Policy", "Closed Captioning Standards"}},
		{"Seller Warranty", nil},
		{"Single Sign-On Policy", nil},
		{"Vulnerability Disclosure Policy", []string{"Security Disclosure Policy"}},
		{"Live Policy", nil},
		{"Complaints Policy", nil},
		{"Conditions of Carriage", []string{"Transport Conditions"}},
		{"General Conditions of Sale", nil},
		{"Marketplace Buyers Conditions", nil},
		{"Marketplace Sellers Conditions", []string{"Seller Agreement"}},
		{"Ranking Parameters Description", nil},
		{"Premium Partner Conditions", []string{"Premium Partner Program"}},
		{"Platform to Business Notice", nil},
		{"Business Mediation Policy", nil},
		{"Business Privacy Policy", nil},
		{"Editorial Policy", []string{"Editorial Guidelines"}},
		{"Anti-corruption Policy", []string{"Anti-bribery Policy"}},
		{"Accessibility Statement", []string{"Accessibility Policy"}},
		{"Hyperlinks Policy", []string{"Links Policy", "Linking Policy", "External Links Policy", "Outgoing Links Policy"}},
		{"Whistleblower Policy", []string{"Whistleblower Protections"}},
		{"Affiliate Agreement", []string{"Affiliate Policy"}},
		{"Service Level Agreement", []string{"Service Level Addendum"}},
		{"Content Monetisation Policy", []string{"Content Monetization Policy"}},
		{"Advertising Content Policy", []string{"Ads policies", "Ads content policies"}},
	}
}

// generativeAIType is our addition to the ontology: the terms that govern
// a platform's generative AI features (usage rules, training on user
// content). Open Terms Archive collections file such documents under
// "Acceptable Use Policy" or inside the "Terms of Service"; we keep them
// apart because AI provisions are what subscribers most want to follow.
const generativeAIType = "Generative AI Usage Policy"

type termsType struct {
	name    string
	aliases []string
}

// DocumentTypes returns the names of the accepted terms types, most common
// first. A declaration may also use one of their documented aliases
// ("Cookies Policy", "Data Processing Agreement", "Terms of Use"…); Parse
// turns an alias into the name it stands for.
func DocumentTypes() []string {
	types := termsTypes()
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = t.name
	}
	return names
}

// CanonicalType returns the terms type that name or alias stands for.
func CanonicalType(name string) (string, bool) {
	for _, t := range termsTypes() {
		if t.name == name {
			return t.name, true
		}
		for _, a := range t.aliases {
			if a == name {
				return t.name, true
			}
		}
	}
	return "", false
}
