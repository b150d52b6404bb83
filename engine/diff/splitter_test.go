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
	}
	s := NewSplitter()
	for range 2 { // the second round reads what the first remembered
		for _, text := range texts {
			if got, want := s.Sentences(text), Sentences(text); !slices.Equal(got, want) {
				t.Errorf("Sentences(%q) = %q, want %q", text, got, want)
			}
			if got, want := s.Parse(text), Parse(text); !slices.Equal(got, want) {
				t.Errorf("Parse(%q) = %+v, want %+v", text, got, want)
			}
		}
	}
}
