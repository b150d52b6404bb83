package diff

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// tok is one word of a changed run: raw as displayed (punctuation and
// Markdown kept, for recognising e-mail addresses, links and capitals) and
// norm, its lower-case letters and digits (for comparing wording).
type tok struct {
	raw, norm string
	email     bool // an e-mail address hidden behind an obfuscation link
}

// tokens turns display words into toks. Link targets, images, HTML tags
// and bare web addresses are dropped: where a link points is presentation,
// not wording (an e-mail address stays, as a contact detail). So are words
// with neither letters nor digits (bullets, pipes, dashes).
//
// A web address glued to a word by a broken link ("\[[https://…\]](…)(Terms")
// is dropped from the word. A word linking to Cloudflare's e-mail
// protection stands for the address it hides: its text varies with how
// the page was saved ("[email protected]", "protected]example.com"); so
// does the placeholder "[email protected]" linked elsewhere.
func tokens(words []string) []tok {
	words = splitBreaks(words)
	out := make([]tok, 0, len(words))
	for _, w := range words {
		hidden := strings.Contains(w, emailProtection) || placeholder(w, out)
		// Each expression needs a character most words lack; testing for
		// it first spares the expressions nearly every word of a version.
		if strings.IndexByte(w, '<') >= 0 {
			w = htmlTag.ReplaceAllString(w, "")
		}
		if strings.Contains(w, "![") {
			w = image.ReplaceAllString(w, "")
		}
		if strings.Contains(w, "](") {
			w = linkTarget.ReplaceAllString(w, "]")
		}
		if isLink(w) || isDomain(w) || strings.HasPrefix(w, "![") {
			continue
		}
		if strings.Contains(w, "://") {
			w = webURL.ReplaceAllString(w, "")
		}
		if hidden && len(out) > 0 && strings.HasSuffix(out[len(out)-1].norm, "email") {
			out[len(out)-1].email = true // "[email" of "[email protected]"
		}
		if n := normWord(w); n != "" {
			out = append(out, tok{raw: w, norm: n, email: hidden})
		}
	}
	return out
}

// splitBreaks splits the words that hold a line break written as HTML
// ("Street<br><br>Springfield", as tables write an address over
// lines) at the break: dropped as a tag, it would glue the words on
// either side into one.
func splitBreaks(words []string) []string {
	var out []string
	for i, w := range words {
		if strings.IndexByte(w, '<') < 0 || !lineBreak.MatchString(w) {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)+2), words[:i]...)
		}
		out = append(out, strings.Fields(lineBreak.ReplaceAllString(w, " "))...)
	}
	if out == nil {
		return words
	}
	return out
}

var lineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)

// emailProtection is the path of Cloudflare's e-mail obfuscation links.
const emailProtection = "/cdn-cgi/l/email-protection"

// placeholder reports the second word of Cloudflare's "[email protected]",
// which stands for an address whatever the link around it points to (a
// page may link it to its own address, not to the protection script).
func placeholder(w string, before []tok) bool {
	if !strings.HasPrefix(w, "protected") || len(before) == 0 || !strings.HasSuffix(before[len(before)-1].norm, "email") {
		return false
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(w, "protected"), "\\")
	return strings.HasPrefix(rest, "]")
}

var (
	// A target may hold parentheses in pairs: "…/Mandate%20(HD)/…".
	linkTarget = regexp.MustCompile(`\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*"?)?\)?`)
	image      = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	htmlTag    = regexp.MustCompile(`<[^>\s]*>`)
	domain     = regexp.MustCompile(`^[a-z0-9-]{2,}(?:\.[a-z0-9-]{2,})*\.[a-z]{2,}(?:/\S*)?$`)
)

// isDomain reports a bare web address written as text ("example.com/blog").
//
// A capital after the last dot starts a sentence whose space was lost
// ("supremacy.We"), it does not end an address.
func isDomain(w string) bool {
	if strings.IndexByte(w, '.') < 0 {
		return false // most words, without trimming them
	}
	w = strings.Trim(w, "[]()<>\"',.;:*_")
	dot := strings.LastIndexByte(w, '.')
	if dot < 0 || dot+1 < len(w) && w[dot+1] >= 'A' && w[dot+1] <= 'Z' {
		return false
	}
	return domain.MatchString(strings.ToLower(w))
}

