package diff

import (
	"strings"
)

// maxPromoTitleWords bounds the words of a promotion's title ("How it
// works"); maxPromoWords those of its one sentence.
const (
	maxPromoTitleWords = 5
	maxPromoWords      = 30
)

// signUpCues are words, in lower case, of a link inviting the reader to
// create an account, in its label or its target.
var signUpCues = []string{"sign up", "sign-up", "signup", "register", "registration", "join", "start free",
	"get started", "try it free", "inscri", "registrier", "anmelden"}

// onlyPromotion reports two versions that are the same once a promotion
// ending either is left out: a short title, at most one sentence and a
// link inviting the reader to sign up, each on lines of their own, after
// the document's text ("How it works", a line of praise, "[Start free
// today](…/registration)"). A site shows such blocks under any page; a
// passage of two sentences or a link to anything but signing up is text.
func onlyPromotion(oldMD, newMD string) bool {
	old, oldPromo := dropPromotion(oldMD)
	new, newPromo := dropPromotion(newMD)
	return (oldPromo || newPromo) && Significant(old) == Significant(new)
}

// promotionAndChrome reports two versions that are the same once a
// promotion ending either and the page's other furniture (a help widget's
// suggestions, a feedback question) are left out: a site that redesigns
// its pages changes both at once.
func promotionAndChrome(oldMD, newMD string) bool {
	old, oldPromo := dropPromotion(oldMD)
	new, newPromo := dropPromotion(newMD)
	return (oldPromo || newPromo) && onlyChrome(old, new)
}

// dropPromotion returns md without the promotion that ends it, and
// whether there was one.
func dropPromotion(md string) (string, bool) {
	rest := strings.TrimRight(md, " \t\r\n")
	var lines []string // the block's lines, last first
	for len(lines) < 3 && rest != "" {
		i := strings.LastIndexByte(rest, '\n')
		line := strings.TrimSpace(rest[i+1:])
		rest = strings.TrimRight(rest[:max(i, 0)], " \t\r\n")
		lines = append(lines, line)
		if len(lines) == 1 && !signUpLink(line) {
			return md, false
		}
		if len(lines) > 1 && promoTitle(line) {
			if len(lines) == 3 && !promoSentence(lines[1]) {
				return md, false
			}
			return rest, true
		}
	}
	return md, false
}

// signUpLink reports a line that is only a short link whose label or
// target invites the reader to sign up.
func signUpLink(line string) bool {
	s := strings.TrimSpace(line)
	mid := strings.Index(s, "](")
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, ")") || mid < 0 || strings.ContainsAny(s[1:mid], "[]") ||
		strings.ContainsAny(s[mid+2:len(s)-1], "()[] ") || len(strings.Fields(s[1:mid])) > maxSiteLinkWords {
		return false
	}
	lower := strings.ToLower(s)
	for _, c := range signUpCues {
		if strings.Contains(lower, c) {
			return true
		}
	}
	return false
}

// promoTitle reports a short line without a sentence stop that is not a
// list item, a table or a link.
func promoTitle(line string) bool {
	s := strings.Trim(line, "#*_ ")
	if s == "" || strings.ContainsAny(s[:1], "|>[!-+") || strings.ContainsAny(s[len(s)-1:], ".:;,!?)") {
		return false
	}
	return len(strings.Fields(s)) <= maxPromoTitleWords
}

// promoSentence reports a line that is one short sentence: no stop
// before its end, no Markdown structure.
func promoSentence(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" || strings.ContainsAny(s[:1], "#*|>[!-+0123456789") || !strings.ContainsAny(s[len(s)-1:], ".!") {
		return false
	}
	if strings.ContainsAny(s[:len(s)-1], ".!?;:") || strings.Contains(s, "](") {
		return false
	}
	return len(strings.Fields(s)) <= maxPromoWords
}
