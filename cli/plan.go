package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

// runPlan is `plan set ORG PLAN`: the operator's override of an
// organization's plan, through the same path as billing (watches paused or
// resumed, owners told, audit log written).
func runPlan(ctx context.Context, args []string, out, _ io.Writer) error {
	if len(args) != 3 || args[0] != "set" {
		return usagef("usage: plan set ORG PLAN (ORG is an id or slug; PLAN one of %s)", planIDs())
	}
	if _, ok := billing.PlanByID(args[2]); !ok {
		return usagef("unknown plan %q (want one of %s)", args[2], planIDs())
	}
	svc, err := openServices(ctx, "plan", redisNone)
	if err != nil {
		return err
	}
	defer svc.close()
	org, err := findOrganization(ctx, svc.store, args[1])
	if err != nil {
		return err
	}
	change, err := svc.watchlist.ApplyPlan(ctx, org.ID, args[2], watchlist.Actor{Source: "operator"})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s (%s): %s → %s\n", change.Organization.Name, change.Organization.Slug, change.From.Name, change.To.Name)
	for _, part := range []struct {
		what string
		ws   []store.Watch
	}{{"paused", change.Paused}, {"resumed", change.Resumed}} {
		for i := range part.ws {
			fmt.Fprintf(out, "  %s: %s (watch %d)\n", part.what, part.ws[i].Label(), part.ws[i].ID)
		}
	}
	fmt.Fprintf(out, "%d paused, %d resumed\n", len(change.Paused), len(change.Resumed))
	if over := change.MembersOver(); over > 0 {
		fmt.Fprintf(out, "%d of %d members are over the plan's limit and now have read-only access\n", over, change.Members)
	}
	return nil
}

// findOrganization resolves ORG as an id, then as a slug; not found is bad
// input (exit 2).
func findOrganization(ctx context.Context, st *store.Store, ref string) (*store.Organization, error) {
	var (
		org *store.Organization
		err error
	)
	if id, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		org, err = st.Organization(ctx, id)
		if !errors.Is(err, store.ErrNotFound) {
			return org, err
		}
	}
	org, err = st.OrganizationBySlug(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		return nil, usagef("no organization with id or slug %q", ref)
	}
	return org, err
}

func planIDs() string {
	var s string
	for i, p := range billing.Plans() {
		if i > 0 {
			s += ", "
		}
		s += p.ID
	}
	return s
}
