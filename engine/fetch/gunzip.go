package fetch

import (
	"bufio"
	"io"
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzip"
)

// Most pages come gzipped. net/http's transparent decompression builds a
// new compress/gzip reader, with its window and tables, for every
// response; the fetcher instead asks for gzip itself and decompresses
// with readers it reuses, from klauspost/compress, whose inflate reads a
// page in about two thirds of the time.

// gunzip is a reusable gzip reader with the buffered reader it reads
// the compressed body through.
type gunzip struct {
	gzip.Reader
	src *bufio.Reader
}

// isGzipped reports a response body in gzip, which get asked for.
func isGzipped(resp *http.Response) bool {
	return strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip")
}

// gunzip returns a pooled reader of the decompressed body, to give back
// with putGunzip. An empty body is io.EOF, as for net/http.
func (f *Fetcher) gunzip(body io.Reader) (*gunzip, error) {
	zr, _ := f.gunzips.Get().(*gunzip)
	if zr == nil {
		zr = &gunzip{src: bufio.NewReaderSize(body, 32<<10)}
	} else {
		zr.src.Reset(body)
	}
	if err := zr.Reset(zr.src); err != nil {
		f.putGunzip(zr)
		return nil, err
	}
	return zr, nil
}

// putGunzip keeps zr for the next gzipped body, without the last one.
func (f *Fetcher) putGunzip(zr *gunzip) {
	zr.src.Reset(nil)
	f.gunzips.Put(zr)
}
