package diff

import "strings"

// repointed reports whether the runs del and ins, whose tokens are d and
// n, differ only in how they word a link to a page both sides link to,
// where one side's wording said nothing of the page: "read our policy
// [here](…/privacy)" becoming "read our [policy](…/privacy)", "head
// [here](…/settings)" becoming "head to the [settings page](…/settings)",
// or a link captured without its text ("[](…/brand)") captured with it.
// The reader is led to the same page either way. A link to a page only
// one side links to, or words changed outside the link other than a
// preposition or an article, stay changes.
func repointed(d, n []tok, del, ins []string) bool {
	oldLinks, newLinks := linkTitles(del), linkTitles(ins)
	shared := map[string]bool{}
	for target, titles := range oldLinks {
		if news, ok := newLinks[target]; ok && (hasPointer(titles) || hasPointer(news)) {
			shared[target] = true
		}
	}
	if len(shared) == 0 {
		return false
	}
	// First the pointer words alone: the link moved onto words the
	// sentence had already ("our Privacy Policy [here](…)").
	dp := dropLinkTitles(d, oldLinks, shared, true)
	np := dropLinkTitles(n, newLinks, shared, true)
	if onlyConnectives(dp, np) {
		return true
	}
	// Then every title of the shared links: the link's text now names
	// the page it leads to.
	da := dropLinkTitles(d, oldLinks, shared, false)
	na := dropLinkTitles(n, newLinks, shared, false)
	return onlyConnectives(da, na)
}

// linkTitles returns the titles of the links written in words, by the
// key of their target. A target whose link opened before the run ("our
// policy](…)") is listed with no title.
func linkTitles(words []string) map[string][]string {
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, "](") {
		return nil
	}
	titles := map[string][]string{}
	for _, m := range titledLink.FindAllStringSubmatch(joined, -1) {
		titles[linkKey(m[2])] = append(titles[linkKey(m[2])], m[1])
	}
	for rest := joined; ; {
		i := strings.Index(rest, "](")
		if i < 0 {
			break
		}
		if !strings.Contains(rest[:i], "[") {
			end := targetEnd(rest, i+2)
			key := linkKey(rest[i+2 : end])
			if _, ok := titles[key]; !ok {
				titles[key] = nil
			}
		}
		rest = rest[i+2:]
		if j := strings.IndexByte(rest, ']'); j >= 0 && strings.Contains(rest[:j], "[") {
			rest = rest[strings.IndexByte(rest, '['):]
		}
	}
	return titles
}

// hasPointer reports a link title that says nothing of the page it leads
// to: none, a word that only points ("here", "this page") or the page's
// address.
func hasPointer(titles []string) bool {
	for _, t := range titles {
		if pointerTitle(t) {
			return true
		}
	}
	return false
}

func pointerTitle(title string) bool {
	words := tokens(strings.Fields(title))
	if len(words) == 0 {
		return true // no text, or an address alone
	}
	for _, w := range words {
		if !pointerWords[w.norm] {
			return false
		}
	}
	return true
}

var pointerWords = boolSet(`here click tap this that page link website site`)

// dropLinkTitles removes from ts the words of the titles of the shared
// links (only the pointer titles when pointers is set).
func dropLinkTitles(ts []tok, links map[string][]string, shared map[string]bool, pointers bool) []tok {
	for target, titles := range links {
		if !shared[target] {
			continue
		}
		for _, title := range titles {
			if pointers && !pointerTitle(title) {
				continue
			}
			words := tokens(strings.Fields(title))
			if len(words) == 0 {
				continue
			}
			if i := indexRun(ts, words); i >= 0 {
				ts = append(ts[:i:i], ts[i+len(words):]...)
			}
		}
	}
	return ts
}

// maxConnectives bounds the prepositions and articles that the words
// leading into a reworded link may add or remove ("head to the [settings]", "available
// at [address]").
const maxConnectives = 2

// onlyConnectives reports whether a and b are the same words but for at
// most maxConnectives prepositions and articles added or removed.
func onlyConnectives(a, b []tok) bool {
	if sameNorm(a, b) {
		return true
	}
	if len(a)-len(b) > maxConnectives || len(b)-len(a) > maxConnectives {
		return false
	}
	changed := 0
	for _, o := range tokenOps(norms(a), norms(b), " ") {
		if o.Kind == OpEqual {
			continue
		}
		for _, w := range strings.Fields(o.Text) {
			if changed++; changed > maxConnectives || !connectiveWords[w] {
				return false
			}
		}
	}
	return true
}

var connectiveWords = boolSet(`to the at on via a an`)
