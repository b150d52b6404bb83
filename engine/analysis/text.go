package analysis

import (
	"fmt"
	"strings"
)

// Text renders the report for people (`analyze --format text`).
func (r Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Summary: %s\n", r.Summary)
	if !r.Changed {
		return b.String()
	}
	fmt.Fprintf(&b, "Materiality: %s\n", r.Materiality)
	fmt.Fprintf(&b, "Changes: %d words added, %d removed, %d section%s changed\n",
		r.Stats.AddedWords, r.Stats.RemovedWords, r.Stats.SectionsChanged, plural(r.Stats.SectionsChanged))
	if len(r.Provisions) > 0 {
		b.WriteString("\nProvisions:\n")
		for _, p := range r.Provisions {
			title := p.Category
			if c, ok := Lookup(p.Category); ok {
				title = c.Title
			}
			fmt.Fprintf(&b, "  [%s] %s %s (%s)\n", p.Severity, title, p.Change, p.Category)
			if p.Section != "" {
				fmt.Fprintf(&b, "    section: %s\n", p.Section)
			}
			if p.Evidence != "" {
				fmt.Fprintf(&b, "    evidence: %q\n", p.Evidence)
			}
			if p.OldEvidence != "" {
				fmt.Fprintf(&b, "    previously: %q\n", p.OldEvidence)
			}
			if len(p.Regulations) > 0 {
				fmt.Fprintf(&b, "    regulations: %s\n", strings.Join(p.Regulations, ", "))
			}
			if c, ok := Lookup(p.Category); ok && c.Guidance != "" {
				fmt.Fprintf(&b, "    what to do: %s\n", c.Guidance)
			}
		}
	}
	if len(r.Sections) > 0 {
		b.WriteString("\nSections:\n")
		for _, s := range r.Sections {
			heading := s.Heading
			if heading == "" {
				heading = "(introduction)"
			}
			fmt.Fprintf(&b, "  [%s] %s\n", s.Kind, heading)
			for _, a := range s.Added {
				fmt.Fprintf(&b, "    + %s\n", a)
			}
			for _, rm := range s.Removed {
				fmt.Fprintf(&b, "    - %s\n", rm)
			}
		}
	}
	return b.String()
}
