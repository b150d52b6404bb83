package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/recorder"
)

func runCatalogue(ctx context.Context, args []string, out, errOut io.Writer) error {
	if len(args) != 2 || args[0] != "import" {
		return usagef("usage: catalogue import FILE|DIR")
	}
	platforms, loadErr := loadDeclarations(args[1])
	if loadErr != nil && len(platforms) == 0 {
		return usageError{loadErr}
	}
	svc, err := openServices(ctx, "catalogue", redisNone)
	if err != nil {
		return err
	}
	defer svc.close()
	rep, err := svc.recorder.Import(ctx, platforms)
	if err != nil {
		return err
	}
	printImport(out, errOut, rep, platforms, loadErr)
	return nil
}

// printImport says what an import did: a summary line, what the user must
// know (precedence, retired documents), then one warning per refused file,
// document or history entry, each with its reason. An import that read some
// files exits 0 even when others were refused: the good ones are in, and
// each bad one is named.
func printImport(out, errOut io.Writer, rep recorder.ImportReport, platforms []catalogue.Platform, loadErr error) {
	fmt.Fprintf(out, "imported %s: %d documents created, %d updated, %d retired, %d technical upgrades\n",
		plural(rep.Platforms, "platform", "platforms"), rep.DocumentsCreated, rep.DocumentsUpdated, rep.DocumentsRetired, rep.TechnicalUpgrades)
	for _, n := range rep.Notices {
		fmt.Fprintln(out, n)
	}
	for _, err := range joined(loadErr) {
		fmt.Fprintf(errOut, "warning: refused %v\n", err)
	}
	for _, p := range platforms {
		for _, err := range p.Refused {
			fmt.Fprintf(errOut, "warning: refused %v\n", err)
		}
	}
}

// joined splits an errors.Join error into its parts.
func joined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// loadDeclarations reads one declaration file (with its history file) or
// every declaration in a folder.
func loadDeclarations(path string) ([]catalogue.Platform, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	if info.IsDir() {
		return catalogue.LoadDir(os.DirFS(path), ".")
	}
	p, err := catalogue.LoadFile(os.DirFS(filepath.Dir(path)), filepath.Base(path))
	if err != nil {
		return nil, err
	}
	return []catalogue.Platform{p}, nil
}
