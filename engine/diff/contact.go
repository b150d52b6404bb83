package diff

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contactRun reports whether the changed words ts are contact details: an
// e-mail address, a link, a phone number, a postal address, or the few
// words that introduce them ("write to us at", "Attn: Privacy Team"). The
// words around the run (left, right) tell whether it sits in an address or
// a phone number. An empty run is a contact run only as the other side of
// one.
func contactRun(ts, left, right []tok) bool {
	left, right = sameSentence(left, right)
	window := make([]tok, 0, len(left)+len(ts)+len(right))
	window = append(append(append(window, left...), ts...), right...)
	marked := false
	for i, t := range window {
		if contactMarker(t) || inPhone(window, i) || splitPostcode(window, i) {
			marked = true
			break
		}
	}
	if !marked {
		return false
	}
	for i, t := range ts {
		pos := len(left) + i
		switch {
		case emailTok(t) || isLink(t.raw) || inPhone(window, pos):
		case hasDigit(t.norm):
			if !addressNumber(window, pos) {
				return false
			}
		case contactWords[t.norm] || contactWords[elided(t.raw)] || addressWord(t) || capitalized(t.raw) && !commonCapital[t.norm] && (!meaningful(t.norm) || inAddress(window)):
		default:
			return false
		}
	}
	return true
}

// sameSentence cuts the context to the sentence of the run, so that an
// e-mail address in the next sentence does not make a changed name a
// contact detail.
func sameSentence(left, right []tok) ([]tok, []tok) {
	for i := len(left) - 1; i >= 0; i-- {
		if closesSentence(left[i]) {
			left = left[i+1:]
			break
		}
	}
	for i, t := range right {
		if closesSentence(t) {
			right = right[:i+1]
			break
		}
	}
	return left, right
}

func closesSentence(t tok) bool {
	raw := strings.TrimRight(t.raw, `*_"')]`)
	if !strings.HasSuffix(raw, ".") && !strings.HasSuffix(raw, "!") && !strings.HasSuffix(raw, "?") {
		return false
	}
	if emailTok(t) || isLink(t.raw) {
		return true // "write to privacy@example.org." ends there; the dots inside an address do not count
	}
	return !addressWords[t.norm] && !abbreviations[t.norm] && utf8.RuneCountInString(t.norm) > 1
}

// contactMarker reports a word that only appears around contact details.
func contactMarker(t tok) bool {
	return emailTok(t) || isLink(t.raw) || addressWord(t) ||
		markerWords[t.norm] || postcode.MatchString(strings.Trim(t.raw, ",.;:()"))
}

var postcode = regexp.MustCompile(`^(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Za-z\d]?|\d[A-Z]{2}|[A-Z]\d[A-Z]|\d[A-Z]\d|[A-Z]{1,2}\d{2,3}|[A-Z]\d{3})$`)

// splitPostcode reports a postcode written as four digits and two
// capital letters before the town ("1076 HR Amsterdam"), as the
// Netherlands write them. The town must follow, and the letters must not
// be a common abbreviation, so that a year before one ("the 2024 EU
// Rules") is no postcode.
func splitPostcode(window []tok, i int) bool {
	if i+2 >= len(window) {
		return false
	}
	digits, letters := strings.Trim(window[i].raw, ",.;:()"), strings.TrimRight(window[i+1].raw, ",.;:")
	return len(digits) == 4 && hasOnlyDigits(digits) && digits[0] != '0' &&
		len(letters) == 2 && letters[0] >= 'A' && letters[0] <= 'Z' && letters[1] >= 'A' && letters[1] <= 'Z' &&
		!postcodeLookalikes[letters] && capitalized(window[i+2].raw) && !commonCapital[window[i+2].norm]
}

// postcodeLookalikes are two capitals that follow a year more often than
// a postcode's digits.
var postcodeLookalikes = boolSet(`EU UE UK US CE EC UN`)

func isEmail(raw string) bool {
	at := strings.IndexByte(raw, '@')
	if at < 0 {
		// Addresses written against harvesters: "privacy(at)example.org".
		at = max(strings.Index(raw, "(at)"), strings.Index(raw, "[at]"))
	}
	return at > 0 && strings.Contains(raw[at:], ".")
}

// emailTok reports an e-mail address, written out or obfuscated.
func emailTok(t tok) bool {
	return t.email || isEmail(t.raw)
}

func isLink(raw string) bool {
	// As strings.TrimLeft(raw, "(<[\"'"), without building its set of
	// bytes for each of the document's words.
	for raw != "" && strings.IndexByte("(<[\"'", raw[0]) >= 0 {
		raw = raw[1:]
	}
	for _, scheme := range []string{"http://", "https://", "www.", "mailto:", "tel:"} {
		if len(raw) >= len(scheme) && strings.EqualFold(raw[:len(scheme)], scheme) {
			return true
		}
	}
	return false
}

