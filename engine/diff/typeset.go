package diff

// typesetTerms reports the word that says how a document sets its
// defined terms in type ("Capitalized terms used but not defined here
// have the meanings given in the Agreement") added or removed before
// "terms": it follows the document's typography, which case and
// emphasis changes alter, and the terms it speaks of are the same.
func typesetTerms(d, n, rightCtx []tok) bool {
	run := d
	if len(d) == 0 {
		run = n
	} else if len(n) > 0 {
		return false
	}
	return len(run) == 1 && typesetWords[run[0].norm] && len(rightCtx) > 0 && termWords[rightCtx[0].norm]
}

var typesetWords = boolSet(`capitalized capitalised bold bolded italic italicized italicised underlined`)

var termWords = boolSet(`term terms word words expression expressions`)
