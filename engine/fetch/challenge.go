package fetch

import (
	"bytes"
	"io"
	"net/http"
	"strings"
)

// isChallenge reports whether an error answer is an anti-bot challenge or
// block page rather than a plain refusal. It reads at most 64 KiB.
func isChallenge(resp *http.Response) bool {
	if strings.EqualFold(resp.Header.Get("Cf-Mitigated"), "challenge") {
		return true
	}
	head, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return false
	}
	head = bytes.ToLower(head)
	for _, marker := range []string{"<title>just a moment", "attention required! | cloudflare", "challenge-platform", "cf-chl-", "captcha", "are you a robot", "verify you are human"} {
		if bytes.Contains(head, []byte(marker)) {
			return true
		}
	}
	return false
}