// inPhone reports whether the word at pos belongs to a run of
// phone-shaped words ("+1 (650) 543-4800") with at least seven digits.
func inPhone(window []tok, pos int) bool {
	if !phoneShaped(window[pos].raw) {
		return false
	}
	start, end := pos, pos+1
	for start > 0 && phoneShaped(window[start-1].raw) {
		start--
	}
	for end < len(window) && phoneShaped(window[end].raw) {
		end++
	}
	digits := 0
	for _, t := range window[start:end] {
		for _, r := range t.raw {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
	}
	return digits >= 7
}

func phoneShaped(raw string) bool {
	raw = strings.TrimRight(raw, ",.;")
	if raw == "" || !hasDigit(raw) {
		return false
	}
	for _, r := range raw {
		if !strings.ContainsRune("0123456789+()-./", r) {
			return false
		}
	}
	return true
}

// addressNumber reports whether the number at pos is part of a postal
// address (a street number, a postcode, a suite): the window holds an
// address word and the number neither counts something ("30 days") nor
// follows a bound ("under 13").
func addressNumber(window []tok, pos int) bool {
	if postcode.MatchString(strings.Trim(window[pos].raw, ",.;:()")) && !unitAfter(window, pos) {
		return true
	}
	if !inAddress(window) || unitAfter(window, pos) || countsAfter(window, pos) {
		return false
	}
	return pos == 0 || !bounds[window[pos-1].norm] && !strings.ContainsAny(window[pos-1].raw, "$€£")
}

// inAddress reports a window holding a street word, a postcode with
// letters, or a US state and ZIP code ("Dulles, VA 20166").
func inAddress(window []tok) bool {
	for i, t := range window {
		if addressWord(t) || postcode.MatchString(strings.Trim(t.raw, ",.;:()")) && !hasOnlyDigits(t.norm) || splitPostcode(window, i) {
			return true
		}
		if i > 0 && stateCode(window[i-1].raw) && zipCode.MatchString(strings.Trim(t.raw, ",.;:()")) {
			return true
		}
	}
	return false
}

var zipCode = regexp.MustCompile(`^\d{5}(?:-\d{4})?$`)

// stateCode reports two capital letters after a comma's place: the state
// of a US address ("VA", "NY,").
func stateCode(raw string) bool {
	raw = strings.TrimRight(raw, ",")
	return len(raw) == 2 && raw[0] >= 'A' && raw[0] <= 'Z' && raw[1] >= 'A' && raw[1] <= 'Z'
}

// countsAfter reports a number followed by a word in lower case that
// names no part of an address: "2 claims" counts claims, where "42 Mill
// Street", "12 rue de la Paix" and "3rd floor" place a door.
func countsAfter(window []tok, pos int) bool {
	if pos+1 >= len(window) {
		return false
	}
	next := window[pos+1]
	r, _ := utf8.DecodeRuneInString(next.raw)
	return unicode.IsLower(r) && !addressWord(next) && !addressWords[next.norm] && !contactWords[next.norm]
}

func unitAfter(window []tok, pos int) bool {
	if pos+1 >= len(window) || !units[window[pos+1].norm] {
		return false
	}
	// "27 Old Gloucester Street": a capitalized word before a street word
	// names the street.
	if capitalized(window[pos+1].raw) {
		for _, t := range window[pos+2 : min(len(window), pos+5)] {
			if addressWord(t) {
				return false
			}
		}
	}
	return true
}

func capitalized(raw string) bool {
	raw = strings.TrimLeft(raw, `*_"'([`)
	r, _ := utf8.DecodeRuneInString(raw)
	return unicode.IsUpper(r)
}

func boolSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

// addressWord reports a word of a postal address: a street word that is
// not also an ordinary word ("Suite", "Str."), one that is when it is
// capitalized ("Willow Road"), or a street name ending in a street word
// ("Neuturmstraße").
func addressWord(t tok) bool {
	if streetWords[t.norm] {
		return true
	}
	if addressWords[t.norm] && capitalized(t.raw) {
		return true
	}
	for _, suffix := range streetSuffixes {
		if strings.HasSuffix(t.norm, suffix) && len(t.norm) > len(suffix) {
			return true
		}
	}
	return false
}

// streetSuffixes end German and Dutch street names, written as one word
// with the name ("Neuturmstraße", "Keizersgracht").
var streetSuffixes = []string{"straße", "strasse", "gasse", "platz", "allee", "straat", "laan", "gracht", "plein", "kade", "singel"}

func hasOnlyDigits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// streetWords mark a postal address in any case.
var streetWords = boolSet(`street avenue boulevard blvd suite floor straße strasse str rue calle co`)

// addressWords mark a postal address when capitalized ("Willow Road").
var addressWords = boolSet(`street st road rd avenue ave boulevard blvd drive dr lane ln way place pl plaza
square sq court ct parkway pkwy highway hwy quay terrace suite ste floor fl building bldg box po
strasse straße rue calle via platz`)

// markerWords introduce contact details. The English labels that also
// name kinds of data a policy collects ("e-mail address", "phone number",
// "postal address") are left out: beside them, a word added to a list of
// collected data would pass for a changed detail. A detail itself (an
// address, a link, a number) still marks the run. The French and German
// labels stay until a pair shows them naming collected data.
var markerWords = boolSet(`contact attn attention representative officer dpo
adresse courrier courriel poste postale téléphone représentant sas sasu sarl eurl
kontakt anschrift telefon vertreter vertretung datenschutzbeauftragter datenschutzbeauftragten`)

// contactWords may change inside contact details without changing the
// document's meaning.
var contactWords = boolSet(`contact contacting reach us at write writing email mail mailing post postal address
addresses is our the a an by via or and phone telephone tel call fax number tollfree toll free form online
web website webpage page here visit send letter attn attention co privacy team office department data protection
officer dpo representative agent designated legal support customer service services help center centre questions question
concerns comments you can also may use fill submit through complete directly mr ms mrs dr have about this policy notice please registered headquarters located inc ltd llc
limited gmbh sa bv corp corporation company following details below
if in live living reside for more information on how to click representation certificate
par voie postale poste courrier courriel adresse suivante téléphone nous notre nos vous pouvez contacter contactez
écrire écrivant en ligne ici à au aux le la les l de des du d un une ou et délégué déléguée protection données
représentant sas sarl
per post unter folgender folgende anschrift telefon kontaktieren erreichen sie uns unsere unser unseren ihr ihre
der die das den dem des ein eine einen oder und an bei zum zur lautet ist allgemeine emailadresse schreiben
vertreter vertretung datenschutzbeauftragter datenschutzbeauftragten wenn wohnen können finden hier ag kg`)

var abbreviations = boolSet(`inc ltd llc co corp no nos sa sas bv gmbh plc ag mr mrs ms dr attn tel`)

// units follow a number that counts or bounds something.
var units = boolSet(`percent per times eur euros usd dollars gbp pounds business calendar working
day days week weeks month months year years hour hours minute minutes old aged`)

// bounds precede a number that limits something.
var bounds = boolSet(`under over least most than age aged within above below after before up until`)

// commonCapital are words capitalized because they open a sentence, never
// names.
var commonCapital = boolSet(`we you your our us they their it its this that these those there here he she
when where what which who how why as at for of in on by is are be been was were do does did has have had
a an the i`)

// personName reports a person named with an honorific ("Ms Jane Doe",
// "Herr Max Muster"): a changed name of a contact person or of the
// company's legal representative identifies, it does not oblige.
func personName(ts []tok) bool {
	if len(ts) < 2 || len(ts) > maxNameWords || !honorifics[ts[0].norm] {
		return false
	}
	for _, t := range ts[1:] {
		if !capitalized(t.raw) || meaningful(t.norm) || hasDigit(t.norm) {
			return false
		}
	}
	return true
}

// byline reports a person's name replaced under the words that credit an
// article to its author ("Written by Jane Doe", "Author: Jane Doe"): who
// wrote a help page binds nobody.
func byline(leftCtx, d, n []tok) bool {
	if len(leftCtx) == 0 || !plainName(d) || !plainName(n) {
		return false
	}
	last := leftCtx[len(leftCtx)-1]
	if strings.HasSuffix(last.raw, ":") {
		return authorLabels[last.norm]
	}
	return last.norm == "by" && len(leftCtx) > 1 && bylineVerbs[leftCtx[len(leftCtx)-2].norm]
}

// plainName reports two to four capitalized words that carry no meaning
// of their own and hold no digit: a person's first and last names.
func plainName(ts []tok) bool {
	if len(ts) < 2 || len(ts) > 4 {
		return false
	}
	for _, t := range ts {
		if !capitalized(t.raw) || commonCapital[t.norm] || meaningful(t.norm) || hasDigit(t.norm) ||
			strings.HasSuffix(strings.TrimRight(t.raw, `*_"')]`), ".") && t != ts[len(ts)-1] {
			return false
		}
	}
	return true
}

var bylineVerbs = boolSet(`written authored posted reviewed edited updated published`)

var authorLabels = boolSet(`author authors`)

var honorifics = boolSet(`mr mrs ms miss dr m mme mlle monsieur madame herr frau`)

// elided returns a French word after an elided article or preposition
// ("l'adresse", "d'un"), normalized, or "" when there is none. A negation
// ("n'") is not elided here: it is not a contact word.
func elided(raw string) string {
	if rest, ok := cutElision(strings.ToLower(strings.TrimLeft(raw, `*_"([`))); ok {
		return normWord(rest)
	}
	return ""
}
