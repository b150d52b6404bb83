package extract

import (
	"bytes"
	"io"
	"strings"
)

// Pages carry much of their weight in inline <style> and <script>
// elements (a third of some policies' bytes), which the HTML tokenizer
// reads byte by byte and copies into the tree only for extraction to drop
// them. skipRawText finds their contents before parsing so that the
// parser never sees them: the elements stay, empty.
//
// Where the tokenizer is in the page depends on everything before, so
// skipRawText follows x/net/html's tokenizer state by state (tags and
// their quoted attributes, comments, doctypes, raw text and RCDATA) and
// stops at the first thing whose reading the parser may change: SVG or
// MathML (foreign content), <frameset>, <template>, <plaintext>, a script
// with "<!--" (whose escaped states it does not follow), or the end of
// the input inside a construct. What it found before that point is
// unaffected, since the tokenizer only reads forward.

// span is a range of bytes, start inclusive, end exclusive.
type span struct{ start, end int }

// skipRawText returns the contents of the <style> and <script> elements
// of an HTML page, as x/net/html's tokenizer would read them, in order.
func skipRawText(b []byte) []span {
	var skip []span
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 || i+j+1 >= len(b) {
			return skip
		}
		i += j + 1
		c := b[i]
		var ok bool
		switch {
		case isASCIILetter(c):
			var name span
			if i, name, ok = readTag(b, i+1); !ok {
				return skip
			}
			switch tag := lowerTag(b[name.start:name.end]); tag {
			case "style", "script":
				end, ok := rawTextEnd(b, i, tag)
				if !ok || tag == "script" && bytes.Contains(b[i:end], []byte("<!--")) {
					return skip
				}
				if end > i {
					skip = append(skip, span{i, end})
				}
				i = end
			case "iframe", "noembed", "noframes", "noscript", "textarea", "title", "xmp":
				if i, ok = rawTextEnd(b, i, tag); !ok {
					return skip
				}
			case "svg", "math", "frameset", "template", "plaintext":
				return skip
			}
		case c == '/':
			i++
			if i >= len(b) {
				return skip
			}
			switch c := b[i]; {
			case c == '>':
				i++
			case isASCIILetter(c):
				if i, _, ok = readTag(b, i+1); !ok {
					return skip
				}
			default:
				if i, ok = closeAngle(b, i); !ok {
					return skip
				}
			}
		case c == '!':
			if i, ok = markupDeclarationEnd(b, i+1); !ok {
				return skip
			}
		case c == '?':
			if i, ok = closeAngle(b, i); !ok {
				return skip
			}
		}
		// Anything else after "<" is text, read again from c.
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// lowerTag returns the lower-case name of the elements skipRawText looks
// out for, matched in any ASCII case as Tokenizer.startTagIn matches
// them, and "" for others.
func lowerTag(tag []byte) string {
	var names []string
	switch len(tag) {
	case 3:
		names = []string{"svg", "xmp"}
	case 4:
		names = []string{"math"}
	case 5:
		names = []string{"style", "title"}
	case 6:
		names = []string{"script", "iframe"}
	case 7:
		names = []string{"noembed"}
	case 8:
		names = []string{"noframes", "noscript", "textarea", "frameset", "template"}
	case 9:
		names = []string{"plaintext"}
	}
	for _, name := range names {
		if tagIs(tag, name) {
			return name
		}
	}
	return ""
}

// tagIs reports whether tag is the lower-case name, ignoring ASCII case.
func tagIs(tag []byte, name string) bool {
	if len(tag) != len(name) {
		return false
	}
	for i := range len(name) {
		c := tag[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}

// readTag reads a start or end tag from just after the first letter of its
// name to just after its ">", as Tokenizer.readTag does, and returns the
// name. ok is false when the page ends first.
func readTag(b []byte, i int) (next int, name span, ok bool) {
	name.start = i - 1
	for ; ; i++ {
		if i >= len(b) {
			return 0, name, false
		}
		if c := b[i]; isHTMLSpace(c) || c == '/' || c == '>' {
			break
		}
	}
	name.end = i
	if isHTMLSpace(b[i]) {
		i++
	}
	for {
		if i = skipTagSpace(b, i); i >= len(b) {
			return 0, name, false
		}
		if b[i] == '>' {
			return i + 1, name, true
		}
		// The attribute name: an "=" first is part of it.
		for k := i; ; i++ {
			if i >= len(b) {
				return 0, name, false
			}
			if c := b[i]; isHTMLSpace(c) || c == '/' || c == '>' || c == '=' && i != k {
				break
			}
		}
		// The value, if any.
		if i = skipTagSpace(b, i); i >= len(b) {
			return 0, name, false
		}
		switch b[i] {
		case '/':
			i++
			continue
		case '=':
		default:
			continue
		}
		if i = skipTagSpace(b, i+1); i >= len(b) {
			return 0, name, false
		}
		switch q := b[i]; q {
		case '>':
		case '\'', '"':
			k := bytes.IndexByte(b[i+1:], q)
			if k < 0 {
				return 0, name, false
			}
			i += k + 2
		default:
			for ; ; i++ {
				if i >= len(b) {
					return 0, name, false
				}
				if c := b[i]; isHTMLSpace(c) {
					i++
					break
				} else if c == '>' {
					break
				}
			}
		}
	}
}

func skipTagSpace(b []byte, i int) int {
	for i < len(b) && isHTMLSpace(b[i]) {
		i++
	}
	return i
}

// rawTextEnd returns where the raw text or RCDATA of the element tag,
// starting at i, ends: at the first "</tag" followed by a space, "/" or
// ">", in any case, as Tokenizer.readRawEndTag finds it. ok is false when
// the page ends first.
func rawTextEnd(b []byte, i int, tag string) (int, bool) {
	for {
		j := bytes.Index(b[i:], []byte("</"))
		if j < 0 {
			return 0, false
		}
		i += j
		k := i + 2 + len(tag)
		if k >= len(b) {
			return 0, false
		}
		if tagIs(b[i+2:k], tag) && (isHTMLSpace(b[k]) || b[k] == '/' || b[k] == '>') {
			return i, true
		}
		i++
	}
}

// closeAngle returns the position after the next ">" from i.
func closeAngle(b []byte, i int) (int, bool) {
	j := bytes.IndexByte(b[i:], '>')
	if j < 0 {
		return 0, false
	}
	return i + j + 1, true
}

// markupDeclarationEnd returns the position after a comment, doctype or
// bogus comment whose "<!" ends just before i, as
// Tokenizer.readMarkupDeclaration and readComment read them.
func markupDeclarationEnd(b []byte, i int) (int, bool) {
	if i+2 > len(b) {
		return 0, false
	}
	if b[i] != '-' || b[i+1] != '-' {
		// A doctype or a bogus comment, both up to the next ">".
		return closeAngle(b, i)
	}
	dashes, beginning := 0, true
	for i += 2; i < len(b); i++ {
		switch b[i] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i + 1, true
			}
		case '!':
			if dashes >= 2 {
				i++
				if i >= len(b) {
					return 0, false
				}
				if b[i] == '>' {
					return i + 1, true
				}
				if b[i] == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return 0, false
}

// readsText reports whether a selector of the rules looks at text, which
// would see the contents skipRawText leaves out: cascadia's :contains and
// :matches pseudo-classes, and their -own forms.
func (r Rules) readsText() bool {
	for _, list := range [][]Selector{r.Select, r.Remove} {
		for _, s := range list {
			for _, css := range s.css() {
				css = strings.ToLower(css)
				if strings.Contains(css, ":contains") || strings.Contains(css, ":matches") {
					return true
				}
			}
		}
	}
	return false
}

// skipReader reads b without the spans in skip.
type skipReader struct {
	b    []byte
	skip []span
	i    int
}

func (r *skipReader) Read(p []byte) (int, error) {
	for len(r.skip) > 0 && r.i >= r.skip[0].start {
		r.i = max(r.i, r.skip[0].end)
		r.skip = r.skip[1:]
	}
	end := len(r.b)
	if len(r.skip) > 0 {
		end = r.skip[0].start
	}
	if r.i >= end {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.i:end])
	r.i += n
	return n, nil
}
