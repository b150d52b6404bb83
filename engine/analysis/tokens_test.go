package analysis

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// tokenizeReference is tokenize's word splitting as first written, one
// rune at a time into a builder; tokenize, which slices words out of the
// text, must agree with it. Both give their words to the same
// clauseBuilder.
func tokenizeReference(text string) sentence {
	c := newClauseBuilder()
	var b strings.Builder
	capital := false
	flush := func(rest int) {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		b.Reset()
		c.word(w, rest, capital)
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if b.Len() == 0 {
				capital = 'A' <= r && r <= 'Z'
			}
			b.Write(appendFolded(nil, unicode.ToLower(r)))
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '\u2019':
			if isElision(b.String()) {
				flush(len(text[i:]))
			}
		case r == '_' && b.Len() > 0 && i+1 < len(text) && ascii.Alnum(text[i+1]):
		default:
			flush(len(text[i:]))
			c.punct(r)
		}
	}
	flush(0)
	return c.sentence()
}

var tokenizeCases = []string{
	"",
	"We do not sell your personal information.",
	"If you don't opt out, we may share it with partners; but we never sell it.",
	"Users' data and the company’s partners: O'Neill's café ÉCOLE Straße",
	"'quoted' words, and 'apostrophes' alone: ' '' ’",
	"MiXeD CaSe 123abc ABC123 x1Y2",
	"invalid \xff\xfe bytes and \ufffd replacement",
	"Nous ne vendons pas vos données ; wir verkaufen Ihre Daten nicht.",
	"l'utilisation d’entraîner qu'avec L'USAGE lorsqu'il, donne\u0301es Œuvre",
	"Pour ne plus recevoir, um keine, KI-Training",
	"when,where;unless:until however and we or they",
	"It is not required You may opt out. We do not sell it We can share it; not sold, We",
	"While we do not sell it, we share it; although, not sold",
	"__mp_opt_in_out_x, mp_optout, _hjSession_12 and __bold__ or _it_ A_É_b _ x_",
}

