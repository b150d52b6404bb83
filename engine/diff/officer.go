package diff

import "strings"

// officerNamed reports the person a company names as its officer replaced
// by another, with their office: "Mr Jean Dupont, President" becoming
// "Mr Paul Martin, Managing Director" under the honorific the versions
// share, as a legal notice names its publication director. Who holds the
// office identifies the company's people; it obliges nobody. Each side is
// a person's name, with the office after a comma or without one.
func officerNamed(leftCtx, d, n []tok) bool {
	if len(leftCtx) == 0 || !honorifics[leftCtx[len(leftCtx)-1].norm] {
		return false
	}
	return nameWithOffice(d) && nameWithOffice(n)
}

// maxOfficeWords bounds the words of an office: "Chief Executive
// Officer", "Directeur de la publication".
const maxOfficeWords = 4

// nameWithOffice reports a person's names, then, after a comma, the
// office they hold ("Jean Dupont, Directeur général"), or the names
// alone.
func nameWithOffice(ts []tok) bool {
	if plainName(ts) {
		return true
	}
	for i := 2; i <= min(4, len(ts)-1); i++ {
		if strings.HasSuffix(ts[i-1].raw, ",") && plainName(ts[:i]) && office(ts[i:]) {
			return true
		}
	}
	return false
}

// office reports the words of an office, joined by the small words of
// its name ("Directeur de la publication").
func office(ts []tok) bool {
	if len(ts) == 0 || len(ts) > maxOfficeWords || !officeWords[ts[0].norm] || !officeWords[ts[len(ts)-1].norm] {
		return false
	}
	for _, t := range ts {
		if !officeWords[t.norm] && !officeConnectors[t.norm] {
			return false
		}
	}
	return true
}

var officeWords = boolSet(`président présidente president directeur directrice director général générale general
gérant gérante manager managing ceo cfo coo cto chief executive officer operating financial
chairman chairwoman chair founder cofounder fondateur fondatrice cofondateur cofondatrice publication`)

var officeConnectors = boolSet(`de la du of the`)
