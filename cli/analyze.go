package cli

import (
	"context"
	"encoding/json"
	"flag"
	"io"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

func runAnalyze(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	ruleFlags := addRuleFlags(fs)
	format := fs.String("format", "text", "text or json")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usagef("usage: analyze OLD NEW [--select CSS]… [--remove CSS]… [--format text|json]")
	}
	if *format != "text" && *format != "json" {
		return usagef("--format must be text or json")
	}
	rules, err := ruleFlags.rules()
	if err != nil {
		return err
	}
	oldMD, err := extractInput(ctx, rest[0], "", rules)
	if err != nil {
		return err
	}
	newMD, err := extractInput(ctx, rest[1], "", rules)
	if err != nil {
		return err
	}
	report := analysis.Analyze(oldMD, newMD)
	if *format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	_, err = io.WriteString(out, report.Text())
	return err
}
