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

// registrationNumber reports a company's registration number added to,
// removed from or replaced in the sentence that records its registration
// ("registered with the Example Register under number 16005304",
// "inscrite auprès de l'ORIAS sous le numéro 16005304"): the number
// identifies the company in the register the sentence still names. Each
// side is empty or the words that label a number, then the number.
func registrationNumber(leftCtx, d, n []tok) bool {
	if len(d) == 0 && len(n) == 0 || len(d) > 0 && !labelledNumber(d) || len(n) > 0 && !labelledNumber(n) {
		return false
	}
	// The sentence before the run; its last word may close it on the
	// side without the number ("courtiers." before "sous le numéro").
	for i := len(leftCtx) - 1; i >= 0; i-- {
		if registeredWords[leftCtx[i].norm] {
			return true
		}
		if i < len(leftCtx)-1 && closesSentence(leftCtx[i]) {
			return false
		}
	}
	return false
}

// labelledNumber reports the words that label a number ("under number",
// "sous le numéro", "n°"), then the number.
func labelledNumber(ts []tok) bool {
	i, labelled := 0, false
	for i < len(ts) && numberLabelWords[ts[i].norm] {
		labelled = labelled || numberWords[ts[i].norm]
		i++
	}
	ids := ts[i:]
	return labelled && len(ids) > 0 && len(ids) <= maxIdentifierWords && allDigits(ids)
}

var (
	registeredWords  = boolSet(`registered inscrit inscrite inscrits inscrites immatriculé immatriculée immatriculés immatriculées enregistré enregistrée`)
	numberWords      = boolSet(`number no n nº numéro immatriculation dimmatriculation`)
	numberLabelWords = boolSet(`number no n nº numéro immatriculation dimmatriculation registration under with the sous le la au`)
)
