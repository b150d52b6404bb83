package diff

import "strings"

// companyDetail reports a company's registration details replaced after
// the label that introduces them, as the legal notice of a French
// company states them: its share capital ("au capital de 41 800 €") or
// an identifier such as its VAT or trade register number ("numéro de TVA
// FR64430236695"). They identify the company; they oblige nobody.
func companyDetail(leftCtx, d, n []tok) bool {
	if len(d) == 0 || len(n) == 0 || len(d) > maxIdentifierWords || len(n) > maxIdentifierWords ||
		!allDigits(d) || !allDigits(n) {
		return false
	}
	return shareCapital(leftCtx) || registrationLabel(leftCtx)
}

// maxIdentifierWords bounds the groups a number is written in ("430 236
// 695").
const maxIdentifierWords = 4

// allDigits reports words that each hold a digit: the groups of an
// amount or an identifier.
func allDigits(ts []tok) bool {
	for _, t := range ts {
		if !hasDigit(t.norm) {
			return false
		}
	}
	return true
}

// shareCapital reports context ending with the words that introduce a
// company's share capital: "au capital de", "au capital social de",
// "share capital of".
func shareCapital(left []tok) bool {
	words := norms(left[max(0, len(left)-3):])
	last := strings.Join(words, " ")
	return strings.HasSuffix(last, "capital de") || strings.HasSuffix(last, "capital social de") ||
		strings.HasSuffix(last, "share capital of")
}

// registrationLabel reports context whose last words name a register or
// a tax identifier ("numéro de TVA", "RCS de Paris", "SIREN"): the number
// after it identifies the company.
func registrationLabel(left []tok) bool {
	for _, t := range left[max(0, len(left)-3):] {
		if registrationWords[t.norm] {
			return true
		}
	}
	return false
}

var registrationWords = boolSet(`tva vat siren siret rcs kvk`)
