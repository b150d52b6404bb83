package extract

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the page loop: the page count comes from the file and
// a hostile one could claim billions.
const maxPDFPages = 2000

// pdfText returns the text of a PDF, pages separated by blank lines. The
// PDF reader panics on some malformed files; that becomes an error.
func pdfText(body []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("extract: read pdf: %w: malformed file: %v", ErrEmpty, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return "", fmt.Errorf("extract: read pdf: %w: %w", ErrEmpty, err)
	}
	pages := min(r.NumPage(), maxPDFPages)
	var b strings.Builder
	for i := 1; i <= pages; i++ {
		t, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			return "", fmt.Errorf("extract: read pdf page %d: %w: %w", i, ErrEmpty, err)
		}
		b.WriteString(t)
		b.WriteString("\n\n")
	}
	return b.String(), nil
}
