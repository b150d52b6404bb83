package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/clausewatch/clausewatch/store"
)

func runUser(ctx context.Context, args []string, out, _ io.Writer) error {
	if len(args) != 2 || args[0] != "staff" {
		return usagef("usage: user staff EMAIL")
	}
	svc, err := openServices(ctx, "user", redisNone)
	if err != nil {
		return err
	}
	defer svc.close()
	u, err := svc.store.UserByEmail(ctx, strings.ToLower(strings.TrimSpace(args[1])))
	if errors.Is(err, store.ErrNotFound) {
		return usagef("no user with e-mail %s", args[1])
	}
	if err != nil {
		return err
	}
	err = svc.store.SetStaff(ctx, u.ID, true)
	if errors.Is(err, store.ErrNotFound) {
		return usagef("no user with e-mail %s", args[1])
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s is now staff: the queue dashboard is at /admin/queues\n", args[1])
	return nil
}
