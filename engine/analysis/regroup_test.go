package analysis

import (
	"strings"
	"testing"
)

func TestRegrouped(t *testing.T) {
	// saidOf returns the sentences as the comparison reads them.
	saidOf := func(texts ...string) []said {
		m := newMemo()
		var out []said
		for _, s := range texts {
			k := m.sentence(s).key
			out = append(out, said{key: k, gist: gistOf(k), text: s})
		}
		return out
	}
	tests := []struct {
		name       string
		own, other []string
		want       bool
	}{
		{
			name:  "a semicolon moved: one sentence's end joins the next",
			own:   []string{"(v) protecting the rights, property, or safety of Acme;", "its members; or the public; (vi) lawful legal requests including court orders;"},
			other: []string{"(v) protecting the rights, property or safety of Acme, its members or the public;", "(vi) lawful legal requests including court orders;"},
			want:  true,
		},
		{
			name:  "two sentences joined",
			own:   []string{"We keep your messages for 30 days, and then we delete them."},
			other: []string{"We keep your messages for 30 days.", "And then we delete them."},
			want:  true,
		},
		{
			name:  "the same words, one of them moved to another statement",
			own:   []string{"You may object to targeted ads.", "Where the law allows, you have these choices:"},
			other: []string{"Where the law allows, you may object to targeted ads.", "You have these choices:"},
		},
		{
			name:  "a word added",
			own:   []string{"(v) protecting the rights, property, or safety of Acme;", "its members; or the public; (vi) lawful legal requests including court orders and subpoenas;"},
			other: []string{"(v) protecting the rights, property or safety of Acme, its members or the public;", "(vi) lawful legal requests including court orders;"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			own := saidOf(tt.own...)
			got := false
			for _, s := range own {
				got = got || regrouped(s.key, own, saidOf(tt.other...))
			}
			if got != tt.want {
				t.Errorf("regrouped = %v, want %v (%s)", got, tt.want, strings.Join(tt.own, " | "))
			}
		})
	}
}