func normWord(w string) string {
	if isLowerAlnum(w) {
		return w
	}
	// Most other words are such a word between ASCII punctuation
	// ("data,", "(a)", "**note**"): the word itself, without copying it.
	i, j := 0, len(w)
	for i < j && isASCIINonAlnum(w[i]) {
		i++
	}
	for j > i && isASCIINonAlnum(w[j-1]) {
		j--
	}
	if i < j && (i > 0 || j < len(w)) && isLowerAlnum(w[i:j]) {
		return w[i:j]
	}
	var b strings.Builder
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isASCIINonAlnum reports an ASCII byte that is neither a letter nor a
// digit, which normWord drops.
func isASCIINonAlnum(c byte) bool {
	return c < 0x80 && !ascii.Alnum(c)
}

// isLowerAlnum reports a word of lower-case ASCII letters and digits
// only, which normWord leaves as it is.
func isLowerAlnum(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// dropNumbering removes list and section numbers ("3.", "(b)", "iv)")
// that open a sentence: renumbering is layout. A number inside a sentence
// ("aged 13.") is kept. prev is the text just before ts.
func dropNumbering(ts []tok, prev []tok) []tok {
	out := make([]tok, 0, len(ts))
	for i, t := range ts {
		var before *tok
		switch {
		case i > 0:
			before = &ts[i-1]
		case len(prev) > 0:
			before = &prev[len(prev)-1]
		}
		if isListNumber(t.raw) && (before == nil || endsClause(before.raw)) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isListNumber(raw string) bool {
	w := strings.ReplaceAll(strings.Trim(raw, "*_#"), "\\", "")
	if strings.HasPrefix(w, "(") && strings.HasSuffix(w, ").") {
		w = w[1 : len(w)-2] // "(5)."
	} else if strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") {
		w = w[1 : len(w)-1]
	} else if strings.HasSuffix(w, ".") || strings.HasSuffix(w, ")") {
		w = w[:len(w)-1]
	} else if !strings.Contains(w, ".") {
		return false
	}
	if w == "" || len(w) > 8 {
		return false
	}
	if strings.Trim(w, "0123456789.") == "" {
		return true
	}
	lower := strings.ToLower(w)
	return len(lower) == 1 && lower[0] >= 'a' && lower[0] <= 'z' || strings.Trim(lower, "ivxlc") == "" && len(lower) <= 5
}

func endsClause(raw string) bool {
	raw = strings.TrimRight(raw, `*_"')]`)
	return strings.HasSuffix(raw, ".") || strings.HasSuffix(raw, ":") || strings.HasSuffix(raw, ";") ||
		strings.HasSuffix(raw, "!") || strings.HasSuffix(raw, "?") || isListNumber(raw)
}

// typo reports whether two different words are the same word misspelt:
// a small edit relative to the word's length, with neither a word that
// carries meaning on its own (a negation, a modal, a quantity) nor a
// negating prefix ("lawful", "unlawful").
func typo(a, b string) bool {
	if meaningful(a) || meaningful(b) || hasDigit(a) || hasDigit(b) || negates(a, b) || negates(b, a) {
		return false
	}
	n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	d := editDistance(a, b)
	switch {
	case n <= 3:
		return d == 1 && sameLetters(a, b) // a transposition: "teh"
	case n <= 7:
		return d <= 1
	default:
		return d <= 2
	}
}

// negates reports whether b is a with a negating prefix or a with "less".
func negates(a, b string) bool {
	for _, p := range []string{"un", "in", "im", "ir", "il", "non", "dis", "de"} {
		if b == p+a {
			return true
		}
	}
	return strings.TrimSuffix(b, "less") != b && strings.HasPrefix(b, strings.TrimSuffix(a, "ful"))
}

func sameLetters(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[rune]int{}
	for _, r := range a {
		count[r]++
	}
	for _, r := range b {
		count[r]--
	}
	for _, c := range count {
		if c != 0 {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and transpositions of adjacent letters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// meaningful reports words whose change alone can reverse or bound what a
// sentence says.
func meaningful(w string) bool {
	_, ok := meaningWords[w]
	return ok
}

var meaningWords = wordSet(`
not no never nor neither none nothing nobody without except unless cannot cant dont doesnt
didnt wont isnt arent wasnt werent shouldnt wouldnt couldnt mustnt neednt shant
may might will shall must can could should would need needs required require optional
all any some each every only also more less most least few fewer many much always sometimes
often usually both either other others same
and or but if before after within until while during since above below over under than
in out on off up down opt into onto from to with by for
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty hundred thousand million
first second third fourth fifth once twice half double
day days week weeks month months year years hour hours minute minutes age aged old older younger
allow allows allowed permit permits permitted prohibit prohibits prohibited forbid forbidden
sell sells sold share shares shared rent rents buy
yes true false
`)

func wordSet(s string) map[string]struct{} {
	set := map[string]struct{}{}
	for _, w := range strings.Fields(s) {
		set[w] = struct{}{}
	}
	return set
}

// dateRun reports a run that is only a date or a version stamp ("May 21,
// 2025", "02.09.2025", "version 20190429"), the line a publisher updates
// on every revision. Other numbers are not dates: "30 days" stays
// substantive.
func dateRun(ts []tok) bool {
	var word, number, numeric bool
	for _, t := range ts {
		switch {
		case numericDate.MatchString(strings.Trim(t.raw, "*_,.;:()")):
			numeric = true
		case months[t.norm] || t.norm == "version":
			word = true
		case hasOnlyDigitsOrOrdinal(t.norm):
			number = true
		default:
			return false
		}
	}
	return numeric || word && number
}

// stampRun reports a run made only of the words of a date stamp line
// ("Effective date:", "Last modified:", the "from" of "Effective from")
// and dates, where such a line starts or goes on: after the end of a
// clause or after a date label. The noise filter has already dropped the
// dates that follow such labels.
func stampRun(ts, left []tok) bool {
	if len(left) > 0 {
		last := left[len(left)-1]
		if !endsClause(last.raw) && !dateLabels[last.norm] && !stampWords[last.norm] {
			return false
		}
	}
	for _, t := range ts {
		if !dateLabels[t.norm] && !stampWords[t.norm] && !dateRun([]tok{t}) && !months[t.norm] && !hasOnlyDigitsOrOrdinal(t.norm) {
			return false
		}
	}
	return true
}

// stampWords join the labels and dates of a stamp line.
var stampWords = boolSet(`last on from as of date dernière derniere mise à letzte zuletzt am vom ab`)

// datedLine reports whether the words before a date, or the changed
// words themselves, label it as the document's date ("Last updated:",
// "Effective", "Mise à jour"); a date inside a sentence ("until May 21")
// is a term, not a stamp.
//
// "Applies from" dates the document only when the document is its subject
// ("This policy applies from"); "the fee applies from" dates a term.
func datedLine(ts []tok) bool {
	var applies, document bool
	for _, t := range ts[max(0, len(ts)-8):] {
		switch {
		case dateLabels[t.norm]:
			return true
		case applyLabels[t.norm]:
			applies = true
		case documentWords[t.norm]:
			document = true
		}
	}
	return applies && document
}

var dateLabels = boolSet(`updated update effective revised revision version date dated modified amended published
jour stand aktualisiert gültig valid`)

var applyLabels = boolSet(`applies apply vigueur applicable gilt`)

// documentWords name the document itself.
var documentWords = boolSet(`policy notice terms conditions agreement statement guidelines
politique conditions charte cgu cgv datenschutzerklärung datenschutzhinweise bedingungen nutzungsbedingungen agb richtlinie`)

var numericDate = regexp.MustCompile(`^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}|(?:19|20)\d{6})$`)

// datePart reports a run that is a date or a piece of one: a month
// ("February", "1 March 2026"), a date written in figures ("2026-02-01",
// "01.02.2026"), or a day or year next to a month in the words around
// ("1" of "1 February 2026"). A number with no month beside it ("clause
// 1", "Suite 2010") is no date.
func datePart(left, ts, right []tok) bool {
	if len(ts) == 0 {
		return false
	}
	monthWord := func(t tok) bool { return months[t.norm] && (t.norm != "may" || capitalized(t.raw)) }
	dated := false
	for _, t := range ts {
		raw := strings.Trim(t.raw, "*_,.;:()")
		switch {
		case monthWord(t), numericDate.MatchString(raw) && !hasOnlyDigits(raw): // a year alone needs its month
			dated = true
		case !hasOnlyDigitsOrOrdinal(t.norm) && !numericDate.MatchString(t.norm):
			return false
		}
	}
	return dated || len(left) > 0 && monthWord(left[len(left)-1]) || len(right) > 0 && monthWord(right[0])
}

// hasOnlyDigitsOrOrdinal reports a day number ("21", "19th").
func hasOnlyDigitsOrOrdinal(s string) bool {
	for _, suffix := range []string{"st", "nd", "rd", "th", "er"} {
		s = strings.TrimSuffix(s, suffix)
	}
	return s != "" && len(s) <= 2 && strings.Trim(s, "0123456789") == ""
}

var months = boolSet(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
januar februar märz maerz juni juli oktober dezember`)
