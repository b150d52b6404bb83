package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/clausewatch/clausewatch/auditreport"
)

// runAudit is `audit verify FILE`: it recomputes the version hash chain of
// an exported audit report. A broken chain is bad input (exit 2) naming the
// first version at fault.
func runAudit(_ context.Context, args []string, out, _ io.Writer) error {
	if len(args) != 2 || args[0] != "verify" {
		return usagef("usage: audit verify FILE")
	}
	f, err := os.Open(args[1])
	if err != nil {
		return usagef("read %s: %v", args[1], err)
	}
	defer f.Close()
	r, err := auditreport.Read(f)
	if err != nil {
		return usagef("%s: %v", args[1], err)
	}
	n, err := auditreport.Verify(r)
	if err != nil {
		if errors.Is(err, auditreport.ErrBroken) {
			return usagef("FAILED: %v", err)
		}
		return usagef("%s: %v", args[1], err)
	}
	if _, err := fmt.Fprintf(out, "OK: %d versions verified\n", n); err != nil {
		return err
	}
	if org, ok := r.(*auditreport.OrganizationReport); ok {
		return printSegments(out, org)
	}
	return nil
}

// printSegments says what an organization report's verification proved:
// each document's chain from its anchor to its head.
func printSegments(out io.Writer, r *auditreport.OrganizationReport) error {
	for _, d := range r.Documents {
		if d.VersionCount == 0 {
			continue
		}
		anchor := d.AnchorSHA256
		if anchor == "" {
			anchor = "(first version)"
		}
		if _, err := fmt.Fprintf(out, "document %d %q: %d versions, anchor %s, head %s\n", d.ID, d.Name, d.VersionCount, anchor, d.HeadSHA256); err != nil {
			return err
		}
	}
	return nil
}
