// Package store keeps Clausewatch's data: GORM models over PostgreSQL or the
// embedded SQLite file. Every method that reads or writes an organization's
// data takes the organization id first and filters through forOrg, so that
// another organization's rows are simply not found.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// ErrNotFound is returned when a row does not exist or belongs to another
// organization; callers cannot tell the two apart, on purpose.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a unique value is already taken.
var ErrConflict = errors.New("already exists")

// Store is the database handle shared by the web app and the workers.
type Store struct {
	db      *gorm.DB
	dialect string
}

// Open connects to the database named by url (sqlite://path or
// postgres://…). It does not migrate; call Migrate.
func Open(ctx context.Context, url string, log *slog.Logger) (*Store, error) {
	gcfg := &gorm.Config{
		Logger: logger.NewSlogLogger(log, logger.Config{
			SlowThreshold:             500 * time.Millisecond,
			LogLevel:                  logger.Warn,
			IgnoreRecordNotFoundError: true,
			// Statements are logged with placeholders, never with their
			// values: those include token hashes, webhook secrets and
			// password hashes.
			ParameterizedQueries: true,
		}),
		TranslateError: true,
		// A single statement is atomic on its own; the store opens
		// transactions itself where several statements must agree.
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	}
	var (
		db      *gorm.DB
		err     error
		dialect string
	)
	switch {
	case strings.HasPrefix(url, "sqlite://"):
		dialect = "sqlite"
		path := strings.TrimPrefix(url, "sqlite://")
		if dir := filepath.Dir(path); dir != "." && dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("create database directory: %w", err)
			}
		}
		// A new database gets 16 KiB pages: a check stores whole HTML
		// snapshots, and 4 KiB pages write and read them in twice as many
		// system calls. An existing file keeps the size it was made with.
		// WAL lets readers proceed while one writer writes; IMMEDIATE
		// transactions take the write lock up front, so two writers wait
		// for each other (busy_timeout) instead of failing on upgrade.
		// The WAL is copied back into the file (and synced) every 4096
		// pages, 64 MiB, instead of SQLite's 1000: a check round rewrites
		// the same document pages over and over, and a round of 2,000
		// documents spent a fifth of its time in those copies, holding
		// the one connection. The statement journal stays in memory
		// (temp_store): an insert of a snapshot over its 64 KiB spill size
		// otherwise created a temporary file and wrote the body into it
		// before writing it to the WAL, a sixth of the CPU of recording a
		// first version. It holds the pages one statement changes, and is
		// gone when the statement ends.
		dsn := path + "?_pragma=page_size(16384)&_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(4096)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_txlock=immediate"
		db, err = gorm.Open(sqlite.Open(dsn), gcfg)
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		dialect = "postgres"
		db, err = gorm.Open(postgres.Open(url), gcfg)
	default:
		return nil, fmt.Errorf("open database: unsupported URL %q (want sqlite:// or postgres://)", url)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	if dialect == "sqlite" {
		// One connection. SQLite writes one transaction at a time anyway,
		// and every connection keeps its own page cache, which it throws
		// away whenever another connection has written: with a pool, a
		// check round spent a third of its database time re-reading
		// pages. Nothing may query outside a transaction it is inside of
		// (store methods get the transaction's Store), or it would wait
		// forever for the connection.
		sqlDB.SetMaxOpenConns(1)
		sqlDB.SetMaxIdleConns(1)
	}
	if dialect == "postgres" {
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetMaxIdleConns(10)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	}
	s := &Store{db: db, dialect: dialect}
	if err := s.Ping(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	return s, nil
}

// Dialect is "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	if err := sqlDB.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Close releases the connections.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// DB returns the GORM handle bound to ctx, for the store's own methods.
func (s *Store) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

// InTx runs fn in one transaction with a Store bound to it.
func (s *Store) InTx(ctx context.Context, fn func(tx *Store) error) error {
	return s.conn(ctx).Transaction(func(db *gorm.DB) error {
		return fn(&Store{db: db, dialect: s.dialect})
	})
}

// maxInList is how many ids one "IN ?" list takes; longer lists are
// queried in chunks of this size (slices.Chunk), well under SQLite's and
// PostgreSQL's limits on bound parameters.
const maxInList = 500

// forOrg is the one organization filter every tenant query goes through.
func forOrg(orgID int64) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB {
		return db.Where("organization_id = ?", orgID)
	}
}

// oneRow is the outcome of a conditional UPDATE or DELETE meant for one
// row: the database's error, or ErrNotFound when no row matched (gone, in
// another organization, or no longer in the state the condition asks for).
func oneRow(res *gorm.DB, what string) error {
	if res.Error != nil {
		return fmt.Errorf("%s: %w", what, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}

// notFound maps GORM's not-found error to ErrNotFound and wraps the rest.
func notFound(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound), errors.Is(err, errNotFoundRow):
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%s: %w", what, ErrConflict)
	default:
		return fmt.Errorf("%s: %w", what, err)
	}
}

// errNotFoundRow stands in for a row that exists but must not be seen.
var errNotFoundRow = errors.New("record not visible to this organization")

// pool is the connection, or the transaction, s runs its statements on,
// for the few statements the store hands to database/sql itself.
func (s *Store) pool() gorm.ConnPool { return s.db.Statement.ConnPool }