func TestTokenizeAgreesWithReference(t *testing.T) {
	for _, text := range tokenizeCases {
		if got, want := tokenize(text), tokenizeReference(text); !reflect.DeepEqual(got, want) {
			t.Errorf("tokenize(%q) = %+v, want %+v", text, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, text := range tokenizeCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := tokenize(text), tokenizeReference(text); !reflect.DeepEqual(got, want) {
			t.Errorf("tokenize(%q) = %+v, want %+v", text, got, want)
		}
	})
}

func TestTokenizeLanguages(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Nous n'utilisons pas vos données", "nous n utilisons pas vos donnees"},
		{"l’utilisation d'entraîner qu'avec lorsqu'il", "l utilisation d entrainer qu avec lorsqu il"},
		{"Gesichtserkennung, Übermittlung und Straße", "gesichtserkennung ubermittlung und strasse"},
		{"Œuvre ÉLÈVE", "oeuvre eleve"},
		{"donne\u0301es", "donnees"}, // decomposed "é"
		{"We don't sell the user's data", "we dont sell the users data"},
		{"KI-Training", "ki training"},
		// A name written with underscores is one word.
		{"cookies __mp_opt_in_out_xx, mp_optout and _ga", "cookies mpoptinoutxx mpoptout and ga"},
		{"Les cookies opt_in et __Secure_3PSID", "les cookies optin et secure3psid"},
	}
	for _, tt := range tests {
		if got := strings.Join(tokenize(tt.text).words, " "); got != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNegationScopeLanguages(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Nous ne vendons pas vos données personnelles", "vendons", true},
		{"Nous ne vendons jamais vos données", "vendons", true},
		{"Nous ne partageons vos données qu'avec nos prestataires", "partageons", false},
		{"Aucune donnée n'est vendue à des tiers", "vendue", true},
		{"Si vous ne vous y opposez pas, nous utiliserons vos données", "utiliserons", false},
		{"Nous utilisons vos données, notamment mais pas uniquement pour la publicité", "utilisons", false},
		{"Wir verkaufen Ihre personenbezogenen Daten nicht", "verkaufen", true},
		{"Wir verkaufen keine Daten an Dritte", "verkaufen", true},
		{"Wir geben Ihre Daten nicht an Dritte weiter", "geben", true},
		{"Wir stellen sicher, dass Ihre Daten nicht verkauft werden", "verkauft", true},
		{"Wir geben Ihre Daten an Partner weiter, die nicht in der EU sitzen", "geben", false},
		{"Wenn Sie nicht widersprechen, verwenden wir Ihre Daten", "verwenden", false},
		{"Wir nutzen Ihre Daten nicht nur für den Dienst", "nutzen", false},
		{"Wir speichern Standortdaten nicht länger als nötig", "speichern", false},
		{"Pour ne plus recevoir nos e-mails, cliquez sur le lien de désinscription", "désinscription", false},
		{"Nous conservons vos données pour ne pas perdre votre historique", "conservons", false},
		{"Um keine Newsletter mehr zu erhalten, klicken Sie auf den Abmeldelink", "Abmeldelink", false},
		// A sentence whose full stop was lost is a sentence of its own.
		{"Consent is not a condition of purchase You may choose to stop receiving texts", "stop", false},
		{"We do not sell the Information We Collect", "sell", true},
		{"We do not sell it you know", "sell", true},
		{"We do not keep your old messages We may archive your new ones", "archive", false},
		// "You" and "We" written as defined terms start no sentence.
		{"We do not allow that You may share your password", "share", true},
		{"The limit does not apply to You or to the data You share", "share", true},
	}
	for _, tt := range tests {
		s := tokenize(tt.text)
		pos := slices.Index(s.words, foldWord(strings.ToLower(tt.word)))
		if pos < 0 {
			t.Fatalf("%q not in %q", tt.word, tt.text)
		}
		if got := s.negated(pos, pos+1); got != tt.want {
			t.Errorf("negated(%q in %q) = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

func TestPhraseInsideWords(t *testing.T) {
	tests := []struct {
		phrase, text string
		want         bool
	}{
		{"*erkennung", "Wir nutzen Gesichtserkennung", true},
		{"*erkennung", "Wir nutzen Erkennung", true},
		{"*standort*", "Ihre Gerätestandortdaten", true},
		{"*standort*", "Ihre Adresse", false},
		{"standort*", "Ihre Gerätestandortdaten", false},
		{"d'entraîner", "afin d'entrainer nos modèles", true},
		{"données", "vos donnees", true},
	}
	for _, tt := range tests {
		p, err := parsePhrase(tt.phrase)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.contains(tokenize(tt.text).words); got != tt.want {
			t.Errorf("%q in %q = %v, want %v", tt.phrase, tt.text, got, tt.want)
		}
	}
}

// FuzzTokenizeInto holds tokenizing into the slices of the sentence
// before to tokenizing afresh.
func FuzzTokenizeInto(f *testing.F) {
	f.Add("If you do not opt out, we may share it; but not sell it.", "Wir verkaufen Ihre Daten nicht.")
	f.Add("l'utilisation de vos données", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		prev := tokenizeInto(a, sentence{})
		if got, want := tokenizeInto(b, prev), tokenize(b); !slices.Equal(got.words, want.words) ||
			!slices.Equal(got.clause, want.clause) || !slices.Equal(got.cond, want.cond) || !slices.Equal(got.comma, want.comma) {
			t.Fatalf("tokenizeInto(%q) after %q = %+v, want %+v", b, a, got, want)
		}
	})
}

// TestNamesWithUnderscores: a cookie or setting named with underscores
// ("mp_optout", "__mp_opt_in_out_x") added to a table of trackers names a
// tracker, not a consent or an opt-out; a sentence that offers the
// opt-out still changes it.
func TestNamesWithUnderscores(t *testing.T) {
	intro := "We use the trackers listed below to measure the audience of the site and to remember your settings."
	frIntro := "Nous utilisons les traceurs listés ci-dessous pour mesurer l'audience du site et mémoriser vos réglages."
	tests := []struct {
		name     string
		old, new []string
		category string
		changed  bool
	}{
		{
			name:     "an opt-out cookie joins a row",
			old:      []string{intro, "example.com; mp_xyz_panel, _hjSession_xyz; third-party cookies"},
			new:      []string{intro, "example.com; mp_xyz_panel, mp_optout, _hjSession_xyz; third-party cookies"},
			category: "opt_out",
		},
		{
			name:     "a consent cookie leaves a row",
			old:      []string{intro, "example.com; __mp_opt_in_out_xyz, _hjFirstSeen, ads_opt_in_flag;"},
			new:      []string{intro, "example.com; _hjFirstSeen;"},
			category: "consent",
		},
		{
			name:     "a consent cookie joins a French row",
			old:      []string{frIntro, "exemple.fr ; _hjFirstSeen, CrmSegment ; cookies tiers"},
			new:      []string{frIntro, "exemple.fr ; _hjFirstSeen, __mp_opt_in_out_xyz, pub_opt_in, CrmSegment ; cookies tiers"},
			category: "consent",
		},
		{
			name:     "an opt-out offered in words",
			old:      []string{intro},
			new:      []string{intro, "You can opt out of the audience measurement at any time in your settings."},
			category: "opt_out",
			changed:  true,
		},
		{
			name:     "a consent asked in French words",
			old:      []string{frIntro},
			new:      []string{frIntro, "Ces traceurs ne sont déposés qu'avec votre consentement préalable."},
			category: "consent",
			changed:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkChanged(t, doc(tt.old...), doc(tt.new...), tt.category, tt.changed)
		})
	}
}
