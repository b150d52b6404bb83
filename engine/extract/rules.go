package extract

// Rules say which part of a fetched page is the document: what to keep
// (Select) and what to drop first (Remove), in the manner of Open Terms
// Archive declarations. Filters are clean-up steps run on the whole page
// before Remove and Select, in declared order.
type Rules struct {
	Select  []Selector `json:"select,omitempty"`
	Remove  []Selector `json:"remove,omitempty"`
	Filters []Filter   `json:"filter,omitempty"`
}

// Selector is either a CSS selector or a range between two marker
// elements: the content after StartAfter (or from StartBefore) up to
// EndBefore (or through EndAfter). Each marker is itself a CSS selector.
type Selector struct {
	CSS   string `json:"css,omitempty"`
	Range *Range `json:"range,omitempty"`
}

// Range selects the nodes between two markers.
type Range struct {
	StartBefore string `json:"startBefore,omitempty"`
	StartAfter  string `json:"startAfter,omitempty"`
	EndBefore   string `json:"endBefore,omitempty"`
	EndAfter    string `json:"endAfter,omitempty"`
}
