package diff

import (
	"iter"
	"net/url"
	"strings"
)

// maxSiteLinkWords bounds the words of a promotion or navigation link's
// label ("Join us and find your match", "View history").
const maxSiteLinkWords = 6

// minSiteLinks is the fewest links to one site that make it the page's
// own.
const minSiteLinks = 3

// dropSiteLinks removes the lines that are only a short link to the
// page's own site: a promotion ("Start free today"), a navigation tab
// ("View history"), a download button. A link whose words name a
// document, a right or a practice ("Privacy Policy", "Your choices",
// "Delete your data") is kept, and so is a link to another site (a
// partner or a processor added to a list).
func dropSiteLinks(md string, removed *[]string) string {
	site := ownSite(md)
	if site == "" {
		return md
	}
	return dropLines(md, removed, func(lines []string, i int) bool {
		return siteLink(lines[i], site)
	})
}

// siteLink reports a line, or a list item, that is only a link with a
// short label and no sentence stop, to site, whose words name nothing a
// policy binds.
func siteLink(line, site string) bool {
	target, ok := siteLinkTarget(line)
	return ok && domainOf(target) == site
}

// siteLinkTarget returns the target of a line that siteLink accepts for
// the site of that target.
func siteLinkTarget(line string) (string, bool) {
	s := strings.TrimSpace(line)
	if item, ok := listItem(s); ok {
		s = item
	}
	mid := strings.Index(s, "](")
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, ")") || mid < 0 || strings.ContainsAny(s[1:mid], "[]") {
		return "", false
	}
	label, target := s[1:mid], s[mid+2:len(s)-1]
	if strings.ContainsAny(target, "()[] ") && !strings.Contains(target, ` "`) {
		return "", false // more than one link, or text after the first
	}
	target, _, _ = strings.Cut(target, " ") // a link title
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > maxSiteLinkWords || strings.ContainsAny(label[len(label)-1:], ".:;!?") {
		return "", false
	}
	for _, w := range words {
		if bindingWords[strings.ToLower(strings.Trim(w, `*_"'’,()`))] {
			return "", false
		}
	}
	return target, true
}

// bindingWords name a document, a right or a practice: a link labelled
// with one of them may be what the change is about.
var bindingWords = boolSet(`policy policies terms conditions notice notices agreement contract statement privacy
cookie cookies data information personal rights right opt sell sale share sharing choices choice settings
consent delete deletion erase request requests form report appeal complaint complaints law legal
guidelines rules standards safety security children child minors age arbitration dispute refund refunds
cancel cancellation subscription billing payment fees price pricing residents california supplemental addendum
politique conditions confidentialité données droits mentions charte contrat formulaire signaler résiliation
remboursement paiement datenschutz daten rechte nutzungsbedingungen agb impressum einwilligung widerruf
kündigung kündigen formular richtlinie bedingungen zahlung`)

// ownSite returns the site most of md's web links point to, if it has
// at least minSiteLinks of them.
func ownSite(md string) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for d := range linkDomains(md) {
		counts[d]++
		if counts[d] > bestN {
			best, bestN = d, counts[d]
		}
	}
	if bestN < minSiteLinks {
		return ""
	}
	return best
}

// linkDomains yields the domain of each web link of md in turn, leaving
// out targets without one.
func linkDomains(md string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for rest := md; ; {
			i := strings.Index(rest, "](http")
			if i < 0 {
				return
			}
			rest = rest[i+2:]
			end := strings.IndexAny(rest, ") \n")
			if end < 0 {
				end = len(rest)
			}
			if d := domainOf(rest[:end]); d != "" && !yield(d) {
				return
			}
		}
	}
}

// domainOf returns the registered domain of a web address: its last two
// labels, or three under a country's second level ("example.co.uk").
func domainOf(target string) string {
	u, err := url.Parse(target)
	if err != nil || u.Host == "" {
		return ""
	}
	labels := strings.Split(strings.ToLower(u.Hostname()), ".")
	n := len(labels)
	switch {
	case n < 2:
		return ""
	case n >= 3 && len(labels[n-1]) == 2 && len(labels[n-2]) <= 3:
		return strings.Join(labels[n-3:], ".")
	}
	return strings.Join(labels[n-2:], ".")
}
