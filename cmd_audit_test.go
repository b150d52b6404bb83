package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/audit"
	"github.com/clausewatch/clausewatch/tracker"
)

// chainReport is a two-version report with a correct chain.
func chainReport() audit.Report {
	v1 := audit.Version{ID: 1, Document: 7, Kind: "first", CreatedAt: time.Unix(0, 0).UTC(), Markdown: "We do not sell data.\n"}
	v1.SHA256 = tracker.ChainHash("", v1.Markdown)
	v2 := audit.Version{ID: 2, Document: 7, Kind: "change", CreatedAt: time.Unix(60, 0).UTC(), Markdown: "We sell data.\n", PrevSHA256: v1.SHA256}
	v2.SHA256 = tracker.ChainHash(v1.SHA256, v2.Markdown)
	return audit.Report{Format: audit.Format, Versions: []audit.Version{v1, v2},
		Changes: []audit.Change{{ID: 3, Document: 7, FromVersionID: 1, ToVersionID: 2}}}
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
		{"not a report", []string{"audit", "verify", notJSON}, 2, "", "not an audit report"},
		{"missing file", []string{"audit", "verify", filepath.Join(dir, "none.json")}, 2, "", "none.json"},
		{"bad usage", []string{"audit", "check"}, 2, "", "usage: audit verify FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errOut.String(), tt.errOut) {
				t.Errorf("exit %d, out %q, err %q; want %d, %q, %q", code, out.String(), errOut.String(), tt.code, tt.out, tt.errOut)
			}
		})
	}
}
