package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// Label is the analyst's reading of one real pair: what a compliance team
// should be told about it.
type Label struct {
	Repo        string     `json:"repo"` // "OpenTermsArchive/dating-versions"
	Path        string     `json:"path"`
	Old         string     `json:"old"`
	New         string     `json:"new"`
	Company     string     `json:"company"`
	Split       string     `json:"split"`       // dev, heldout, fresh, fresh2, ... fresh10
	Materiality string     `json:"materiality"` // editorial, substantive, or noise: no change of text at all
	Provisions  []Expected `json:"provisions"`
	Severity    string     `json:"severity,omitempty"` // highest expected; empty when no provision
	Lang        string     `json:"lang,omitempty"`     // when not English
	Note        string     `json:"note"`
}

// Expected is one provision change the analysis should report.
type Expected struct {
	Category string `json:"category"`
	// Change is added, removed, modified, or restricted when the new text
	// forbids or rules out the practice.
	Change string `json:"change"`
}

const (
	editorial   = "editorial"
	substantive = "substantive"
	// noise labels a pair whose versions differ only in what is not text
	// (link targets, images, whitespace, Markdown markers, typographic
	// quotes): the analysis should record no change.
	noise = "noise"
)

// splits are the label sets: dev (tuned on), heldout (whole operators kept
// aside), and fresh, fresh2 ... fresh10 (documents labelled later, each
// scored once before any change made while looking at them).
var splits = []string{"dev", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10"}

var changeKinds = []string{analysis.ChangeAdded, analysis.ChangeRemoved, analysis.ChangeModified, restricted}

// readLabels reads a JSON Lines file of labels and checks each one.
func readLabels(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l Label
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if err := l.check(); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

func (l Label) check() error {
	switch {
	case l.Repo == "" || l.Path == "" || len(l.Old) != 40 || len(l.New) != 40 || l.Company == "":
		return fmt.Errorf("repo, path, company and full old/new commit ids are required")
	case !slices.Contains(splits, l.Split):
		return fmt.Errorf("split %q: want one of %v", l.Split, splits)
	case l.Materiality != editorial && l.Materiality != substantive && l.Materiality != noise:
		return fmt.Errorf("materiality %q: want editorial, substantive or noise", l.Materiality)
	case l.Materiality != substantive && len(l.Provisions) > 0:
		return fmt.Errorf("an editorial change or noise carries no provisions")
	case len(l.Provisions) > 0 && !analysis.Severity(l.Severity).Valid():
		return fmt.Errorf("severity %q: want low, medium or high", l.Severity)
	}
	for _, p := range l.Provisions {
		if _, ok := analysis.Lookup(p.Category); !ok {
			return fmt.Errorf("unknown category %q", p.Category)
		}
		if !slices.Contains(changeKinds, p.Change) {
			return fmt.Errorf("change %q: want one of %v", p.Change, changeKinds)
		}
	}
	return nil
}

// inLanguages reports whether the pair is in one of langs, a
// comma-separated list where "en" stands for labels without lang; an
// empty list takes every pair.
func (l Label) inLanguages(langs string) bool {
	if langs == "" {
		return true
	}
	lang := cmp.Or(l.Lang, "en")
	return slices.Contains(strings.Split(langs, ","), lang)
}
