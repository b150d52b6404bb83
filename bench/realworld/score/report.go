package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

func (t *tally) write(w io.Writer, split string, misses bool) {
	fmt.Fprintf(w, "## Split: %s — %d pairs, %d companies (%d editorial, %d substantive, %d noise)\n\n",
		split, t.pairs, len(t.companies), t.editorialPairs, t.substantivePairs, t.noisePairs)

	var expected, found, falsePos int
	for _, c := range t.perCat {
		expected += c.expected
		found += c.found
		falsePos += c.falsePos
	}
	fmt.Fprintln(w, "| measure | value | target |")
	fmt.Fprintln(w, "|---|---|---|")
	fmt.Fprintf(w, "| provisions found | %s (%d/%d) | ≥ 95 %% |\n", pct(found, expected), found, expected)
	fmt.Fprintf(w, "| false categories per 10 pairs | %.1f (%d in %d pairs) | ≤ 1 |\n", per10(falsePos, t.pairs), falsePos, t.pairs)
	fmt.Fprintf(w, "| editorial pairs with no provisions | %s (%d/%d) | 100 %% |\n", pct(t.editorialClean, t.editorialPairs), t.editorialClean, t.editorialPairs)
	if t.hasMateriality {
		fmt.Fprintf(w, "| editorial pairs rated editorial | %s (%d/%d) | 100 %% |\n", pct(t.editorialRight, t.editorialPairs), t.editorialRight, t.editorialPairs)
		fmt.Fprintf(w, "| editorial pairs seen as no change at all (noise, no version) | %d | 0 |\n", t.editorialUnchanged)
		fmt.Fprintf(w, "| substantive pairs rated substantive | %s (%d/%d) | 100 %% |\n", pct(t.substantiveRight, t.substantivePairs), t.substantiveRight, t.substantivePairs)
	} else {
		fmt.Fprintln(w, "| materiality (editorial / substantive) | not available: the analysis does not report it | 100 % |")
	}
	fmt.Fprintf(w, "| substantive pairs seen as changed | %s (%d/%d) | 100 %% |\n", pct(t.substantiveSeen, t.substantivePairs), t.substantiveSeen, t.substantivePairs)
	fmt.Fprintf(w, "| noise pairs seen as no change (no version) | %s (%d/%d) | 100 %% |\n", pct(t.noiseUnchanged, t.noisePairs), t.noiseUnchanged, t.noisePairs)
	fmt.Fprintf(w, "| severity right (highest, substantive pairs with provisions) | %s (%d/%d) | ≥ 90 %% |\n", pct(t.severityRight, t.severityPairs), t.severityRight, t.severityPairs)
	fmt.Fprintf(w, "| severity right where the provisions were found right (none missing, none false) | %s (%d/%d) | ≥ 90 %% |\n", pct(t.severityCleanRight, t.severityCleanPairs), t.severityCleanRight, t.severityCleanPairs)
	fmt.Fprintf(w, "| change kind right (provisions found) | %s (%d/%d) | |\n", pct(t.kindRight, t.kindPairs), t.kindRight, t.kindPairs)
	fmt.Fprintf(w, "| evidence quoting a sentence the change added, removed or modified | %s (%d/%d) | 100 %% |\n\n", pct(t.evidence-t.evidenceUnchanged, t.evidence), t.evidence-t.evidenceUnchanged, t.evidence)

	fmt.Fprintln(w, "| category | expected | found | recall | false positives |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, id := range slices.Sorted(maps.Keys(t.perCat)) {
		c := t.perCat[id]
		fmt.Fprintf(w, "| %s | %d | %d | %s | %d |\n", id, c.expected, c.found, pct(c.found, c.expected), c.falsePos)
	}
	fmt.Fprintln(w)
	if !misses || len(t.wrong) == 0 {
		return
	}
	fmt.Fprintln(w, "| pair | expected | missing | false positives | change kind want/got | severity want/got | materiality want/got | evidence unchanged |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, m := range t.wrong {
		l := m.label
		fmt.Fprintf(w, "| %s @%s | %s | %s | %s | %s | %s/%s | %s/%s | %s |\n", l.Path, l.New[:8], expectedText(l),
			strings.Join(m.missing, ", "), strings.Join(m.falsePos, ", "), strings.Join(m.wrongKind, ", "),
			dash(l.Severity), dash(m.gotSeverity), l.Materiality, dash(m.gotMateriality), strings.Join(m.unchangedEvidence, ", "))
	}
	fmt.Fprintln(w)
}

func expectedText(l Label) string {
	if len(l.Provisions) == 0 {
		return l.Materiality
	}
	var parts []string
	for _, p := range l.Provisions {
		parts = append(parts, p.Category+" "+p.Change)
	}
	return strings.Join(parts, ", ")
}

func pct(n, d int) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", 100*float64(n)/float64(d))
}

func per10(n, pairs int) float64 {
	if pairs == 0 {
		return 0
	}
	return 10 * float64(n) / float64(pairs)
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
