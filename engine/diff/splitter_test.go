package diff

import (
	"slices"
	"testing"
)

func TestSplitterAgreesWithSentencesAndParse(t *testing.T) {
	texts := []string{
		"",
		"One sentence.",
		"First. Second\ncontinues here.\n\nThird paragraph.\n   \nFourth after a blank line of spaces.\n",
		"\n\nLeading blank lines. Then text.\n\n\n",
		"- item one\n- item two\n\n| a | b |\n|---|---|\n| c | d |\n\n---\nAfter a rule.",
		"# Title\n\nIntro.\n\n## Part\n\nBody text. More.\n\nNo trailing newline\nat all",
		// Two versions of a table with no blank line, one row changed:
		// the other rows are split once.
		"| Fee | 5% of each sale. Paid monthly. |\n| Refunds | Within 30 days. |\nA line after the table. And more.\n| Refunds | Within 30 days. |",
		"| Fee | 6% of each sale. Paid monthly. |\n| Refunds | Within 30 days. |\nA line after the table. And more.\n| Refunds | Within 30 days. |",
	}
	s := NewSplitter()
	for range 2 { // the second round reads what the first remembered
		for _, text := range texts {
			if got, want := s.Sentences(text), Sentences(text); !slices.Equal(got, want) {
				t.Errorf("Sentences(%q) = %q, want %q", text, got, want)
			}
			var wantStarts []bool
			sentences(text, &wantStarts, nil)
			if _, got := s.SentenceStarts(text); !slices.Equal(got, wantStarts) {
				t.Errorf("SentenceStarts(%q) starts = %v, want %v", text, got, wantStarts)
			}
			if got, want := s.Parse(text), Parse(text); !slices.Equal(got, want) {
				t.Errorf("Parse(%q) = %+v, want %+v", text, got, want)
			}
		}
	}
}

// TestSentenceStarts: a sentence starts a block when it opens a
// paragraph, a list item, a heading or a table row, and not when it
// continues one, nor when its paragraph follows a list item without a
// blank line.
func TestSentenceStarts(t *testing.T) {
	body := "We may share: (a) your name with partners who help us run the service for you; (b) your location with advertisers.\n\n" +
		"- to answer your requests and questions about the service; to train our staff\n" +
		"continued line of the item\n\n" +
		"| Data | Use |\n|---|---|\n| Name | Support |\n\n" +
		"## Heading. Second sentence of the heading line.\n"
	sents, starts := NewSplitter().SentenceStarts(body)
	got := map[string]bool{}
	for i, s := range sents {
		got[s] = starts[i]
	}
	want := map[string]bool{
		"We may share: (a) your name with partners who help us run the service for you;": true,
		"(b) your location with advertisers.":                                            false,
		"to answer your requests and questions about the service; to train our staff":    true,
		"continued line of the item":                                                     false,
		"Name; Support":                                                                  true,
		"Heading.":                                                                       true,
		"Second sentence of the heading line.":                                           false,
	}
	for s, w := range want {
		g, ok := got[s]
		if !ok {
			t.Errorf("sentence %q missing; got %q", s, sents)
			continue
		}
		if g != w {
			t.Errorf("start of %q = %v, want %v", s, g, w)
		}
	}
}
