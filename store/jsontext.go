package store

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// JSONText is a JSON document kept in a TEXT column. Drivers hand TEXT back
// as string or []byte; JSONText takes both.
type JSONText []byte

// Scan implements sql.Scanner.
func (j *JSONText) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*j = nil
	case string:
		*j = JSONText(v)
	case []byte:
		*j = append(JSONText(nil), v...)
	default:
		return fmt.Errorf("scan JSON text from %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (j JSONText) Value() (driver.Value, error) {
	if len(j) == 0 {
		return "null", nil
	}
	return string(j), nil
}

// MarshalJSON keeps the document as it is when the row is encoded.
func (j JSONText) MarshalJSON() ([]byte, error) {
	if len(j) == 0 {
		return []byte("null"), nil
	}
	return json.RawMessage(j).MarshalJSON()
}
