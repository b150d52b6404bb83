package analysis

// Categories returns the rule table, one entry per provision category, in
// the stable order used for reports. Each call returns a fresh copy.
func Categories() []Category {
	gdpr := func(art string) Regulation { return Regulation{"GDPR", art, "EU"} }
	ccpa := func(sec string) Regulation { return Regulation{"CCPA/CPRA", sec, "US-CA"} }
	eprivacy := func(art string) Regulation { return Regulation{"ePrivacy Directive", art, "EU"} }
	dsa := func(art string) Regulation { return Regulation{"DSA", art, "EU"} }
	unfairTerms := Regulation{"Unfair Contract Terms Directive 93/13/EEC", "", "EU"}

	lowMedHigh := Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityMedium}
	personalData := []string{"information", "data", "details", "content", "profile*", "activity", "it", "them", "identifier*", "email*"}

	return []Category{
		{
			ID:    "ai_training",
			Title: "AI training",
			Cues: []Cue{{
				Action: []string{"train*", "retrain*", "fine tun*", "finetun*",
					"improv*|develop*|build*|creat*|enhanc*|refin* ~4 ai|model|models|algorithm*|artificial|machine|llm*",
					"feed ~3 into ~3 model*|ai|algorithm*"},
				With: [][]string{
					{"ai", "artificial intelligence", "machine learning", "model", "models", "llm*", "large language", "generative", "neural", "algorithm*", "genai", "deep learning"},
					{"content", "data", "information", "input*", "output*", "conversation*", "recording*", "message*", "prompt*", "file*", "chat*", "audio", "video*", "voice*", "image*", "photo*", "post*", "interaction*", "submission*", "material*", "transcript*", "feedback", "it", "them"},
				},
			}},
			Exclude:   []string{"scrap*", "crawl*", "reverse engineer*", "compet*", "prohibit*"},
			Negatable: true,
			Severity:  Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityMedium},
			Escalations: []Escalation{{
				Phrases: []string{"customer content", "your content", "user content", "content you", "your data", "your personal",
					"personal data", "personal information", "conversation*", "message*", "recording*", "prompt*", "chat*",
					"audio", "video*", "voice*", "your inputs", "files you", "user data", "customer data"},
				Severity: SeverityHigh,
				Label:    "AI training on customer content",
			}},
			Regulations: []Regulation{gdpr("Art. 6"), gdpr("Art. 9"), gdpr("Art. 22"), {"EU AI Act", "Art. 53", "EU"}, ccpa("§1798.100"), {"HIPAA", "45 CFR §164.508", "US"}},
			Guidance:    "Check whether your uploads, recordings and messages fall under this use, whether your contract or DPA permits it, and whether an admin-level opt-out exists; record a lawful basis and update your DPIA and records of processing.",
		},
		{
			ID:    "data_sharing",
			Title: "Data sharing with third parties",
			Cues: []Cue{{
				Action: []string{"shar*", "disclos*", "make ~3 available", "provide|give|transfer*|send|pass ~4 to ~3 third|partner*|advertiser*|affiliat*|vendor*|compan*|other|sponsor*|agent|agents|broker*|insurer*|lender*"},
				With: [][]string{
					{"third part*", "partner*", "advertiser*", "affiliat*", "vendor*", "service provider*", "other compan*", "other businesses", "sponsor*", "data broker*", "analytics provider*", "analytics compan*",
						"agent", "agents", "broker*", "insurer*", "lender*"},
					personalData,
				},
			}, {
				// Processors: "providers who process data on our instructions".
				Action: []string{"provider*|vendor*|processor*|subprocessor* ~3 process*|handl*|receiv*|host*|stor*"},
				With:   [][]string{personalData},
			}},
			Negatable: true,
			Severity:  Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityLow},
			Escalations: []Escalation{{
				Phrases:  []string{"advertis*", "marketing", "data broker*", "in exchange"},
				Severity: SeverityMedium,
				Label:    "data sharing with advertisers",
			}},
			Regulations: []Regulation{gdpr("Art. 6"), gdpr("Art. 13"), gdpr("Art. 28"), ccpa("§1798.120"), {"HIPAA", "45 CFR §164.502", "US"}},
			Guidance:    "Identify the recipients and purposes, confirm processor or controller roles and the contract terms that cover them, and update your vendor register and privacy notice.",
		},
		{
			ID:    "data_sale",
			Title: "Sale of personal data",
			Cues: []Cue{{
				Action: []string{"sell", "sells", "selling", "sold", "sale", "rent|rents|renting|rented", "monetiz*", "monetis*",
					"in exchange for ~3 money|monetary|payment|valuable"},
				With: [][]string{{"personal", "information", "data", "details", "it", "them", "list|lists", "email addresses"}},
			}},
			Exclude: []string{"merger*", "acquisition*", "bankrupt*", "reorgani*", "divestiture*",
				"sale of ~4 assets|business|businesses|company|stock|shares|goods|products",
				"point of sale", "sales tax*", "for sale", "resale", "you sell", "seller*",
				"right|rights ~4 sale|sell|selling", "opt out of ~4 sale|sell|selling"},
			Negatable:   true,
			Severity:    Severities{Added: SeverityHigh, Removed: SeverityLow, Modified: SeverityMedium},
			Regulations: []Regulation{ccpa("§1798.120"), ccpa("§1798.135"), gdpr("Art. 6"), gdpr("Art. 21")},
			Guidance:    "Confirm whether your users' data is sold or shared for cross-context advertising, honour opt-out requests and Global Privacy Control signals, and check that the \"Do Not Sell or Share\" link and notices are in place.",
		},
		{
			ID:    "ad_personalization",
			Title: "Ad personalization",
			Cues: []Cue{{
				Action: []string{"personaliz*", "personalis*", "target*", "tailor*", "interest based", "behavioral", "behavioural",
					"cross context", "retarget*", "remarket*", "customi*", "relevant"},
				With: [][]string{{"ad", "ads", "advert*", "marketing", "sponsored"}},
			}, {
				// "We show ads based on your activity": profiling without
				// the word personalized.
				Action: []string{"based on ~3 activity|activities|interests|browsing|behavior|behaviour|usage|interactions|history|profile",
					"using ~3 activity|activities|interests|browsing|interactions"},
				With: [][]string{{"ad", "ads", "advert*", "marketing", "sponsored"}},
			}},
			Negatable: true,
			Severity:  lowMedHigh,
			Escalations: []Escalation{{
				Phrases: []string{"partner*", "other websites|sites|apps|services", "off ~2 platform|site|sites",
					"across ~3 websites|sites|apps|devices|services", "third party websites|sites|apps", "activity on", "sensitive", "health"},
				Severity: SeverityHigh,
				Label:    "ad personalization using off-platform activity",
			}},
			Regulations: []Regulation{gdpr("Art. 6"), gdpr("Art. 21"), eprivacy("Art. 5(3)"), dsa("Art. 26"), dsa("Art. 28"), ccpa("§1798.120")},
			Guidance:    "Check the consent or opt-out mechanism for profiling-based advertising, whether minors are excluded, and whether your organization's accounts should switch personalization off.",
		},
		{
			ID:    "biometric_data",
			Title: "Biometric data",
			Cues: []Cue{{
				Action: []string{"biometric*", "voiceprint*", "voice print*", "faceprint*", "face print*", "facial recognition", "face recognition",
					"facial geometry", "face geometry", "facial template*", "face template*", "facial feature*", "retina*", "iris scan*",
					"fingerprint*", "hand geometry", "palm print*", "face id", "touch id", "scan* of ~2 face|hand|retina|iris"},
			}},
			Exclude:   []string{"device fingerprint*", "browser fingerprint*", "fingerprinting"},
			Negatable: true,
			Severity:  Severities{Added: SeverityHigh, Removed: SeverityLow, Modified: SeverityMedium},
			Escalations: []Escalation{{
				Phrases:  []string{"shar*", "sell*", "train*", "third part*", "indefinite*"},
				Severity: SeverityHigh,
			}},
			Regulations: []Regulation{{"BIPA", "740 ILCS 14/15", "US-IL"}, gdpr("Art. 9"), ccpa("§1798.121"), {"EU AI Act", "Art. 5", "EU"}, {"Texas CUBI", "Tex. Bus. & Com. Code §503.001", "US-TX"}},
			Guidance:    "Obtain written informed consent before biometric identifiers are collected (BIPA), publish a retention and destruction schedule, and assess whether employees' or customers' voices and faces are involved.",
		},
		{
			ID:    "contact_scanning",
			Title: "Contact scanning",
			Cues: []Cue{{
				Action: []string{
					"upload*|access*|scan*|sync*|import*|collect*|read*|match*|stor*|copy|copies|copied|use|uses|using ~5 contacts|phonebook*|addressbook*",
					"upload*|access*|scan*|sync*|import*|collect*|read*|match*|stor*|copy|copies|copied|use|uses|using ~5 address|contact|phone book*|list*",
					"contacts|phonebook* ~4 upload*|access*|scan*|sync*|import*|collect*|match*|stored",
					"find friends", "people you may know", "contact upload*|sync*|list*", "address book*", "phonebook*", "phone book*"},
			}},
			Negatable: true,
			Severity:  Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityMedium},
			Escalations: []Escalation{{
				Phrases:  []string{"automatic*", "continuous*", "periodic*", "non users", "not users", "without"},
				Severity: SeverityHigh,
			}},
			Regulations: []Regulation{gdpr("Art. 6"), gdpr("Art. 14"), eprivacy("Art. 5(3)"), ccpa("§1798.100")},
			Guidance:    "Decide whether staff devices may grant contact access, since it discloses third parties' data; check device management policies and tell the people concerned where required (GDPR Art. 14).",
		},
		{
			ID:    "data_retention",
			Title: "Data retention",
			Cues: []Cue{{
				Action: []string{"retain*", "retention", "keep|keeps|kept ~4 information|data|content|records|recordings|logs|it|them|copies|account",
					"delet*", "eras*", "purg*", "stor* ~5 for|until|indefinitely", "anonymiz*", "anonymis*"},
				With: [][]string{{"day", "days", "week*", "month*", "year*", "period*", "as long as", "until", "indefinite*", "no longer",
					"after you", "after your", "after the", "after account", "upon", "when you", "closure", "following", "perpetu*", "hours"}},
			}},
			Severity: Severities{Added: SeverityMedium, Removed: SeverityMedium, Modified: SeverityMedium},
			Escalations: []Escalation{{
				Phrases:  []string{"indefinite*", "perpetu*", "forever"},
				Severity: SeverityHigh,
				Label:    "indefinite data retention",
			}},
			Regulations: []Regulation{gdpr("Art. 5(1)(e)"), gdpr("Art. 17"), ccpa("§1798.100(a)(3)"), ccpa("§1798.105")},
			Guidance:    "Compare the stated periods with your own retention schedule and legal holds, and check how deletion at contract end is confirmed.",
		},
		{
			ID:          "arbitration",
			Title:       "Mandatory arbitration",
			Cues:        []Cue{{Action: []string{"arbitrat*", "arbitral"}}},
			Severity:    Severities{Added: SeverityHigh, Removed: SeverityLow, Modified: SeverityMedium},
			Regulations: []Regulation{{"Federal Arbitration Act", "9 U.S.C. §2", "US"}, unfairTerms},
			Guidance:    "Review the opt-out window (often 30 days) and exercise it if wanted, note carve-outs for small claims and injunctions, and check whether negotiated enterprise terms override the clause.",
		},
		{
			ID:    "class_action_waiver",
			Title: "Class-action waiver",
			Cues: []Cue{{
				Action: []string{"class action*", "class wide", "classwide", "class arbitration*", "class proceeding*", "class claims",
					"representative action*|proceeding*|capacity|claims", "collective action*", "consolidated ~2 proceeding*|action*|claims",
					"private attorney general"},
				With: [][]string{{"waive*", "waiver", "individual*", "not", "no", "only", "bar*", "prohibit*", "exclud*", "cannot"}},
			}},
			Severity:    Severities{Added: SeverityHigh, Removed: SeverityLow, Modified: SeverityMedium},
			Regulations: []Regulation{{"Representative Actions Directive (EU) 2020/1828", "", "EU"}, unfairTerms, {"Federal Arbitration Act", "9 U.S.C. §2", "US"}},
			Guidance:    "Note that collective redress is waived; assess with counsel whether it is enforceable in your jurisdiction and whether your enterprise agreement excludes it.",
		},
		{
			ID:    "children_data",
			Title: "Children's data",
			Cues: []Cue{{
				Action: []string{"child*", "minors", "a minor", "kids", "teen*", "under the age", "under 13|16|18|thirteen|sixteen",
					"years of age", "years old", "minimum age", "age of majority", "parental consent", "parent or guardian",
					"parents or guardians", "age verification", "age requirement*", "legal age", "age of digital consent", "coppa"},
			}},
			Exclude:  []string{"exploit*", "sexual*", "abuse*", "csam", "grooming"},
			Severity: Severities{Added: SeverityMedium, Removed: SeverityMedium, Modified: SeverityLow},
			Escalations: []Escalation{{
				Phrases:  []string{"advertis*", "target*", "sell*", "profil*"},
				Severity: SeverityHigh,
			}},
			Regulations: []Regulation{{"COPPA", "16 CFR Part 312", "US"}, gdpr("Art. 8"), dsa("Art. 28"), ccpa("§1798.120(c)"), {"UK Age Appropriate Design Code", "", "UK"}},
			Guidance:    "Check the minimum age against your users (students, schools, family products), parental-consent requirements and whether age limits differ by country.",
		},
		{
			ID:    "location_data",
			Title: "Location data",
			Cues: []Cue{{
				Action: []string{"location", "geolocat*", "gps", "whereabouts"},
				With:   [][]string{{"your", "you", "device*", "precise", "approximate", "user*", "members", "people"}},
			}},
			Negatable: true,
			Severity:  Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityMedium},
			Escalations: []Escalation{{
				Phrases:  []string{"precise", "gps", "background", "continuous*", "real time", "at all times", "even when"},
				Severity: SeverityHigh,
				Label:    "precise location tracking",
			}},
			Regulations: []Regulation{gdpr("Art. 6"), eprivacy("Art. 9"), ccpa("§1798.121")},
			Guidance:    "Check whether precise or background location is collected from staff devices, whether consent is asked, and how mobile device policies limit it.",
		},
		{
			ID:    "content_license",
			Title: "Content licence",
			Cues: []Cue{{
				Action: []string{"licen*"},
				With: [][]string{
					{"content", "submission*", "material*", "posts", "user generated", "you post|upload|submit|provide|share|create", "recordings", "photos", "videos", "likeness"},
					{"grant*", "give*", "hereby", "royalt*", "perpetual", "irrevocable", "worldwide", "sublicens*", "transferable"},
				},
			}, {
				Action: []string{"grant*|give* ~3 permission*|right|rights"},
				With:   [][]string{{"content", "submission*", "material*", "posts", "user generated", "you post|upload|submit|provide|share|create", "recordings", "photos", "videos", "likeness"}},
			}},
			Exclude:  []string{"we grant you", "grants you", "licen* to use the services|software|app|platform"},
			Severity: Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityMedium},
			Escalations: []Escalation{{
				Phrases:  []string{"perpetual", "irrevocable", "any purpose", "train*", "machine learning", "artificial intelligence"},
				Severity: SeverityHigh,
				Label:    "broad licence to user content",
			}},
			Regulations: []Regulation{dsa("Art. 14"), unfairTerms, gdpr("Art. 6")},
			Guidance:    "Check the scope (purposes, duration, sublicensing) against confidential material your teams upload, and whether enterprise terms narrow it.",
		},
		{
			ID:    "account_termination",
			Title: "Account termination",
			Cues: []Cue{{
				Action: []string{"terminat*", "suspend*", "suspension*", "disable*|deactivat*|lock* ~3 account*", "ban", "bans", "banned", "banning",
					"restrict* ~3 access", "we ~3 clos*|delet*|remov* ~3 account*", "inactive|inactivity|dormant"},
				With: [][]string{{"account*", "access", "service*", "your use", "these terms", "membership", "this agreement", "subscription*"}},
			}},
			Severity: Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityLow},
			Escalations: []Escalation{{
				Phrases:  []string{"without ~3 notice|reason|cause", "at any time", "sole discretion", "any reason", "no reason"},
				Severity: SeverityMedium,
				Label:    "account termination without notice or reason",
			}},
			Regulations: []Regulation{dsa("Art. 17"), dsa("Art. 20"), {"P2B Regulation (EU) 2019/1150", "Art. 4", "EU"}},
			Guidance:    "Make sure critical data can be exported before a suspension, note the notice period and appeal route, and keep a contingency plan for the service.",
		},
		{
			ID:    "governing_law",
			Title: "Governing law",
			Cues: []Cue{
				{
					Action: []string{"governed by", "governing law", "choice of law", "conflict* of law*", "construed in accordance", "laws|law of ~6 govern*"},
					With:   [][]string{{"law", "laws", "state of", "statute*"}},
				},
				{
					Action: []string{"court*", "venue", "tribunal*", "jurisdiction"},
					With:   [][]string{{"exclusiv*", "resolved", "brought", "submit*", "located in", "dispute*", "claim*", "litigat*"}},
				},
			},
			Exclude:     []string{"court order*", "law enforcement", "subpoena*", "warrant*"},
			Severity:    Severities{Added: SeverityLow, Removed: SeverityLow, Modified: SeverityMedium},
			Regulations: []Regulation{{"Rome I Regulation (EC) 593/2008", "Art. 6", "EU"}, {"Brussels I bis Regulation (EU) 1215/2012", "Art. 18", "EU"}, unfairTerms},
			Guidance:    "Check which law and courts now apply to disputes, whether that is workable for your legal team, and whether consumer-protection rules of your users' country still apply.",
		},
		{
			ID:    "opt_out",
			Title: "Opt-out",
			Cues: []Cue{{
				Action: []string{"opt out", "optout", "unsubscrib*", "do not sell or share", "do not sell my", "withdraw* ~3 consent",
					"object to", "right to object", "turn|switch|toggle ~4 off", "disable ~4 setting*|personaliz*|feature*|tracking",
					"limit ~3 use of", "stop ~4 receiving|sharing|processing|selling", "choose not to", "manage|adjust|change ~3 preferences|settings|choices",
					"exclude ~4 from"},
			}},
			Negatable:   true,
			Severity:    Severities{Added: SeverityLow, Removed: SeverityHigh, Modified: SeverityMedium},
			Regulations: []Regulation{ccpa("§1798.120"), ccpa("§1798.135"), gdpr("Art. 21"), gdpr("Art. 7(3)")},
			Guidance:    "Find out where the control now lives (account, admin console, web form), who in your organization must use it, and whether it applies retroactively.",
		},
		{
			ID:    "consent",
			Title: "Consent",
			Cues: []Cue{{
				Action: []string{"consent*", "your permission", "with permission", "opt in", "optin", "explicit* agree*",
					"ask ~3 for ~2 permission|approval|agreement", "authoriz* us"},
			}},
			Exclude:  []string{"consent to ~3 jurisdiction|venue|arbitration|exclusive"},
			Severity: Severities{Added: SeverityLow, Removed: SeverityMedium, Modified: SeverityLow},
			Escalations: []Escalation{{
				Phrases:  []string{"by using", "continued use", "deemed", "implied"},
				Severity: SeverityMedium,
				Label:    "consent by continued use",
			}},
			Regulations: []Regulation{gdpr("Art. 6(1)(a)"), gdpr("Art. 7"), eprivacy("Art. 5(3)")},
			Guidance:    "Check whether consent is freely given and specific or merely implied by use, who in your organization gives it, and how it is withdrawn.",
		},
		{
			ID:    "law_enforcement",
			Title: "Law-enforcement access",
			Cues: []Cue{{
				Action: []string{"law enforcement", "government*", "public authorit*", "subpoena*", "court order*", "warrant*", "legal process",
					"legal request*", "lawful request*", "regulator*", "police", "national security", "intelligence agenc*"},
				With: [][]string{{"disclos*", "shar*", "provid*", "respond*", "comply*", "access*", "request*", "produc*", "give", "hand over", "preserv*", "make available", "release"}},
			}},
			Exclude:   []string{"government issued", "government id|ids|identification"},
			Negatable: true,
			Severity:  Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityLow},
			Escalations: []Escalation{{
				Phrases:  []string{"without ~3 warrant|subpoena|court|legal|notice", "voluntar*", "proactiv*", "direct access", "backdoor*"},
				Severity: SeverityHigh,
				Label:    "disclosure to authorities without legal process",
			}},
			Regulations: []Regulation{gdpr("Art. 48"), {"Stored Communications Act", "18 U.S.C. §2703", "US"}, {"CLOUD Act", "18 U.S.C. §2713", "US"}},
			Guidance:    "Check whether the provider commits to notify you and to challenge overbroad requests, and whether a transparency report is published.",
		},
		{
			ID:    "data_transfer",
			Title: "International data transfer",
			Cues: []Cue{
				{
					Action: []string{"transfer|transfers|transferred|transferring|transferal*", "stored|processed|hosted|housed|maintained ~3 in|outside", "cross border", "outside ~3 country|eea|european|uk|jurisdiction"},
					With: [][]string{{"countr*", "eea", "european economic area", "european union", "united states", "the us", "u s", "usa", "international*",
						"outside", "third countr*", "jurisdiction*", "standard contractual clauses", "data privacy framework", "adequacy",
						"binding corporate rules", "worldwide", "globally", "abroad", "overseas", "switzerland", "uk", "united kingdom"}},
				},
				{Action: []string{"standard contractual clauses", "data privacy framework", "privacy shield", "adequacy decision*", "binding corporate rules"}},
			},
			Negatable:   true,
			Severity:    Severities{Added: SeverityMedium, Removed: SeverityLow, Modified: SeverityMedium},
			Regulations: []Regulation{gdpr("Art. 44–49"), gdpr("Art. 46"), {"EU-US Data Privacy Framework", "Decision (EU) 2023/1795", "EU"}},
			Guidance:    "Check the destination countries and the transfer mechanism (adequacy, SCCs, DPF certification), and update your transfer impact assessment.",
		},
	}
}
