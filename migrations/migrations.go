// Package migrations embeds the versioned SQL schema, one directory per
// database dialect. Both directories hold the same file names, so a version
// means the same change everywhere.
package migrations

import "embed"

// FS holds postgres/*.sql and sqlite/*.sql.
//
//go:embed postgres/*.sql sqlite/*.sql
var FS embed.FS
