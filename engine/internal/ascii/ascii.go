// Package ascii holds byte tests that the text packages of the engine
// share.
package ascii

// WordByte reports the ASCII word characters of \b in a Go regular
// expression: letters, digits and the underscore.
func WordByte(c byte) bool {
	return c == '_' || Alnum(c)
}

// Alnum reports an ASCII letter or digit.
func Alnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// Space reports the characters \s matches in a Go regular expression.
func Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
