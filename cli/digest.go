package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
)

// runDigest is `digest send [--org ORG]`: make and send the weekly digests
// now, with the current week's changes so far, for one organization or all.
// Every change goes into one digest and an organization gets at most one a
// week, so running it twice sends nothing the second time.
func runDigest(ctx context.Context, args []string, out, _ io.Writer) error {
	if len(args) == 0 || args[0] != "send" {
		return usagef("usage: digest send [--org ORG]")
	}
	fs := flag.NewFlagSet("digest send", flag.ContinueOnError)
	orgRef := fs.String("org", "", "only this organization (id or slug)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	// Without Redis the alerts service sends in this process, so the
	// command has finished sending when it returns.
	svc, err := openServices(ctx, "digest", redisNone)
	if err != nil {
		return err
	}
	defer svc.close()
	var orgID int64
	if *orgRef != "" {
		org, err := findOrganization(ctx, svc.store, *orgRef)
		if err != nil {
			return err
		}
		orgID = org.ID
	}
	rep, err := svc.alerts.SendDigests(ctx, orgID, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d digests, %d e-mails (%d organizations with changes waiting)\n", rep.Digests, rep.Deliveries, rep.Organizations)
	return nil
}
