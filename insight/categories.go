package insight

import (
	"slices"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// ProvisionView is a provision with the plain-words title, the laws it
// engages and what to do about it.
type ProvisionView struct {
	analysis.Provision
	Title    string
	Laws     []analysis.Regulation
	Guidance string
}

// Categories indexes the provision categories once: analysis.Lookup
// rebuilds the table on every call, and the views look categories up per
// provision.
type Categories struct {
	list []analysis.Category
	byID map[string]analysis.Category
}

// NewCategories indexes analysis.Categories.
func NewCategories() *Categories {
	ct := &Categories{list: analysis.Categories(), byID: map[string]analysis.Category{}}
	for _, c := range ct.list {
		ct.byID[c.ID] = c
	}
	return ct
}

// List is every category, in table order.
func (ct *Categories) List() []analysis.Category { return ct.list }

// Has reports whether id names a category.
func (ct *Categories) Has(id string) bool {
	_, ok := ct.byID[id]
	return ok
}

// View names p's category and adds its regulations and guidance; an
// unknown category keeps its id as title.
func (ct *Categories) View(p analysis.Provision) ProvisionView {
	v := ProvisionView{Provision: p, Title: p.Category}
	if cat, ok := ct.byID[p.Category]; ok {
		v.Title, v.Laws, v.Guidance = cat.Title, cat.Regulations, cat.Guidance
	}
	return v
}

// Views is View of each provision.
func (ct *Categories) Views(ps []analysis.Provision) []ProvisionView {
	out := make([]ProvisionView, len(ps))
	for i, p := range ps {
		out[i] = ct.View(p)
	}
	return out
}

// Titles names the categories of provisions, once each, in order: what a
// visitor without the Compliance plan is shown.
func (ct *Categories) Titles(ps []analysis.Provision) []string {
	var out []string
	for _, p := range ps {
		t := ct.View(p).Title
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}
