package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// report is what a run writes: figures only, never third-party text.
type report struct {
	Revision     string      `json:"revision"`
	MaxSnapshots int         `json:"max_snapshots"`
	Seconds      float64     `json:"seconds"`
	Totals       totals      `json:"totals"`
	Documents    []docResult `json:"documents"`
}

type totals struct {
	Documents         int `json:"documents"`
	Transitions       int `json:"transitions"`
	Errors            int `json:"errors"`
	ErrorsWithVersion int `json:"errors_with_version"`
	OTAVersions       int `json:"ota_versions"`
	OTANoise          int `json:"ota_noise"`
	Changes           int `json:"changes"`
	TrueChanges       int `json:"true_changes"`
	FalseChanges      int `json:"false_changes"`
	MissedChanges     int `json:"missed_changes"`
	ParityDocuments   int `json:"parity_documents"`
	// ParityOK counts documents whose newest parity is at least 0.99.
	ParityOK int `json:"parity_ok"`
}

func (r *report) total() {
	t := totals{Documents: len(r.Documents)}
	for _, d := range r.Documents {
		t.Transitions += d.Transitions
		t.Errors += d.Errors
		t.ErrorsWithVersion += d.ErrorsWithVersion
		t.OTAVersions += d.OTAVersions
		t.OTANoise += d.OTANoise
		t.Changes += d.Changes
		t.TrueChanges += d.TrueChanges
		t.FalseChanges += d.FalseChanges
		t.MissedChanges += d.MissedChanges
		if d.Parity != nil {
			t.ParityDocuments++
			if *d.Parity >= 0.99 {
				t.ParityOK++
			}
		}
	}
	r.Totals = t
}

func (r *report) write(out string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out+".json", append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.WriteFile(out+".md", []byte(r.markdown()), 0o644)
}

func (r *report) markdown() string {
	var b strings.Builder
	t := r.Totals
	fmt.Fprintf(&b, "# Real-world replay\n\n")
	fmt.Fprintf(&b, "Clausewatch %s, last %d snapshots of each document, %.0f s.\n\n", r.Revision, r.MaxSnapshots, r.Seconds)
	fmt.Fprintf(&b, "| documents | transitions | errors | OTA versions | of which noise | our changes | true | false | missed | parity ≥ 0.99 |\n")
	fmt.Fprintf(&b, "|---|---|---|---|---|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d of %d |\n\n",
		t.Documents, t.Transitions, t.Errors, t.OTAVersions, t.OTANoise, t.Changes, t.TrueChanges, t.FalseChanges, t.MissedChanges, t.ParityOK, t.ParityDocuments)
	fmt.Fprintf(&b, "Of the %d pairs our extraction failed on, %d end on a snapshot Open Terms Archive extracted a version from.\n\n", t.Errors, t.ErrorsWithVersion)
	fmt.Fprintf(&b, "| document | snapshots | errors | OTA versions | noise | ours | false | missed | parity | parity min | note |\n")
	fmt.Fprintf(&b, "|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, d := range r.Documents {
		note := d.Note
		if d.JSFilters {
			note = strings.TrimPrefix(note+"; JS filters", "; ")
		}
		fmt.Fprintf(&b, "| %s/%s/%s | %d | %d | %d | %d | %d | %d | %d | %s | %s | %s |\n",
			d.Collection, d.Service, d.Type, d.Snapshots, d.Errors, d.OTAVersions, d.OTANoise, d.Changes,
			d.FalseChanges, d.MissedChanges, ratio(d.Parity), ratio(d.ParityMin), strings.ReplaceAll(note, "|", `\|`))
	}
	return b.String()
}

func ratio(f *float64) string {
	if f == nil {
		return "-"
	}
	return fmt.Sprintf("%.4f", *f)
}
