package app

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/validation"
)

// inputValidator is Echo's Validator: it checks the `validate` tags of a
// bound form or API request and reports each failed field with the
// sentence of its `msg` tag, as validation.Errors keyed by the field's
// form or JSON name, which the forms show inline and the API as 422.
type inputValidator struct {
	v *validator.Validate
}

func newInputValidator() *inputValidator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(inputName)
	return &inputValidator{v: v}
}

// inputName is the name a field has in the request: its form, then JSON
// tag.
func inputName(f reflect.StructField) string {
	for _, tag := range []string{"form", "json", "query"} {
		if name, _, _ := strings.Cut(f.Tag.Get(tag), ","); name != "" && name != "-" {
			return name
		}
	}
	return f.Name
}

// Validate implements echo.Validator.
func (iv *inputValidator) Validate(i any) error {
	err := iv.v.Struct(i)
	var fails validator.ValidationErrors
	if !errors.As(err, &fails) {
		if err != nil {
			return fmt.Errorf("validate %T: %w", i, err)
		}
		return nil
	}
	out := validation.Errors{}
	for _, fe := range fails {
		out.Add(fe.Field(), fieldMessage(i, fe))
	}
	return out
}

// fieldMessage is the msg tag of the failed field, or a general sentence
// when the field has none.
func fieldMessage(i any, fe validator.FieldError) string {
	t := reflect.TypeOf(i)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		if f, ok := t.FieldByName(fe.StructField()); ok {
			if msg := f.Tag.Get("msg"); msg != "" {
				return msg
			}
		}
	}
	return "This value is not valid."
}

// bindJSON reads an API request body strictly (see decodeJSON) and checks
// it: 400 for a body that is not the expected JSON, 422 for a bad field.
func bindJSON(c echo.Context, dst any) error {
	if err := decodeJSON(c, dst); err != nil {
		return err
	}
	return c.Validate(dst)
}

// checkbox is an HTML checkbox: "on" when ticked, absent when not.
type checkbox bool

// UnmarshalParam implements echo.BindUnmarshaler.
func (b *checkbox) UnmarshalParam(v string) error {
	*b = v == "on"
	return nil
}

// textLines is a textarea of one entry per line; blank lines and the
// spaces around entries do not count.
type textLines []string

// UnmarshalParam implements echo.BindUnmarshaler.
func (l *textLines) UnmarshalParam(v string) error {
	*l = nil
	for _, line := range strings.Split(v, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			*l = append(*l, line)
		}
	}
	return nil
}
