package diff

import "testing"

// TestMaterialityArticles checks that an article added or dropped is a
// slip in French as in English, and that another word added is not.
// Both directions of each pair are checked.
func TestMaterialityArticles(t *testing.T) {
	tests := []materialityCase{
		{"English article added to a title",
			"Welcome.\n\n1\\. Example Service\n\nYou need an account.\n",
			"Welcome.\n\n1\\. The Example Service\n\nYou need an account.\n", Editorial, ""},
		{"French article added to a title",
			"Bienvenue.\n\n1\\. Service Exemple\n\nVous devez avoir un compte.\n",
			"Bienvenue.\n\n1\\. Le Service Exemple\n\nVous devez avoir un compte.\n", Editorial, ""},
		{"French article added in a sentence",
			"Nous supprimons données de votre compte.\n",
			"Nous supprimons les données de votre compte.\n", Editorial, ""},
		{"French quantifier added in a sentence",
			"Nous supprimons les données de votre compte.\n",
			"Nous supprimons toutes les données de votre compte.\n", Substantive, ""},
		{"French negation added in a sentence",
			"Nous vendons les données de votre compte.\n",
			"Nous ne vendons pas les données de votre compte.\n", Substantive, ""},
	}
	checkMateriality(t, tests)
}
