package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/recorder"
)

// chainReport is a two-version report with a correct chain.
func chainReport() auditreport.Report {
	v1 := auditreport.Version{ID: 1, Document: 7, Kind: "first", CreatedAt: time.Unix(0, 0).UTC(), Markdown: "We do not sell data.\n"}
	v1.SHA256 = recorder.ChainHash("", v1.Markdown)
	v2 := auditreport.Version{ID: 2, Document: 7, Kind: "change", CreatedAt: time.Unix(60, 0).UTC(), Markdown: "We sell data.\n", PrevSHA256: v1.SHA256}
	v2.SHA256 = recorder.ChainHash(v1.SHA256, v2.Markdown)
	return auditreport.Report{Format: auditreport.Format, Versions: []auditreport.Version{v1, v2},
		Changes: []auditreport.Change{{ID: 3, Document: 7, FromVersionID: 1, ToVersionID: 2}}}
}

// orgChainReport is an organization report whose segment starts after the
// document's first version: v1 is the anchor, outside the export.
func orgChainReport() auditreport.OrganizationReport {
	p := chainReport()
	anchor := p.Versions[0].SHA256
	v3 := auditreport.Version{ID: 4, Document: 7, Kind: "change", CreatedAt: time.Unix(120, 0).UTC(), Markdown: "We sell data to brokers.\n", PrevSHA256: p.Versions[1].SHA256}
	v3.SHA256 = recorder.ChainHash(v3.PrevSHA256, v3.Markdown)
	return auditreport.OrganizationReport{Format: auditreport.OrganizationFormat,
		Documents: []auditreport.OrgDocument{{ID: 7, Name: "Terms", AnchorSHA256: anchor, HeadSHA256: v3.SHA256, FirstVersionID: 2, LastVersionID: 4, VersionCount: 2}},
		Versions:  []auditreport.Version{p.Versions[1], v3},
		Changes:   []auditreport.Change{{ID: 5, Document: 7, FromVersionID: 2, ToVersionID: 4, ToSHA256: v3.SHA256}}}
}

func TestAuditVerifyCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, r any) string {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := chainReport()
	tampered := chainReport()
	tampered.Versions[0].Markdown = "We never sell data.\n"
	org := orgChainReport()
	orgBad := orgChainReport()
	orgBad.Versions = orgBad.Versions[1:]
	notJSON := filepath.Join(dir, "junk.json")
	if err := os.WriteFile(notJSON, []byte("<html>"), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name        string
		args        []string
		code        int
		out, errOut string
	}{
		{"good", []string{"audit", "verify", write("good.json", good)}, 0, "OK: 2 versions verified", ""},
		{"tampered", []string{"audit", "verify", write("bad.json", tampered)}, 2, "", "version 1 of document 7: sha256 does not match its text"},
		{"organization", []string{"audit", "verify", write("org.json", org)}, 0, "anchor " + org.Documents[0].AnchorSHA256, ""},
		{"organization missing a version", []string{"audit", "verify", write("orgbad.json", orgBad)}, 2, "", "version 4 of document 7: does not start from the document's anchor_sha256"},
		{"unknown format", []string{"audit", "verify", write("v9.json", map[string]string{"format": "clausewatch.audit.v9"})}, 2, "", "clausewatch.audit.v9"},
		{"not a report", []string{"audit", "verify", notJSON}, 2, "", "not an audit report"},
		{"missing file", []string{"audit", "verify", filepath.Join(dir, "none.json")}, 2, "", "none.json"},
		{"bad usage", []string{"audit", "check"}, 2, "", "usage: audit verify FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run(tt.args, &out, &errOut)
			if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errOut.String(), tt.errOut) {
				t.Errorf("exit %d, out %q, err %q; want %d, %q, %q", code, out.String(), errOut.String(), tt.code, tt.out, tt.errOut)
			}
		})
	}
}
