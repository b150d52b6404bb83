package diff

import (
	"slices"
	"strings"
)

// grammar reports a grammatical correction: one function word swapped for
// another of its kind ("this content" and "that content", "conclusion du
// contrat" and "de contrat", "the data is" and "the data are"), an article
// or a "that" added or dropped, or an enumerator inside a sentence
// renumbered ("(iv)" to "(v)"). Words that bound or negate are never
// function words here.
func grammar(d, n []tok) bool {
	switch {
	case len(d) == 1 && len(n) == 1:
		a, b := d[0].norm, n[0].norm
		if g := functionWords[a]; g != "" && g == functionWords[b] {
			return true
		}
		return enumerator(d[0].raw) && enumerator(n[0].raw)
	case len(d) == 0 && len(n) == 1:
		return droppable[n[0].norm]
	case len(d) == 1 && len(n) == 0:
		return droppable[d[0].norm]
	}
	return false
}

// functionWords maps each function word to its kind; words of one kind
// replace each other without changing what a sentence says.
var functionWords = kinds(map[string]string{
	"article":    "a an the this that these those",
	"be-present": "is are",
	"be-past":    "was were",
	"have":       "has have",
	"do":         "does do",
	"fr-article": "le la les l un une des du de d ce cet cette ces",
	"fr-be":      "est sont",
	"de-article": "der die das den dem des ein eine einen einem einer eines",
	"de-be":      "ist sind",
})

// droppable are the words whose absence is a slip: articles, English
// and French ("1. Service Example" titled "1. Le Service Example"), and
// the conjunction "that" ("content that you share").
var droppable = boolSet(`a an the that le la les`)

func kinds(groups map[string]string) map[string]string {
	out := map[string]string{}
	for kind, words := range groups {
		for _, w := range strings.Fields(words) {
			out[w] = kind
		}
	}
	return out
}

// enumerator reports an item marker inside a sentence: "(iv)", "(b)", "(3)".
func enumerator(raw string) bool {
	raw = strings.TrimRight(raw, ",;:")
	return strings.HasPrefix(raw, "(") && strings.HasSuffix(raw, ")") && isListNumber(raw)
}

// contracted reports the same words written with and without contractions
// ("we will" and "we'll", "do not" and "don't", "cannot" and "can't"). A
// contraction keeps the words it stands for, so a negation written out is
// still a negation; "do" and "don't" stay different words.
func contracted(d, n []tok) bool {
	if len(d) == 0 || len(n) == 0 {
		return false
	}
	a, aUsed := contractedForm(d)
	b, bUsed := contractedForm(n)
	return (aUsed || bUsed) && slices.Equal(a, b)
}

// contractedForm returns the words of ts with each pair a contraction
// stands for written as that contraction, and whether the words held a
// contraction or such a pair. Words compare by their letters; a
// contraction, by its raw form with a straight apostrophe.
func contractedForm(ts []tok) ([]string, bool) {
	out := make([]string, 0, len(ts))
	used := false
	for i := 0; i < len(ts); i++ {
		if c, ok := contractionOf(ts[i].raw); ok {
			out, used = append(out, c), true
			continue
		}
		if c := contractionPairs[ts[i].norm]; c != "" {
			out, used = append(out, c), true // "cannot"
			continue
		}
		if i+1 < len(ts) {
			if c := contractionPairs[ts[i].norm+" "+ts[i+1].norm]; c != "" {
				out, used = append(out, c), true
				i++
				continue
			}
		}
		out = append(out, ts[i].norm)
	}
	return out, used
}

// contractionOf returns raw as a known contraction in lower case with a
// straight apostrophe, its markup and punctuation trimmed.
func contractionOf(raw string) (string, bool) {
	if !strings.ContainsAny(raw, "'’") {
		return "", false
	}
	w := strings.ToLower(strings.Trim(strings.ReplaceAll(raw, "’", "'"), "*_\"“”()[]{},.;:!?"))
	return w, contractionWords[w]
}

// contractionPairs maps the words each contraction stands for to it;
// contractionWords holds the contractions.
var contractionPairs, contractionWords = func() (map[string]string, map[string]bool) {
	pairs := map[string]string{"cannot": "can't", "can not": "can't", "will not": "won't", "shall not": "shan't", "let us": "let's", "i am": "i'm"}
	for _, v := range strings.Fields("do does did is are was were has have had could should would must need") {
		pairs[v+" not"] = v + "n't"
	}
	for _, p := range strings.Fields("i you we they he she it that there") {
		pairs[p+" will"] = p + "'ll"
	}
	for _, p := range strings.Fields("you we they") {
		pairs[p+" are"] = p + "'re"
	}
	for _, p := range strings.Fields("i you we they could should would") {
		pairs[p+" have"] = p + "'ve"
	}
	for _, p := range strings.Fields("it that there here what who he she") {
		pairs[p+" is"], pairs[p+" has"] = p+"'s", p+"'s"
	}
	words := map[string]bool{}
	for _, c := range pairs {
		words[c] = true
	}
	return pairs, words
}()
