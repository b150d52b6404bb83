package auditreport

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"
)

// csvHeader is the first row of WriteCSV.
var csvHeader = []string{"timestamp", "platform", "document", "summary", "severity", "provisions", "from_version_sha256", "to_version_sha256"}

// WriteCSV writes one row per change of the report: when it was recorded,
// the platform (empty for custom documents), the document, the summary, the
// severity, the provisions as category:change:severity joined by ";", and
// the chain hashes of the two versions.
func WriteCSV(w io.Writer, r *OrganizationReport) error {
	docs := make(map[int64]OrgDocument, len(r.Documents))
	for _, d := range r.Documents {
		docs[d.ID] = d
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("write audit csv: %w", err)
	}
	for _, c := range r.Changes {
		d := docs[c.Document]
		provisions := make([]string, 0, len(c.Provisions))
		for _, p := range c.Provisions {
			provisions = append(provisions, p.Category+":"+p.Change+":"+p.Severity.String())
		}
		row := []string{
			c.CreatedAt.UTC().Format(time.RFC3339), SpreadsheetCell(d.PlatformName), SpreadsheetCell(d.Name), SpreadsheetCell(c.Summary),
			c.Severity, strings.Join(provisions, ";"), c.FromSHA256, c.ToSHA256,
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write audit csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write audit csv: %w", err)
	}
	return nil
}

// SpreadsheetCell keeps a spreadsheet from reading text as a formula:
// names of custom documents are typed by users, summaries quote section
// titles and evidence quotes the platforms' own text.
func SpreadsheetCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
