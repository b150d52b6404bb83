package analysis

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// gist is what a statement says about a practice: the content words of its
// comparison key, stemmed, a synonym written as the word it stands for,
// sorted. Word order is left out ("can only be seen" and "can be seen
// only"); repeats, negations and numbers stay: "law governs all disputes
// about these terms" and "law governs these terms and all disputes about
// these terms" differ by the terms themselves.
type gist []string

// gistOf returns the gist of a comparison key (see compareKey).
func gistOf(key string) gist {
	var out gist
	prefix, last := "", ""
	for w := range strings.FieldsSeq(key) {
		if clauseWords[last] && hasDigit(w) {
			// "This Section 10A applies" renumbered "Section 10B":
			// which number a clause has is the document's layout.
			last = w
			continue
		}
		w, last = cmp.Or(inOrderTo(last, w), w), w
		if prefix != "" {
			// "pre-empted" and "preempted", "opt-ing" and "opting".
			w, prefix = prefix+w, ""
		} else if joinedPrefixes[w] {
			prefix = w
			continue
		}
		if n := numberWord(w); n > 0 {
			w = strconv.Itoa(n)
		}
		if shapeWords[w] {
			continue
		}
		// A British spelling of a plural ("licences") is read once
		// the plural went; "centre" is "center".
		if strings.HasSuffix(w, "e") {
			w = spelling(w)
		}
		w = stem(w)
		if len(w) >= 5 && strings.HasSuffix(w, "tr") {
			w = w[:len(w)-2] + "ter"
		}
		if s, ok := synonyms[w]; ok {
			w = s
		}
		if w == "" {
			continue
		}
		out = append(out, w)
	}
	if prefix != "" {
		out = append(out, prefix)
	}
	slices.Sort(out)
	return out
}

// inOrderTo returns "to" for the "order" of "in order to", whose "in" and
// "to" are shape words already, so that the phrase says what "to" says;
// "" for any other word.
func inOrderTo(last, w string) string {
	if last == "in" && w == "order" {
		return "to"
	}
	return ""
}

// clauseWords are the words before a clause's number.
var clauseWords = map[string]bool{"section": true, "sections": true, "clause": true, "clauses": true, "article": true, "articles": true, "paragraph": true, "paragraphs": true}

// joinedPrefixes are the parts of words that are written joined or with a
// hyphen: "e-mail", "pre-empted", "co-operate", "non-frivolous",
// "opt-in" (then "optin", whatever the spelling).
var joinedPrefixes = map[string]bool{"e": true, "pre": true, "re": true, "co": true, "non": true, "opt": true}

// subsetOf reports whether every word of g is in h, as many times.
func (g gist) subsetOf(h gist) bool {
	i := 0
	for _, w := range g {
		for i < len(h) && h[i] < w {
			i++
		}
		if i == len(h) || h[i] != w {
			return false
		}
		i++
	}
	return true
}

// stem strips the endings that tell a verb's form from another ("share",
// "shared", "sharing") so that they are one word. Words already lost a
// plural "s" in their key (spelling).
func stem(w string) string {
	if len(w) >= 6 && strings.HasSuffix(w, "ing") {
		w = w[:len(w)-3]
	} else if len(w) >= 5 && strings.HasSuffix(w, "ed") {
		w = w[:len(w)-2]
	}
	if len(w) >= 5 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// shapeWords are the words that shape a sentence without saying anything
// about a practice: prepositions, pronouns, auxiliaries, connectives,
// markers of an example ("such as", "including", "e.g."), pointers to
// more reading ("learn more", "see", "click here") and the markup of HTML
// written into a page. Words of English, French and German, as the rule
// files read them. Conditions ("if", "unless", "only", "except"), "or"
// (a condition that became an alternative: "and where you consent" and
// "or where you consent"), negations, modal verbs and numbers are not
// among them: they change what is said.
var shapeWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`
		to in on at by for from with into onto upon within through via about as than and
		also please note additionally further furthermore moreover since because defined define
		which who whom whose this these those it its we us our ours you your yours
		they them their he she his her i me my thi weve youve youre theyre
		is be been being was were am do doe did have having
		such like eg ie example instance including include includes included namely etc
		so then there here herein below above
		learn more see click visit read
		usd span nbsp quot amp li ul p h1 h2 h3 h4 h5 h6 div href http https www com html
		le la les l de des du d un une et ou a au aux en par pour sur dans avec que qui
		nous vous votre vos notre nos ce cette ces est sont
		der die das den dem ein eine einen einem einer und oder zu zum zur von mit fur auf im an am bei
		durch dass wir sie ihre ihr ihren ihrer uns unsere unser ist sind`) {
		m[w] = true
	}
	return m
}()

// synonyms maps the stem of a word to the stem of the word it is read as:
// words policies use for one another without changing what is done.
// Only swaps that keep who does what to which data are listed; "partners"
// and "vendors", "store" and "keep" are different statements.
var synonyms = func() map[string]string {
	groups := [][]string{
		{"share", "disclose"},
		{"data", "information", "info"},
		{"breach", "violation", "violate", "infringement"},
		{"get", "obtain"},
		{"use", "utilize"},
		{"allow", "permit", "let"},
		{"help", "assist"},
		{"keep", "retain"},
		{"buy", "purchase"},
		{"start", "begin", "begun", "began", "commence"},
		{"stop", "cease"},
		{"change", "modify", "amend", "alter"},
		{"delete", "erase"},
		{"user", "member"},
		{"service", "platform", "product"},
		{"ad", "ads", "advertisement", "advertising"},
		{"personalize", "personalized", "customize", "customized", "tailor", "tailored"},
		{"law", "legislation"},
		{"may", "can", "might"},
		{"will", "shall", "well"}, // "we'll" loses its apostrophe
		{"if", "when", "whenever"},
		{"necessary", "needed"},
		{"ensure", "guarantee"},
		{"improve", "enhance"},
		{"show", "display"},
		{"select", "choose", "tap"},
		{"additional", "extra"},
		{"location", "geolocation"},
		{"expiration", "expiry"},
		{"photo", "picture", "image"},
		{"site", "website"},
		{"app", "application"},
		// References to a law's provisions, written out or abbreviated
		// ("article 7, paragraph 3", "art. 7, para. 3", "Art. 6 Abs. 1").
		{"article", "art", "artikel"},
		{"paragraph", "para", "paragraphe", "absatz", "abs"},
		{"section", "sec"},
	}
	m := map[string]string{}
	for _, g := range groups {
		to := stem(spelling(g[0]))
		for _, w := range g[1:] {
			m[stem(spelling(w))] = to
		}
	}
	return m
}()
