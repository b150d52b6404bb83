package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/clausewatch/clausewatch/store"
)

func runMigrate(ctx context.Context, args []string, out, _ io.Writer) error {
	if len(args) != 1 {
		return usagef("usage: migrate up|down|status")
	}
	cfg, log, err := loadConfig()
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, log)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "up":
		if err := st.Migrate(ctx); err != nil {
			return err
		}
		fmt.Fprintln(out, "migrations applied")
	case "down":
		if err := st.MigrateDown(ctx); err != nil {
			return err
		}
		fmt.Fprintln(out, "rolled back the latest migration")
	case "status":
		return st.MigrationStatus(ctx, out)
	default:
		return usagef("unknown migrate action %q: want up, down or status", args[0])
	}
	return nil
}
