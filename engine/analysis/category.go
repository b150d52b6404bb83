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
// phrase. Categories are data, read from rules/*.yaml (see
// rules/README.md for the format).
type Category struct {
	ID    string `yaml:"id"`
	Title string `yaml:"name"` // plain words, used in summaries ("AI training")

	// Actors are who the category's practice can be done by: "platform",
	// "partners" (third parties) or "users" (users and developers).
	Actors []string `yaml:"actors"`

	Cues    []Cue    `yaml:"cues"`
	Exclude []string `yaml:"exclude"`
	// Sections are phrases that, in a section's heading, make each list
	// item or table row of the section a statement of the category: an
	// entry under "Sub-processors" names a recipient of data without
	// saying "share".
	Sections []string `yaml:"sections"`
	// SectionsExcept are phrases that, in a heading its sections phrases
	// match, leave its entries to their own words: "Your choices and
	// rights" lists rights of access and correction as well as choices.
	SectionsExcept []string `yaml:"sections_except"`
	// Negatable categories read "we do not sell …" as a restriction rather
	// than as the practice itself.
	Negatable bool `yaml:"negatable"`
	// Negations are phrases that make a matching sentence a commitment not
	// to do it, beyond a plain "not" before the action ("we refrain from").
	Negations []string `yaml:"negations"`
	// Restrictions are phrases by which a sentence forbids others (users,
	// developers, partners) to do it: "you may not ~6 train*".
	Restrictions []string `yaml:"restrictions"`

	// Parties are the kinds of party the practice is done with ("third
	// part*", "advertiser*", "data broker*"): a modification whose new
	// statements name a kind its old ones did not is rated as an
	// addition.
	Parties []string `yaml:"parties"`

	// Objects are phrases after which a statement names what it is about
	// ("opt out of", "refuse"): a statement that went whose object the
	// new version names nowhere went with it, and is low (see
	// rating.go).
	Objects []string `yaml:"objects"`

	Severity    Severities   `yaml:"severity"`
	Escalations []Escalation `yaml:"escalations"`
	// Safeguards are protections a statement of the category can carry
	// ("only with your consent"); one that the new version no longer states
	// while the practice remains raises the change (see rating.go).
	Safeguards []Escalation `yaml:"safeguards"`

	Regulations []Regulation `yaml:"regulations"`
	Guidance    string       `yaml:"guidance"` // what a compliance team should do about it

	Stance   StanceRule `yaml:"stance"`
	Examples Examples   `yaml:"examples"`
}

// Cue is one way of stating a provision: an Action phrase (where negation
// is judged) and groups of which at least one phrase each must also occur
// in the sentence.
type Cue struct {
	Action []string   `yaml:"action"`
	With   [][]string `yaml:"with"`
}

// Examples are sentences the category's rule must classify as written:
// Positive state the practice, Restrictive are commitments not to do it,
// Prohibiting forbid others to do it, Negative belong to other topics.
type Examples struct {
	Positive    []string `yaml:"positive"`
	Restrictive []string `yaml:"restrictive"`
	Prohibiting []string `yaml:"prohibiting"`
	Negative    []string `yaml:"negative"`
}

// Severities gives the base severity of each change kind.
type Severities struct {
	Added    Severity `yaml:"added"`
	Removed  Severity `yaml:"removed"`
	Modified Severity `yaml:"modified"`
	// Reworded, when set, rates a modification whose statements name the
	// same places, parties and numbers as before: for categories whose
	// substance is a name (which law, which country), a rewording.
	Reworded Severity `yaml:"reworded"`
	// Narrowed, when set, rates a modification whose statements say what
	// the old ones said less some of the places and parties they named,
	// with the same numbers and no limit dropped: for categories whose
	// names are where the data goes, fewer destinations; for opt-outs,
	// fewer ways or places to opt out.
	Narrowed Severity `yaml:"narrowed"`
	// Shortened, when set, rates a modification whose statements name
	// shorter periods than the old statements they restate and none
	// longer: for retention, data kept for less time.
	Shortened Severity `yaml:"shortened"`
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

// Escalation raises the severity of an added or modified provision one of
// whose new statements contains one of Phrases; Label then names it in the
// summary. As a safeguard, it raises a modification whose old statements
// carried one of Phrases and whose new ones carry none.
type Escalation struct {
	Phrases  []string `yaml:"phrases"`
	Severity Severity `yaml:"severity"`
	Label    string   `yaml:"label"`
	// Tempers, for a safeguard, keeps the escalations off a statement that
	// states it: anonymised data sent to advertisers is not personal data
	// sent to them. Consent does not temper: precise location collected
	// with permission is still precise location.
	Tempers bool `yaml:"tempers"`
}

// Regulation is a legal instrument a provision engages.
type Regulation struct {
	Name         string `yaml:"name"`         // "GDPR"
	Article      string `yaml:"article"`      // "Art. 6"; empty when the instrument as a whole applies
	Jurisdiction string `yaml:"jurisdiction"` // "EU", "US", "US-CA", …
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
