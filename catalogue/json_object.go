package catalogue

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// member is one key and its raw value in a JSON object.
type member struct {
	key   string
	value json.RawMessage
}

// objectMembers decodes a JSON object keeping its members in document
// order, which a Go map would lose, and refusing duplicate keys, which
// encoding/json would silently collapse into the last one.
func objectMembers(data json.RawMessage) ([]member, error) {
	if kind := jsonKind(data); kind != "an object" {
		return nil, fmt.Errorf("want an object, got %s", kind)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the opening brace
		return nil, err
	}
	var members []member
	seen := make(map[string]bool)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, errors.New("object key is not a string")
		}
		if seen[key] {
			return nil, fmt.Errorf("duplicate key %q", key)
		}
		seen[key] = true
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, err
		}
		members = append(members, member{key: key, value: value})
	}
	return members, nil
}

// jsonKind names the kind of a JSON value, with its article, for error
// messages.
func jsonKind(data json.RawMessage) string {
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) == 0 {
		return "nothing"
	}
	switch data[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// syntaxError describes invalid JSON with a line and column, which is what
// someone editing the file needs; encoding/json only gives a byte offset.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return fmt.Errorf("invalid JSON: %w", err)
	}
	offset := int(se.Offset)
	if offset > len(data) {
		offset = len(data)
	}
	// Offset counts the offending byte itself.
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	column := max(1, offset-1-bytes.LastIndexByte(data[:offset], '\n'))
	return fmt.Errorf("invalid JSON at line %d, column %d: %w", line, column, err)
}
