package analysis

import (
	"slices"
	"strings"
)

// youDutyPhrases state a duty or a limit binding "you" ("you must obtain
// the users' consent", "You and Your Application may not use the data for
// advertising", "you remain responsible for …", "you represent and warrant
// that …"). They bind the reader only in a document addressed to a
// developer or a business (see addressesBusiness): in consumer terms "you"
// is the user whose data is taken, and "you may not …" limits what the
// user does on the service, not what is done with their data.
func youDutyPhrases() []string {
	const limit = "not|never|only"
	return []string{
		"you ~2 must|shall|mustnt|shant",
		"you ~2 may|will|can|cannot ~1 " + limit,
		"you ~2 are|remain ~1 required|obliged|obligated|expected|responsible",
		"you ~1 represent|warrant|certify|undertake",
		"you ~1 agree not|to",
		// "You and Your Application must …", "You, Your Application, and
		// the accessory may not …".
		"you ~1 and|or ~1 your ~4 must|shall|mustnt|shant",
		"you your ~9 must|shall|may|will ~1 " + limit,
		"you ~1 and|or ~1 your ~4 may|will|cannot ~1 " + limit,
	}
}

// allLimitProduct reports whether every statement is the platform holding
// back what its own product shows ("ads on sensitive topics may be
// restricted from serving"), binding no reader.
func (c *classifier) allLimitProduct(fs []finding) bool {
	return !slices.ContainsFunc(fs, func(f finding) bool {
		return !anyContains(c.productLimit, f.words) || c.bindsReader(f.words)
	})
}

// bindsReader reports whether a statement binds the reader of developer
// or business terms: one of the ways such terms name their reader
// ("developers must …"), or "you" in a document addressed to a developer
// or a business.
func (c *classifier) bindsReader(words []string) bool {
	if anyContains(c.readerDuty, words) {
		return true
	}
	if !anyContains(c.youDuty, words) {
		return false
	}
	if c.business == 0 {
		c.business = -1
		if addressesBusiness(c.doc) {
			c.business = 1
		}
	}
	return c.business > 0
}

// businessWords follow "your" where a document speaks to someone who runs
// an app, a business or an advertising account for others: "your app",
// "your users", "your customers", "your campaigns". Consumer terms speak of
// "your account", "your content" and "your data".
var businessWords = map[string]bool{
	"app": true, "apps": true, "application": true, "applications": true,
	"users": true, "end": true, "customers": true, "clients": true, "buyers": true,
	"integration": true, "integrations": true, "campaign": true, "campaigns": true,
	"ads": true, "listing": true, "listings": true,
}

// businessMentions and businessRate are how often a document must speak to
// its reader's app, users or customers to be addressed to a developer or a
// business: at least this many times, and this many times per thousand
// words, so that a consumer policy mentioning "your app" in passing is not.
const (
	businessMentions = 8
	businessRate     = 2.5
)

// addressesBusiness reports whether markdown is addressed to a developer
// or a business (developer terms, app review or developer program
// policies, advertising terms) rather than to a consumer: it keeps
// speaking of "your app", "your users" or "your customers".
func addressesBusiness(markdown string) bool {
	n := 0
	for _, your := range [...]string{"your ", "Your ", "YOUR "} {
		for i := 0; ; {
			j := strings.Index(markdown[i:], your)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(your)
			if at > 0 && isASCIILetter(markdown[at-1]) {
				continue
			}
			if businessWords[nextWord(markdown[i:], "own", "licensed", "custom", "mobile")] {
				n++
			}
		}
	}
	if n < businessMentions {
		return false
	}
	words := strings.Count(markdown, " ") + 1
	return float64(n)*1000 >= businessRate*float64(words)
}

// nextWord returns the lower-cased word that text starts with, past any
// of the words skip ("your own app", "your Licensed Application").
func nextWord(text string, skip ...string) string {
	for {
		end := 0
		for end < len(text) && isASCIILetter(text[end]) {
			end++
		}
		w := strings.ToLower(text[:end])
		if end == 0 || end >= len(text) || text[end] != ' ' || !slices.Contains(skip, w) {
			return w
		}
		text = text[end+1:]
	}
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
