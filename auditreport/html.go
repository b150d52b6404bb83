package auditreport

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

//go:embed report.html
var reportHTML string

// WriteHTML writes the report as a standalone printable page: no scripts,
// no external resources, a print stylesheet, every text escaped.
func WriteHTML(w io.Writer, r *OrganizationReport) error {
	docs := make(map[int64]OrgDocument, len(r.Documents))
	for _, d := range r.Documents {
		docs[d.ID] = d
	}
	tpl, err := template.New("report").Funcs(template.FuncMap{
		"doc":   func(id int64) OrgDocument { return docs[id] },
		"stamp": func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") },
		"day":   func(t time.Time) string { return t.UTC().Format(time.DateOnly) },
		// The period is half-open; people read its last day.
		"lastDay": func(t time.Time) string { return t.UTC().Add(-time.Nanosecond).Format(time.DateOnly) },
		"category": func(id string) string {
			if c, ok := analysis.Lookup(id); ok {
				return c.Title
			}
			return id
		},
	}).Parse(reportHTML)
	if err != nil {
		return fmt.Errorf("parse audit report template: %w", err)
	}
	var buf bytes.Buffer // render fully first, so a failure never sends half a page
	if err := tpl.Execute(&buf, r); err != nil {
		return fmt.Errorf("render audit report: %w", err)
	}
	_, err = buf.WriteTo(w)
	return err
}
