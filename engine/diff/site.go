package diff

import "strings"

// siteNamedAnew reports a run that adds (or removes) a site named by its
// bare domain, where the other side of the edit has no word at all:
// "Google.org" added to a list of brands, or "These terms also cover
// example.org" losing it. Tokens set bare domains aside, since a site
// written as a link or with "www." is the same site; but a domain alone
// on one side is a name added or removed. A domain replaced by other
// words (a help site moved, "Example.com SAS" renamed "EXAMPLE SAS") is
// left to the rules for contact details and renames, and one the other
// side names in a link is the same site.
func siteNamedAnew(words, other []string) bool {
	for _, w := range other {
		if bareDomain(w) != "" || len(tokens([]string{w})) > 0 {
			return false
		}
	}
	joined := ""
	for _, w := range words {
		site := bareDomain(w)
		if site == "" {
			continue
		}
		if joined == "" {
			joined = strings.ToLower(strings.Join(other, " "))
		}
		if !strings.Contains(joined, site) {
			return true
		}
	}
	return false
}

// bareDomain returns the site a word names as a domain, in lower case
// and without "www.", the word being the domain alone or a link's text
// ("Example.org", "[example.org](…)"), or "" for any other word.
func bareDomain(w string) string {
	if strings.IndexByte(w, '.') < 0 {
		return "" // most words
	}
	if i := strings.Index(w, "]("); i >= 0 {
		w = w[:i]
	}
	if isLink(w) || !isDomain(w) {
		return ""
	}
	site := strings.ToLower(strings.Trim(w, "[]()<>\"',.;:*_"))
	site, _, _ = strings.Cut(site, "/")
	return strings.TrimPrefix(site, "www.")
}

// namedBySite reports a name written as its site's domain, or the other
// way round: "Example" becoming "Example.de", the same platform called
// by its web address. Only one word for one word: words added beside it
// are left to the other rules.
func namedBySite(del, ins []string) bool {
	if len(del) != 1 || len(ins) != 1 {
		return false
	}
	site := bareDomain(ins[0])
	name := strings.Trim(del[0], "[]()<>\"',.;:*_")
	if site == "" || name == "" || !capitalized(name) || strings.ContainsAny(name, "./") {
		return false
	}
	return strings.HasPrefix(site, strings.ToLower(name)+".")
}
