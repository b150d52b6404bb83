package diff

import (
	"slices"
	"strings"
)

// sameChrome reports that dropChrome removes the same lines from both
// versions, reading only the lines that changed: then onlyChrome is false
// without filtering two whole documents, which cost a sixth of analysing
// a large substantive pair. False when it cannot tell.
//
// The versions are cut into blocks at the lines no filter reads past or
// drops (blockStart: headings and lines of text), and the blocks of one
// matched to the same blocks of the other, in order. The lines after a
// "Copy link" button, a feedback question or a table of contents' title
// end before such a line, and the other filters read one line at a time.
// So a block both versions share loses the same lines in both, provided
// each filter's look at the whole document (whether it names the button,
// which site most links point to) finds the same: sameChrome asks that
// of each run of blocks that differ, with the filters' inRun, and that
// no filter may drop lines of such a run that the other version's run
// does not also lose.
func sameChrome(oldMD, newMD string) bool {
	start, oldEnd, newEnd := changedLines(oldMD, newMD)
	if oldEnd-start+newEnd-start > (len(oldMD)+len(newMD))/2 {
		return false // the changes are spread: reading them costs as much as filtering all
	}
	oldMD, newMD = oldMD[start:oldEnd], newMD[start:newEnd]
	oldB, newB := chromeBlocks(oldMD), chromeBlocks(newMD)
	block := func(md string, b []int, i int) string { return md[b[i]:b[i+1]] }
	oldN, newN := len(oldB)-1, len(newB)-1
	p := 0
	for p < oldN && p < newN && block(oldMD, oldB, p) == block(newMD, newB, p) {
		p++
	}
	q := 0
	for q < oldN-p && q < newN-p && block(oldMD, oldB, oldN-1-q) == block(newMD, newB, newN-1-q) {
		q++
	}
	for run := range changedRuns(oldMD, newMD, oldB[p:oldN-q+1], newB[p:newN-q+1]) {
		if !chromeRunsAgree(run[0], run[1]) {
			return false
		}
	}
	return true
}

// changedLines returns where the lines that differ lie: from start to
// oldEnd in oldMD and to newEnd in newMD, start at a line both versions
// start a block at (or the top), each end at a line that starts one (or
// the end), what comes before and after being the same in both.
func changedLines(oldMD, newMD string) (start, oldEnd, newEnd int) {
	n := min(len(oldMD), len(newMD))
	p := 0
	for p+64 <= n && oldMD[p:p+64] == newMD[p:p+64] {
		p += 64
	}
	for p < n && oldMD[p] == newMD[p] {
		p++
	}
	start = strings.LastIndexByte(oldMD[:p], '\n') + 1
	for start > 0 && !(chromeBoundary(lineAt(oldMD, start)) && chromeBoundary(lineAt(newMD, start))) {
		start = strings.LastIndexByte(oldMD[:start-1], '\n') + 1
	}
	s := 0 // bytes both end with, after start
	for m := min(len(oldMD), len(newMD)) - start; s+64 <= m && oldMD[len(oldMD)-s-64:len(oldMD)-s] == newMD[len(newMD)-s-64:len(newMD)-s]; {
		s += 64
	}
	for s < len(oldMD)-start && s < len(newMD)-start && oldMD[len(oldMD)-1-s] == newMD[len(newMD)-1-s] {
		s++
	}
	// The first line wholly within the end both share, then the first
	// block start from there.
	next := func(r int) int { // the bytes after the next line start
		j := strings.IndexByte(oldMD[len(oldMD)-r:], '\n')
		if j < 0 {
			return 0
		}
		return r - j - 1
	}
	lineStart := func(md string, i int) bool { return i == start || md[i-1] == '\n' }
	r := s
	if !lineStart(oldMD, len(oldMD)-s) || !lineStart(newMD, len(newMD)-s) {
		r = next(s)
	}
	for r > 0 && !chromeBoundary(lineAt(oldMD, len(oldMD)-r)) {
		r = next(r)
	}
	return start, len(oldMD) - r, len(newMD) - r
}

// lineAt returns the line of md starting at offset i.
func lineAt(md string, i int) string {
	line, _, _ := strings.Cut(md[i:], "\n")
	return line
}

// chromeBoundary reports a line a block may start at.
func chromeBoundary(line string) bool {
	return blockStart(line) && !containsASCIIFold(line, "translat")
}

