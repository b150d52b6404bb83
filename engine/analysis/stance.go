package analysis

import (
	"slices"
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// StanceRule derives a category's current stance from one version of a
// document. Values are tried in order; the first one that a sentence of
// the category satisfies is the stance. NotStated is the statement when
// none does.
type StanceRule struct {
	NotStated string        `yaml:"not_stated"`
	Values    []StanceValue `yaml:"values"`
	// Absent names the stance when no value applies, where "not stated"
	// would mislead: no arbitration clause means arbitration "none".
	Absent struct {
		ID   string `yaml:"id"`
		Name string `yaml:"name"`
	} `yaml:"absent"`
}

// StanceValue is one stance a document can take on a category.
type StanceValue struct {
	ID   string `yaml:"id"`   // "permits_with_opt_out"
	Name string `yaml:"name"` // "permits with opt-out"
	// When is the kind of sentence that supports the stance: "affirmative"
	// (states the practice), "restrictive" (a commitment not to do it),
	// "prohibiting" (forbids others to do it) or "any".
	When string `yaml:"when"`
	// Cues, when given, must occur too: one of them at least, in the
	// sentence itself or, with Near "section", anywhere in its section.
	Cues []string `yaml:"cues"`
	Near string   `yaml:"near"`
	// Statement says the stance in plain words, read after the platform's
	// name: "may use your content to train AI models, but lets you opt out".
	Statement string `yaml:"statement"`
	// Examples are short passages (Markdown) that must yield this stance.
	Examples []string `yaml:"examples"`
}

// Kinds of sentence a stance value can rest on.
const (
	whenAffirmative = "affirmative"
	whenRestrictive = "restrictive"
	whenProhibiting = "prohibiting"
	whenAny         = "any"
)

// Where stance cues are looked for.
const (
	nearSentence = "sentence"
	nearSection  = "section"
)

// StanceNotStated is the stance of a category the document says nothing
// about, unless its rule names that case otherwise.
const StanceNotStated = "not_stated"

// Stance is a document's current position on one provision category.
type Stance struct {
	Category string `json:"category"` // "ai_training"
	Stance   string `json:"stance"`   // value id: "permits_with_opt_out", "not_stated", …
	Name     string `json:"name"`     // the value in words: "permits with opt-out"
	// Statement says it in plain words, to be read after the platform's
	// name: "may use your data to train AI models; you can opt out".
	Statement string `json:"statement"`
	// Evidence are the document's sentences the stance rests on, the most
	// telling first; empty when nothing is stated.
	Evidence []string `json:"evidence"`
	Section  string   `json:"section,omitempty"` // heading of the first evidence sentence
	// Controls are the opt-out and consent mechanisms the document
	// mentions next to the evidence.
	Controls []Control `json:"controls"`
}

// Control is an opt-out or consent mechanism a document mentions.
type Control struct {
	Kind     string `json:"kind"`            // "opt-out" or "consent"
	Where    string `json:"where,omitempty"` // "account settings"; empty when the text does not say
	Evidence string `json:"evidence"`
}

// controlKinds are the categories whose sentences are controls, and what
// a control of each is called.
var controlKinds = map[string]string{"opt_out": "opt-out", "consent": "consent"}

// maxStanceEvidence keeps a stance's quotes to a readable few.
const maxStanceEvidence = 3

// Stances derives, from one version of a document (Markdown), the stance
// of every category whose rule file defines stance values, in table
// order. A category the document says nothing about gets its rule's
// absent stance ("not_stated" unless named otherwise) and no evidence.
// Stance values are tried in the order of the rule file; see
// rules/README.md.
func Stances(markdown string) []Stance {
	c := rules()
	parts := diff.Parse(markdown)
	// A stance rests on what sentences say, not on the heading they sit
	// under.
	fs := slices.DeleteFunc(c.findings(markdown, newMemo(), nil), func(f finding) bool { return f.byTopic })
	sectionWords := map[int][]string{}
	wordsOf := func(part int) []string {
		w, ok := sectionWords[part]
		if !ok {
			w = tokenize(parts[part].Body).words
			sectionWords[part] = w
		}
		return w
	}
	var out []Stance
	for ci, cat := range c.cats {
		if len(cat.Stance.Values) == 0 {
			continue
		}
		st, ok := c.stance(ci, fs, wordsOf)
		if !ok {
			st = Stance{Category: cat.ID, Stance: StanceNotStated, Name: "not stated", Statement: cat.Stance.NotStated, Evidence: []string{}}
			if a := cat.Stance.Absent; a.ID != "" {
				st.Stance, st.Name = a.ID, a.Name
			}
		}
		st.Controls = controls(c, fs, st.Evidence)
		out = append(out, st)
	}
	return out
}

// stance finds the first stance value of category ci that a finding
// supports.
func (c *classifier) stance(ci int, fs []finding, sectionWords func(int) []string) (Stance, bool) {
	cat := c.cats[ci]
	for vi, v := range cat.Stance.Values {
		var ev []string
		section := ""
		for _, f := range fs {
			if f.cat != ci || !v.supports(f.sense) || len(ev) == maxStanceEvidence || slices.Contains(ev, f.text) {
				continue
			}
			if cues := cat.stanceCues[vi]; len(cues) > 0 && !anyContains(cues, tokenize(f.text).words) &&
				(v.Near != nearSection || !anyContains(cues, sectionWords(f.part))) {
				continue
			}
			if len(ev) == 0 {
				section = f.section
			}
			ev = append(ev, f.text)
		}
		if len(ev) > 0 {
			return Stance{Category: cat.ID, Stance: v.ID, Name: v.Name, Statement: v.Statement, Evidence: ev, Section: section}, true
		}
	}
	return Stance{}, false
}

func (v StanceValue) supports(sn sense) bool {
	switch v.When {
	case whenAffirmative:
		return sn == affirmative
	case whenRestrictive:
		return sn == restrictive
	case whenProhibiting:
		return sn == prohibiting
	}
	return true
}

// controls returns the opt-out and consent sentences among the evidence
// and in the sections the evidence comes from.
func controls(c *classifier, fs []finding, evidence []string) []Control {
	out := []Control{}
	if len(evidence) == 0 {
		return out
	}
	parts := map[int]bool{}
	for _, f := range fs {
		if slices.Contains(evidence, f.text) {
			parts[f.part] = true
		}
	}
	seen := map[string]bool{}
	for _, f := range fs {
		kind, ok := controlKinds[c.cats[f.cat].ID]
		if !ok || f.sense != affirmative || !parts[f.part] || seen[kind+f.text] {
			continue
		}
		seen[kind+f.text] = true
		ctl := Control{Kind: kind, Evidence: f.text}
		if m := controlPlace.FindStringSubmatch(f.text); m != nil {
			ctl.Where = strings.ToLower(m[1])
		}
		out = append(out, ctl)
	}
	return out
}
