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
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && name == "windows-1252" && utf8.Valid(body) && !isASCII(body) {
		// The sniffer reads only the first 1024 bytes and falls back to
		// windows-1252 when they hold neither a <meta> charset nor a
		// non-ASCII byte, so the same page flipped between UTF-8 and
		// mojibake as its head grew or shrank. A body that is valid UTF-8
		// with non-ASCII characters is UTF-8 (legacy text almost never
		// is), even under a <meta> that says latin-1.
		return body
	}
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

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
