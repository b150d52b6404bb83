package analysis

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// tokenizeReference is tokenize as first written, one rune at a time into
// a builder; tokenize, which slices words out of the text, must agree
// with it.
func tokenizeReference(text string) sentence {
	var s sentence
	var b strings.Builder
	clause := 0
	s.cond = []bool{false}
	openCond := false // current clause is conditional and has not met its comma yet
	newClause := func(cond bool) {
		clause++
		s.cond = append(s.cond, cond)
		openCond = cond
	}
	flush := func() {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		b.Reset()
		n := len(s.words)
		switch {
		case n > 0 && isConditional(w):
			newClause(true)
		case n > 0 && isContrast(w):
			newClause(false)
		case n > 0 && isSubject(w) && (s.words[n-1] == "and" || s.words[n-1] == "or") && s.clause[n-1] == clause:
			// "… and we share it": the conjunction starts the new clause.
			newClause(false)
			s.clause[n-1] = clause
		case n == 0 && isConditional(w):
			s.cond[0] = true
			openCond = true
		}
		s.words = append(s.words, w)
		s.clause = append(s.clause, clause)
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '\u2019':
			// dropped inside words: "don't" -> "dont"
		default:
			flush()
			switch r {
			case ';', ':':
				if len(s.words) > 0 {
					newClause(false)
				}
			case ',':
				if openCond {
					newClause(false)
				}
			}
		}
	}
	flush()
	return s
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
	"when,where;unless:until however and we or they",
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
