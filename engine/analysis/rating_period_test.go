package analysis

import "testing"

// TestRateRetentionShortened checks that a retention period made shorter
// narrows retention (low) in English and French, while a period made
// longer, or one cut beside another made longer, is still a changed term
// (medium).
func TestRateRetentionShortened(t *testing.T) {
	kept := "We may update this policy from time to time."
	tests := []struct {
		name     string
		old, new []string
		want     Severity
	}{
		{"five years become three",
			[]string{"We retain your personal information for five years after your last purchase."},
			[]string{"We retain your personal information for three years after your last purchase."},
			SeverityLow},
		{"months become days, in French",
			[]string{"Vos données de navigation sont conservées pendant une durée de 13 mois."},
			[]string{"Vos données de navigation sont conservées pendant une durée de 90 jours, puis supprimées."},
			SeverityLow},
		{"five years become three, the data and the start reworded, in French",
			[]string{"Les données de vos commandes sont conservées pendant cinq ans après votre dernier achat sur le site."},
			[]string{"Les données que nous utilisons pour la relation client et la prospection sont conservées pendant trois ans après votre dernière visite, commande ou connexion sur le site."},
			SeverityLow},
		{"a period newly set for other data",
			[]string{"We retain your personal information for five years."},
			[]string{"We retain your personal information for three years.", "Photos you delete from your profile are stored on our backup servers for another 90 days."},
			SeverityMedium},
		{"two years become five",
			[]string{"We retain your personal information for two years after your last purchase."},
			[]string{"We retain your personal information for five years after your last purchase."},
			SeverityMedium},
		{"one period cut, another lengthened",
			[]string{"We retain your personal information for five years.", "We keep your support chats for 30 days."},
			[]string{"We retain your personal information for three years.", "We keep your support chats for 2 years."},
			SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(append([]string{kept}, tt.old...)...), doc(append([]string{kept}, tt.new...)...), "data_retention", tt.want)
		})
	}
}
