package diff

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/corpustest"
)

// refSignificant is Significant as it was before it wrote line by line:
// each body split into lines, the menu's lines sorted by index, the whole
// form kept in one string. Significant and Fingerprint must agree with it
// byte for byte.
func refSignificant(markdown string) string {
	var b sigWriter
	for _, p := range Parse(markdown) {
		if h := headingSig(p.Heading); h != "" {
			if b.n > 0 {
				b.writeByte(' ')
			}
			b.writeString(h)
		}
		ls := splitLines(p.Body)
		var nav []int
		flushNav := func() {
			slices.SortFunc(nav, func(i, j int) int { return strings.Compare(ls.raw[i], ls.raw[j]) })
			for _, i := range nav {
				appendSignificant(&b, ls.clean[i])
			}
			nav = nav[:0]
		}
		for i, line := range ls.raw {
			if isLinkItem(line) {
				nav = append(nav, i)
				continue
			}
			if len(nav) > 0 && strings.TrimSpace(line) == "" {
				continue
			}
			flushNav()
			appendSignificant(&b, ls.clean[i])
		}
		flushNav()
	}
	return b.s.String()
}

func refFingerprint(markdown string) string {
	sum := sha256.Sum256([]byte(refSignificant(markdown)))
	return hex.EncodeToString(sum[:])
}

// FuzzFingerprint checks that the significant form written line by line,
// and hashed as it is written, is the one of refSignificant.
func FuzzFingerprint(f *testing.F) {
	f.Add(base)
	f.Add("- [B](/b)\n- [A](/a)\n\n- [C](/c)\ntext\n- [A](/a)\n")
	f.Add("Setext\n===\n\n- a. B\n| x | y |\n```\n# x\n```\n**Bold heading**\n\nLast updated: March 1, 2023")
	f.Add(strings.Repeat("word ", 3000) + "\n# Heading\n" + strings.Repeat("x", sigChunk+7))
	for _, p := range corpustest.Pairs(f) {
		for _, name := range []string{"old.md", "new.md"} {
			if data, err := os.ReadFile(filepath.Join(p.Dir, name)); err == nil {
				f.Add(string(data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, markdown string) {
		want := refSignificant(markdown)
		if got := Significant(markdown); got != want {
			t.Fatalf("Significant = %q, want %q", got, want)
		}
		if got, want := Fingerprint(markdown), refFingerprint(markdown); got != want {
			t.Fatalf("Fingerprint = %s, want %s", got, want)
		}
	})
}
