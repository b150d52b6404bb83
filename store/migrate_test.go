package store_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestMigrateDownAndUpAgain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var before bytes.Buffer
		if err := s.MigrationStatus(ctx, &before); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(before.String(), "pending") {
			t.Fatalf("pending after migrate:\n%s", before.String())
		}
		if err := s.MigrateDown(ctx); err != nil {
			t.Fatal(err)
		}
		var after bytes.Buffer
		if err := s.MigrationStatus(ctx, &after); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(after.String(), "pending") {
			t.Fatalf("nothing pending after down:\n%s", after.String())
		}
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