// chromeBlocks returns the offsets where md's blocks start, from 0, and
// len(md) last: a block starts at each line but the first that
// chromeBoundary accepts.
func chromeBlocks(md string) []int {
	starts := []int{0}
	translated := containsASCIIFold(md, "translat") // most documents name no translation
	for off := strings.IndexByte(md, '\n') + 1; off > 0 && off < len(md); {
		end := strings.IndexByte(md[off:], '\n')
		line := md[off:]
		if end >= 0 {
			line = md[off : off+end]
		}
		if blockStart(line) && !(translated && containsASCIIFold(line, "translat")) {
			starts = append(starts, off)
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return append(starts, len(md))
}

// blockStart reports a line that ends what the filters read after a
// line before it, and that they neither drop nor change before the
// table of contents is looked for, unless it names a translation: a
// heading or a line of text, not blank, not a list item (which may link
// within the page), nor a line the button's suggestions or the feedback
// widget may be made of.
func blockStart(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" || suggestionLine(s) {
		return false
	}
	if _, item := listItem(s); item {
		return false
	}
	return !feedbackQuestion(s) && !answerButtons(s)
}

// changedRuns yields the old and new text of each run of blocks that
// differ between the versions, the blocks given by their offsets (from
// the first block to compare to the end of the last). Blocks found once
// in each version are matched in order (the longest increasing run of
// them); the blocks between two matched ones form a run.
func changedRuns(oldMD, newMD string, oldB, newB []int) func(yield func([2]string) bool) {
	text := func(md string, b []int, i int) string { return md[b[i]:b[i+1]] }
	return func(yield func([2]string) bool) {
		count := map[string][2]int{}
		at := map[string]int{}
		for i := range len(oldB) - 1 {
			t := text(oldMD, oldB, i)
			c := count[t]
			c[0]++
			count[t], at[t] = c, i
		}
		for i := range len(newB) - 1 {
			t := text(newMD, newB, i)
			c := count[t]
			c[1]++
			count[t] = c
		}
		var pairs []pair
		for i := range len(newB) - 1 {
			if t := text(newMD, newB, i); count[t] == [2]int{1, 1} {
				pairs = append(pairs, pair{old: at[t], new: i})
			}
		}
		keep := longestIncreasing(pairs)
		o, n := 0, 0 // the first blocks after the last match
		for i, pr := range append(pairs, pair{old: len(oldB) - 1, new: len(newB) - 1}) {
			if i < len(pairs) && !keep[i] {
				continue
			}
			oldRun, newRun := oldMD[oldB[o]:oldB[pr.old]], newMD[newB[n]:newB[pr.new]]
			if oldRun != newRun && !yield([2]string{oldRun, newRun}) {
				return
			}
			o, n = pr.old+1, pr.new+1
		}
	}
}

// chromeRunsAgree reports that no filter may drop a line of either run
// and that each reads the same of both.
func chromeRunsAgree(oldRun, newRun string) bool {
	oldLines := strings.Split(strings.TrimSuffix(oldRun, "\n"), "\n")
	newLines := strings.Split(strings.TrimSuffix(newRun, "\n"), "\n")
	for _, st := range chromeStages() {
		oldMay, oldReads := st.inRun(oldRun, oldLines)
		newMay, newReads := st.inRun(newRun, newLines)
		if oldMay || newMay || oldReads != newReads {
			return false
		}
	}
	return true
}

// anyLine reports a line of lines that f accepts.
func anyLine(lines []string, f func(string) bool) bool {
	return slices.ContainsFunc(lines, f)
}

// bit is what a filter reads of a run when it only asks whether the run
// holds something.
func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// translationInRun: a run naming a translation may hold its messages.
func translationInRun(run string, _ []string) (bool, string) {
	return containsASCIIFold(run, "translat"), ""
}

// suggestionsInRun: any "Copy link" line may start a block of
// suggestions, and a block ending in a closing chip may be one; the
// document is filtered when it names the button or the chip.
func suggestionsInRun(run string, lines []string) (bool, string) {
	return anyLine(lines, func(l string) bool { return isCopyLink(l) || closingChip(l) }),
		bit(hasCopyLink(run)) + bit(hasClosingChip(run))
}

// feedbackInRun: a feedback question is dropped with the buttons after
// it, and the document is filtered when it holds one.
func feedbackInRun(_ string, lines []string) (bool, string) {
	return anyLine(lines, feedbackQuestion), ""
}

// contentsInRun: a table of contents' title ends before a heading, so it
// is read within the run; the document is filtered when it has a link
// within the page.
func contentsInRun(run string, lines []string) (bool, string) {
	for i, l := range lines {
		if contentsTitle(l) && inPageLinks(lines[i+1:]) >= 2 {
			return true, ""
		}
	}
	return false, bit(strings.Contains(run, "](#"))
}

// siteLinksInRun: a short link alone on its line is dropped when it
// points to the page's own site, which is read from the sites of all
// links in order; runs whose such lines are the same lose the same of
// them, whichever the site.
func siteLinksInRun(run string, lines []string) (bool, string) {
	var b strings.Builder
	for _, l := range lines {
		if target, ok := siteLinkTarget(l); ok && domainOf(target) != "" {
			b.WriteString(strings.TrimSpace(l))
			b.WriteByte('\n')
		}
	}
	b.WriteByte(0)
	for d := range linkDomains(run) {
		b.WriteString(d)
		b.WriteByte(' ')
	}
	return false, b.String()
}

// updateNoticesInRun: a line saying when the document was updated is
// dropped; the document is filtered when it says "updated our", "this"
// or "the", which a link the site links' filter dropped must not say.
func updateNoticesInRun(run string, lines []string) (bool, string) {
	if anyLine(lines, func(l string) bool {
		if !containsASCIIFold(l, "updated") {
			return false
		}
		_, link := siteLinkTarget(l)
		return link || updateNotice.MatchString(strings.TrimSpace(l))
	}) {
		return true, ""
	}
	return false, bit(containsASCIIFold(run, "updated our")) + bit(containsASCIIFold(run, "updated this")) + bit(containsASCIIFold(run, "updated the"))
}
