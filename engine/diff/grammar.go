package diff

import "strings"

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

// droppable are the words whose absence is a slip: articles and the
// conjunction "that" ("content that you share").
var droppable = boolSet(`a an the that`)

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
