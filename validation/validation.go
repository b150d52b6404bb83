// Package validation carries field-level input errors from domain code to
// whoever shows them: the website next to each field, the API as a 422.
package validation

import (
	"sort"
	"strings"
)

// Errors maps a field name to a message meant for the user.
type Errors map[string]string

// Add records a message for field, keeping the first message per field.
func (e Errors) Add(field, message string) {
	if _, ok := e[field]; !ok {
		e[field] = message
	}
}

// Err returns e as an error, or nil when there is nothing in it.
func (e Errors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// Error lists the messages in field order, for logs and API messages.
func (e Errors) Error() string {
	fields := make([]string, 0, len(e))
	for f := range e {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	msgs := make([]string, 0, len(e))
	for _, f := range fields {
		msgs = append(msgs, f+": "+e[f])
	}
	return strings.Join(msgs, "; ")
}
