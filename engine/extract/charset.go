package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// toUTF8 decodes body to UTF-8 using, in order, a byte-order mark, the
// charset of the Content-Type header, a <meta> charset and a sniff. A page
// that claims UTF-8 but is not valid UTF-8 is decoded by its <meta> charset
// or else as windows-1252, the most common mislabelled legacy encoding.
func toUTF8(body []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		if utf8.Valid(body) {
			return body
		}
		enc, name, _ = charset.DetermineEncoding(body, "")
		if name == "utf-8" {
			enc = charmap.Windows1252
		}
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		// Decoders substitute rather than fail; should one fail, the
		// replacement characters still keep the text comparable.
		return []byte(strings.ToValidUTF8(string(body), "\uFFFD"))
	}
	return out
}
