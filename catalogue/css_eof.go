package catalogue

import "strings"

// closeAtEOF closes the strings, brackets and parentheses a CSS selector
// leaves open at its end, as CSS parsers in browsers do (CSS Syntax Level 3
// treats end of input as closing whatever is open). Open Terms Archive
// matches selectors in such a parser, so real declarations hold selectors
// like `img[src="…png"` that work there; cascadia refuses them as they are.
func closeAtEOF(css string) string {
	var open []byte // closers still expected, innermost last
	quote := byte(0)
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '\\':
			i++ // the escaped character means nothing here
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			open = append(open, ']')
		case c == '(':
			open = append(open, ')')
		case len(open) > 0 && c == open[len(open)-1]:
			open = open[:len(open)-1]
		}
	}
	var b strings.Builder
	b.WriteString(css)
	if quote != 0 {
		b.WriteByte(quote)
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteByte(open[i])
	}
	return b.String()
}
