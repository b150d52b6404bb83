package diff

import (
	"strings"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// mediaOrEmptyLinkAt finds at i in s a link to a video, a sound or a
// picture, which counts by its text alone, as an image does, since CDNs
// vary such addresses (signed, with expiry times); or a link without
// text, which shows the reader nothing and counts by the page it leads
// to, without the parameters of its address. It returns the link's end
// and what counts of it, or -1.
func mediaOrEmptyLinkAt(s string, i int) (int, string) {
	end, text, target := linkAt(s, i)
	if end < 0 {
		return -1, ""
	}
	switch {
	case isMediaFile(target):
		return end, text
	case strings.TrimSpace(text) == "":
		// In-page links count by their text already (anchorAt).
		if q := strings.IndexAny(target, "?#"); q > 0 && target[0] != '<' {
			return end, "[](" + target[:q] + ")"
		}
	}
	return -1, ""
}

// linkAt finds a Markdown link, [text](target), at i in s, and returns
// its end, text and target, or -1.
func linkAt(s string, i int) (end int, text, target string) {
	k, text := bracketed(s, i)
	if k < 0 {
		return -1, "", ""
	}
	end = targetEnd(s, k)
	if end == len(s) || s[end] != ')' {
		return -1, "", ""
	}
	return end + 1, text, s[k:end]
}

// isMediaFile reports whether a link target, once unwrapped from
// redirecting links, is a video, sound or picture file.
func isMediaFile(target string) bool {
	for range 4 {
		dest, ok := redirectTarget(target)
		if !ok {
			break
		}
		target = dest
	}
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	dot := strings.LastIndexByte(target, '.')
	if dot < 0 || strings.ContainsRune(target[dot:], '/') {
		return false
	}
	return isMediaExtension(target[dot+1:])
}

// isMediaExtension reports the file name extensions of videos, sounds
// and pictures.
func isMediaExtension(ext string) bool {
	switch strings.ToLower(ext) {
	case "mp4", "m4v", "mov", "webm", "mp3", "m4a", "ogg", "wav",
		"jpg", "jpeg", "png", "gif", "webp", "svg", "avif":
		return true
	}
	return false
}

// mayLinkMedia reports whether line may hold a link to a media file: it
// names a file with a media extension, followed by the end of the line
// or a byte that ends a file name (a wrapped address escapes its "?" as
// "%3F").
func mayLinkMedia(line string) bool {
	for from := 0; ; {
		i := strings.IndexByte(line[from:], '.')
		if i < 0 {
			return false
		}
		i += from + 1
		j := i
		for j < len(line) && j-i < 5 && ascii.Alnum(line[j]) {
			j++
		}
		if j > i && (j == len(line) || !ascii.Alnum(line[j])) && isMediaExtension(line[i:j]) {
			return true
		}
		from = i
	}
}
