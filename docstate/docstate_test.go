package docstate

import (
	"encoding/json"
	"testing"
)

func TestStates(t *testing.T) {
	// The stored strings: documents.state holds them and the API emits
	// them, so they must not change.
	tests := []struct {
		state           State
		stored          string
		healthy, failed bool
	}{
		{Pending, "pending", true, false},
		{OK, "ok", true, false},
		{Unreachable, "unreachable", false, true},
		{HTTPError, "http_error", false, true},
		{Blocked, "blocked", false, true},
		{TooLarge, "too_large", false, true},
		{NeedsBrowser, "needs_browser", false, true},
		{SelectorMissing, "selector_missing", false, true},
		{Empty, "empty", false, true},
		{Error, "error", false, true},
	}
	if len(tests) != len(All()) {
		t.Fatalf("%d states tested, %d defined", len(tests), len(All()))
	}
	for _, tt := range tests {
		if tt.state.String() != tt.stored {
			t.Errorf("%v stored as %q, want %q", tt.state, tt.state.String(), tt.stored)
		}
		if tt.state.Healthy() != tt.healthy || tt.state.Failed() != tt.failed || !tt.state.Valid() {
			t.Errorf("%q: healthy %v failed %v valid %v; want %v %v true", tt.state,
				tt.state.Healthy(), tt.state.Failed(), tt.state.Valid(), tt.healthy, tt.failed)
		}
		if got, err := Parse(tt.stored); err != nil || got != tt.state {
			t.Errorf("Parse(%q) = %q, %v", tt.stored, got, err)
		}
	}
}

func TestUnknownStates(t *testing.T) {
	tests := []struct {
		state  State
		failed bool
	}{
		{"", false}, // what a successful fetch or extraction reports
		{"OK", true},
		{"gone", true},
	}
	for _, tt := range tests {
		if tt.state.Valid() || tt.state.Healthy() || tt.state.IsOK() || tt.state.Failed() != tt.failed {
			t.Errorf("%q: valid %v healthy %v ok %v failed %v", tt.state, tt.state.Valid(), tt.state.Healthy(), tt.state.IsOK(), tt.state.Failed())
		}
		if _, err := Parse(string(tt.state)); err == nil {
			t.Errorf("Parse(%q) succeeded", tt.state)
		}
	}
	if !OK.IsOK() || Pending.IsOK() || Unreachable.IsOK() {
		t.Error("IsOK is true for something other than ok")
	}
}

func TestStateJSON(t *testing.T) {
	type doc struct {
		State State `json:"state"`
	}
	for _, st := range All() {
		b, err := json.Marshal(doc{st})
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"state":"` + string(st) + `"}`; string(b) != want {
			t.Errorf("%q encodes as %s, want %s", st, b, want)
		}
		var back doc
		if err := json.Unmarshal(b, &back); err != nil || back.State != st {
			t.Errorf("round trip of %q = %q, %v", st, back.State, err)
		}
	}
	var d doc
	if err := json.Unmarshal([]byte(`{"state":"asleep"}`), &d); err == nil {
		t.Errorf("decoding an unknown state succeeded with %q", d.State)
	}
}
