package store

import (
	"database/sql/driver"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
)

// Unavailable reports whether err means the database could not be reached
// or is not taking work right now (stopped, restarting, out of
// connections), as opposed to a bad query or a missing row: the same
// request can succeed once the database is back.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var (
		connect *pgconn.ConnectError
		pg      *pgconn.PgError
	)
	switch {
	case errors.Is(err, driver.ErrBadConn), errors.As(err, &connect):
		return true
	case errors.As(err, &pg):
		return unavailableCode(pg.Code)
	}
	return false
}

// unavailableCode reports whether a PostgreSQL error code means the server
// cannot serve now: connection exceptions (class 08), shutting down or
// starting up (57P01-57P03), too many connections (53300).
func unavailableCode(code string) bool {
	switch code {
	case "57P01", "57P02", "57P03", "53300":
		return true
	}
	return len(code) == 5 && code[:2] == "08"
}
