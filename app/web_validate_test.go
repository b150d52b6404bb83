package app

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/validation"
)

func TestInputValidator(t *testing.T) {
	type tagged struct {
		Platform string `json:"platform" validate:"excluded_with=URL" msg:"Send either platform or url, not both."`
		URL      string `json:"url"`
		Name     string `form:"name" validate:"max=3"`
	}
	tests := []struct {
		name string
		in   tagged
		want validation.Errors
	}{
		{"platform only", tagged{Platform: "acme"}, nil},
		{"url only", tagged{URL: "https://example.com"}, nil},
		{"both", tagged{Platform: "acme", URL: "https://example.com"},
			validation.Errors{"platform": "Send either platform or url, not both."}},
		{"no msg tag", tagged{Name: "longer"}, validation.Errors{"name": "This value is not valid."}},
	}
	v := newInputValidator()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Validate(&tt.in)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			got, ok := err.(validation.Errors)
			if !ok || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Validate = %#v, want %#v", err, tt.want)
			}
		})
	}
}

// Checkboxes and one-per-line textareas bind through Echo's binder.
func TestFormTypesBind(t *testing.T) {
	var in struct {
		On     checkbox  `form:"on"`
		Off    checkbox  `form:"off"`
		Absent checkbox  `form:"absent"`
		Lines  textLines `form:"lines"`
	}
	form := url.Values{"on": {"on"}, "off": {""}, "lines": {"  main \r\n\n article p\n"}}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
	req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationForm)
	e := echo.New()
	e.Validator = newInputValidator()
	if err := bindForm(e.NewContext(req, httptest.NewRecorder()), &in); err != nil {
		t.Fatal(err)
	}
	if !in.On || in.Off || in.Absent {
		t.Errorf("checkboxes = %v %v %v, want true false false", in.On, in.Off, in.Absent)
	}
	if want := (textLines{"main", "article p"}); !reflect.DeepEqual(in.Lines, want) {
		t.Errorf("lines = %q, want %q", in.Lines, want)
	}
}
