package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/clausewatch/clausewatch/audit"
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
	var r audit.Report
	dec := json.NewDecoder(f)
	if err := dec.Decode(&r); err != nil {
		return usagef("%s is not an audit report: %v", args[1], err)
	}
	n, err := audit.Verify(&r)
	if err != nil {
		if errors.Is(err, audit.ErrBroken) {
			return usagef("FAILED: %v", err)
		}
		return usagef("%s: %v", args[1], err)
	}
	_, err = fmt.Fprintf(out, "OK: %d versions verified\n", n)
	return err
}
