package analysis

// StanceRule derives a category's current stance from one version of a
// document. Values are tried in order; the first one that a sentence of
// the category satisfies is the stance. NotStated is the statement when
// none does.
type StanceRule struct {
	NotStated string        `yaml:"not_stated"`
	Values    []StanceValue `yaml:"values"`
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
