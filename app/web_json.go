package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

// decodeJSON reads exactly one JSON object into v, refusing unknown fields
// and trailing data, so that typos in field names are reported rather than
// ignored. A body over the limit stays a 413.
func decodeJSON(c echo.Context, v any) error {
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if bodyTooLarge(err) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return echo.NewHTTPError(http.StatusBadRequest, "The request body is empty; send a JSON object.")
		}
		return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf("Malformed JSON: %v.", err)).SetInternal(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if bodyTooLarge(err) {
			return err
		}
		return echo.NewHTTPError(http.StatusBadRequest, "Malformed JSON: unexpected data after the object.")
	}
	return nil
}
