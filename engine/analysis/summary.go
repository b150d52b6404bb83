package analysis

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// maxSummaryItems keeps the summary to one readable line.
const maxSummaryItems = 3

// summarize builds the one-line summary: the provision changes, most
// severe first, or else the section changes.
func summarize(changes []change, sections []diff.Section) string {
	var items []string
	for _, ch := range changes {
		if where, ok := movedControl(ch); ok {
			items = append(items, ch.label+" moved to "+where)
			continue
		}
		v := ch.verb
		if v == "" {
			v = verb(ch.p.Change)
		}
		items = append(items, ch.label+" "+v)
	}
	if len(items) == 0 {
		items = sectionItems(sections)
	}
	if len(items) == 0 {
		return "Minor wording changes."
	}
	more := len(items) - maxSummaryItems
	if more > 0 {
		items = items[:maxSummaryItems]
	}
	s := strings.Join(items, "; ")
	if more > 0 {
		s += fmt.Sprintf("; %d more provision change%s", more, plural(more))
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func verb(kind string) string {
	if kind == ChangeModified {
		return "changed"
	}
	return kind
}

func sectionItems(sections []diff.Section) []string {
	if len(sections) > maxSummaryItems {
		return []string{fmt.Sprintf("wording changed in %d sections", len(sections))}
	}
	var items []string
	for _, s := range sections {
		name := fmt.Sprintf("section %q", s.Heading)
		if s.Heading == "" {
			name = "the introduction"
		}
		switch s.Kind {
		case diff.KindModified:
			items = append(items, "wording changed in "+name)
		default:
			items = append(items, name+" "+s.Kind)
		}
	}
	return items
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// controlPlace finds where a control lives in a sentence: "in your account
// settings", "from the privacy dashboard".
var controlPlace = regexp.MustCompile(`(?i)\b(?:in|from|under|via|through) (?:your|the|our) ((?:[a-z-]+ ){0,3}(?:settings|preferences|dashboard|control panel|privacy center|privacy centre))\b`)

// movedControl reports an opt-out or consent control that is still there
// but now lives somewhere else, which matters more to a reader than
// "opt-out changed": the instructions people were given no longer work.
func movedControl(ch change) (string, bool) {
	if ch.p.Change != ChangeModified || (ch.p.Category != "opt_out" && ch.p.Category != "consent") {
		return "", false
	}
	newPlace := controlPlace.FindStringSubmatch(ch.p.Evidence)
	if newPlace == nil {
		return "", false
	}
	oldPlace := controlPlace.FindStringSubmatch(ch.p.OldEvidence)
	if oldPlace != nil && strings.EqualFold(oldPlace[1], newPlace[1]) {
		return "", false
	}
	return strings.ToLower(newPlace[1]), true
}
