package store

import (
	"fmt"

	"gorm.io/gorm"
)

// OnStatement calls fn after every SQL statement the store runs, with the
// statement's SQL, e.g. to count the queries of one request in tests and
// load checks. fn must be safe for concurrent use.
func (s *Store) OnStatement(name string, fn func(sql string)) error {
	after := func(db *gorm.DB) { fn(db.Statement.SQL.String()) }
	cb := s.db.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register(name+":query", after),
		cb.Row().After("gorm:row").Register(name+":row", after),
		cb.Raw().After("gorm:raw").Register(name+":raw", after),
		cb.Create().After("gorm:create").Register(name+":create", after),
		cb.Update().After("gorm:update").Register(name+":update", after),
		cb.Delete().After("gorm:delete").Register(name+":delete", after),
	} {
		if err != nil {
			return fmt.Errorf("register statement callback %s: %w", name, err)
		}
	}
	return nil
}
