package analysis

import "strings"

// Change kinds of a provision between two versions.
const (
	ChangeAdded    = "added"
	ChangeRemoved  = "removed"
	ChangeModified = "modified"
)

// Category is one kind of provision and the rule that finds it: a
// sentence belongs to the category when one of its Cues matches and no
// Exclude phrase does. Phrases use the pattern language described on
// phrase.
type Category struct {
	ID    string
	Title string // plain words, used in summaries ("AI training")

	Cues    []Cue
	Exclude []string
	// Negatable categories read "we do not sell …" as a restriction rather
	// than as the practice itself.
	Negatable bool

	Severity    Severities
	Escalations []Escalation

	Regulations []Regulation
	Guidance    string // what a compliance team should do about it
}

// Cue is one way of stating a provision: an Action phrase (where negation
// is judged) and groups of which at least one phrase each must also occur
// in the sentence.
type Cue struct {
	Action []string
	With   [][]string
}

// Severities gives the base severity of each change kind.
type Severities struct {
	Added, Removed, Modified Severity
}

func (s Severities) of(change string) Severity {
	switch change {
	case ChangeAdded:
		return s.Added
	case ChangeRemoved:
		return s.Removed
	}
	return s.Modified
}

// Escalation raises the severity of an added or modified provision whose
// evidence contains one of Phrases; Label then names it in the summary.
type Escalation struct {
	Phrases  []string
	Severity Severity
	Label    string
}

// Regulation is a legal instrument a provision engages.
type Regulation struct {
	Name         string // "GDPR"
	Article      string // "Art. 6"; empty when the instrument as a whole applies
	Jurisdiction string // "EU", "US", "US-CA", …
}

// String renders the regulation as cited in reports: "GDPR Art. 6".
func (r Regulation) String() string {
	if r.Article == "" {
		return r.Name
	}
	return r.Name + " " + r.Article
}

// Lookup returns the category with the given id.
func Lookup(id string) (Category, bool) {
	for _, c := range Categories() {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}

func regulationNames(regs []Regulation) []string {
	out := make([]string, len(regs))
	for i, r := range regs {
		out[i] = r.String()
	}
	return out
}

// label is the category title as it reads inside a sentence.
func (c Category) label() string {
	if strings.HasPrefix(c.Title, "AI") {
		return c.Title
	}
	return strings.ToLower(c.Title[:1]) + c.Title[1:]
}
