package analysis

import "testing"

// TestRateFrenchAdsOffPlatform checks that French ads built on people's
// data and shown on third-party sites, media or social networks are
// personalization using off-platform activity (high), and that data passed
// on for another company to build ad audiences is sharing for targeted
// advertising (high), while ads tailored on the platform alone stay medium.
func TestRateFrenchAdsOffPlatform(t *testing.T) {
	kept := "Nous pouvons modifier la présente politique à tout moment."
	tests := []struct {
		name, sentence, category string
		want                     Severity
	}{
		{"ads on third-party media",
			"Vos achats nous aident à personnaliser la publicité diffusée sur des supports tiers.", "ad_personalization", SeverityHigh},
		{"ads on social networks",
			"Nous utilisons votre historique de navigation pour vous montrer des publicités ciblées sur les réseaux sociaux.", "ad_personalization", SeverityHigh},
		{"ads on the platform alone",
			"Nous utilisons votre historique de navigation pour vous montrer des publicités ciblées dans notre application.", "ad_personalization", SeverityMedium},
		{"data passed on to build audiences",
			"Nous transmettons vos données de navigation à notre partenaire, qui est en charge de la création des audiences.", "data_sharing", SeverityHigh},
		{"data passed on to deliver orders",
			"Nous transmettons vos données à notre partenaire, qui livre vos commandes.", "data_sharing", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), tt.category, tt.want)
		})
	}
}

// TestRateFrenchAIPublicSource checks that French text gathering publicly
// available information as a source for AI models is AI training on public
// information (high), while a source of data named without it stays medium.
func TestRateFrenchAIPublicSource(t *testing.T) {
	kept := "Nous pouvons modifier la présente politique à tout moment."
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"public information as a source for models",
			"Pour disposer d'une source pour nos modèles d'IA, notre robot indexe les informations publiquement disponibles sur le web.", SeverityHigh},
		{"licensed texts as a source for models",
			"Des textes acquis sous licence servent de source pour nos modèles d'IA.", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), "ai_training", tt.want)
		})
	}
}

// TestRateFrenchConsentSubjectTo checks that "sous réserve de votre
// consentement" (subject to your consent) is the consent requirement: a
// practice that loses it and remains is a safeguard removed (high), while
// the requirement reworded as "uniquement avec votre accord" keeps it.
func TestRateFrenchConsentSubjectTo(t *testing.T) {
	kept := "Nous vous demandons votre accord avant de déposer des cookies de mesure."
	old := doc(kept, "Nous partageons vos informations avec des annonceurs, sous réserve de votre consentement.")
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"the condition dropped",
			"Nous partageons vos informations avec des annonceurs, selon les modalités ci-après.", SeverityHigh},
		{"the condition reworded",
			"Nous partageons vos informations avec des annonceurs uniquement avec votre accord.", SeverityLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, old, doc(kept, tt.sentence), "consent", tt.want)
		})
	}
}

// TestRateFrenchLawOnly checks that a French practice done only because
// the law compels it restates the law (low), as in English, while the same
// practice stated on its own stays medium.
func TestRateFrenchLawOnly(t *testing.T) {
	kept := "Nous pouvons modifier la présente politique à tout moment."
	tests := []struct {
		name, sentence, category string
		want                     Severity
	}{
		{"laws as the subject",
			"Certaines lois nous obligent à partager des informations avec des chercheurs et d'autres tiers.", "data_sharing", SeverityLow},
		{"where the law requires it",
			"Nous communiquons vos données à nos partenaires lorsque la loi l'exige.", "data_sharing", SeverityLow},
		{"where required by law",
			"Nous conservons vos factures pendant dix ans si cela est requis par la loi.", "data_retention", SeverityLow},
		{"the practice on its own",
			"Nous partageons des informations avec des chercheurs et d'autres tiers.", "data_sharing", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), tt.category, tt.want)
		})
	}
}
