// Package mailtest reads messages back from a mailpit server in tests, so
// that the SMTP path is exercised end to end.
package mailtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// Mailpit returns the base URL of mailpit's HTTP API (TEST_MAILPIT_API) and
// the SMTP URL (TEST_SMTP_URL). It skips outside CI when they are unset,
// and fails under CI.
func Mailpit(t testing.TB) (api, smtp string) {
	t.Helper()
	api, smtp = os.Getenv("TEST_MAILPIT_API"), os.Getenv("TEST_SMTP_URL")
	if api == "" || smtp == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TEST_MAILPIT_API and TEST_SMTP_URL are not set; run the tests with `make test`")
		}
		t.Skip("TEST_MAILPIT_API or TEST_SMTP_URL not set")
	}
	return strings.TrimRight(api, "/"), smtp
}

// Message is what mailpit stored of one e-mail.
type Message struct {
	ID      string
	Subject string
	Text    string
	HTML    string
}

type summary struct {
	ID      string `json:"ID"`
	Subject string `json:"Subject"`
	To      []struct {
		Address string `json:"Address"`
	} `json:"To"`
}

// WaitFor polls mailpit until a message to the address arrives (up to ten
// seconds) and returns it in full.
func WaitFor(t testing.TB, api, to string) Message {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var list struct {
			Messages []summary `json:"messages"`
		}
		if err := getJSON(api+"/api/v1/search?query="+url.QueryEscape("to:"+to), &list); err != nil {
			t.Fatal(err)
		}
		for _, m := range list.Messages {
			for _, addr := range m.To {
				if strings.EqualFold(addr.Address, to) {
					var full Message
					if err := getJSON(api+"/api/v1/message/"+m.ID, &full); err != nil {
						t.Fatal(err)
					}
					return full
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no mail to %s arrived in mailpit", to)
	return Message{}
}

func getJSON(u string, v any) error {
	res, err := http.Get(u)
	if err != nil {
		return fmt.Errorf("mailpit: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("mailpit: GET %s: %s", u, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		return fmt.Errorf("mailpit: decode %s: %w", u, err)
	}
	return nil
}
