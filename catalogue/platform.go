// Package catalogue reads platform declarations and ships the default
// catalogue inside the binary.
//
// A declaration is a service declaration in the format of the Open Terms
// Archive project (https://docs.opentermsarchive.org), so that project's
// public declaration files load as they are, plus a few optional fields of
// ours: "slug", "jurisdiction", "locale" and "category".
package catalogue

import "github.com/clausewatch/clausewatch/engine"

// Platform is a watched service and the documents it publishes.
type Platform struct {
	Name         string
	Slug         string // URL-safe identifier, unique in a catalogue
	Jurisdiction string // e.g. "US" or "EU, US"; empty when not declared
	Locale       string // language of the documents, e.g. "en"
	Category     string // e.g. "video conferencing"
	Documents    []Document
	// Refused names the declared documents, or history entries, that were
	// left out, each a *DeclarationError saying why.
	Refused []error
}

// Document is one of a platform's terms, named by its Open Terms Archive
// terms type, and where to read it from.
type Document struct {
	// Type is the terms type, e.g. "Terms of Service"; always one of
	// DocumentTypes (aliases are resolved when parsing).
	Type string
	// Sources holds one source, or several whose extracted texts make up
	// the document together (a "combine" declaration), in declared order.
	Sources []engine.Source
	// History holds the document's past declarations, oldest first, from
	// the service's NAME.history.json; see SourcesAt.
	History []Period
}

// Document returns the platform's document of the given terms type.
func (p Platform) Document(termsType string) (Document, bool) {
	for _, d := range p.Documents {
		if d.Type == termsType {
			return d, true
		}
	}
	return Document{}, false
}
