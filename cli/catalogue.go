package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/clausewatch/clausewatch/catalogue"
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
	fmt.Fprintf(out, "imported %d platforms: %d documents created, %d updated, %d technical upgrades\n",
		rep.Platforms, rep.DocumentsCreated, rep.DocumentsUpdated, rep.TechnicalUpgrades)
	if loadErr != nil {
		// The good files are in; the bad ones are named and nothing of
		// them was imported.
		return usageError{loadErr}
	}
	return nil
}

// loadDeclarations reads one declaration file or every *.json in a folder.
func loadDeclarations(path string) ([]catalogue.Platform, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	if info.IsDir() {
		return catalogue.LoadDir(os.DirFS(path), ".")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	p, err := catalogue.Parse(filepath.Base(path), data)
	if err != nil {
		return nil, err
	}
	return []catalogue.Platform{p}, nil
}
