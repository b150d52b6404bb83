// Command replay runs Clausewatch's extraction over consecutive raw
// snapshots of real documents, as Open Terms Archive recorded them, and
// compares what it would have recorded with that project's own versions:
// false changes (our text changed where theirs did not, or only in noise),
// missed changes (theirs changed in words, ours did not) and word-level
// parity of the two texts. See ../README.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

func main() {
	mirror := flag.String("mirror", "/work/.mirror", "directory holding the OpenTermsArchive+NAME/repo mirrors")
	names := flag.String("collections", "dating,demo", "comma-separated collections (each needs NAME-snapshots, NAME-versions and NAME-declarations)")
	maxSnapshots := flag.Int("snapshots", 40, "replay at most the last N snapshots of each document")
	only := flag.String("only", "", "regular expression on \"collection/service/type\" selecting documents")
	out := flag.String("out", "bench/realworld/results/replay", "write OUT.json and OUT.md")
	explain := flag.String("explain", "", "write word diffs of disagreements and low-parity texts here (third-party text: keep it out of the repository)")
	flag.Parse()
	if err := run(*mirror, *names, *maxSnapshots, *only, *out, *explain); err != nil {
		fmt.Fprintln(os.Stderr, "replay:", err)
		os.Exit(1)
	}
}

func run(mirror, names string, maxSnapshots int, only, out, explain string) error {
	if maxSnapshots < 2 {
		return fmt.Errorf("-snapshots %d: need at least 2", maxSnapshots)
	}
	filter, err := regexp.Compile(only)
	if err != nil {
		return fmt.Errorf("-only: %w", err)
	}
	started := time.Now()
	rep := report{
		Revision:     revision(),
		MaxSnapshots: maxSnapshots,
	}
	for name := range strings.SplitSeq(names, ",") {
		name = strings.TrimSpace(name)
		repo := func(kind string) string {
			return filepath.Join(mirror, "OpenTermsArchive+"+name+"-"+kind, "repo")
		}
		c := collection{Name: name, Snapshots: repo("snapshots"), Versions: repo("versions"), Declarations: repo("declarations")}
		fmt.Fprintf(os.Stderr, "%s: reading histories…\n", name)
		docs, err := c.load()
		if err != nil {
			return err
		}
		var selected []*document
		for _, d := range docs {
			if filter.MatchString(d.Collection + "/" + d.key()) {
				selected = append(selected, d)
			}
		}
		if err := replayCollection(c, selected, maxSnapshots, explain, &rep); err != nil {
			return err
		}
	}
	rep.Seconds = time.Since(started).Seconds()
	rep.total()
	if err := rep.write(out); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d documents, %d transitions: %d false changes, %d missed changes; parity >= 0.99 on %d of %d documents (%.0fs)\n",
		rep.Totals.Documents, rep.Totals.Transitions, rep.Totals.FalseChanges, rep.Totals.MissedChanges,
		rep.Totals.ParityOK, rep.Totals.ParityDocuments, rep.Seconds)
	return nil
}

func replayCollection(c collection, docs []*document, maxSnapshots int, explain string, rep *report) error {
	snaps, err := newBlobReader(c.Snapshots)
	if err != nil {
		return err
	}
	defer snaps.close()
	vers, err := newBlobReader(c.Versions)
	if err != nil {
		return err
	}
	defer vers.close()
	r := &replayer{maxSnapshots: maxSnapshots, explain: explain, snaps: snaps, vers: vers}
	for i, d := range docs {
		t := time.Now()
		res, err := r.replay(d)
		if err != nil {
			return fmt.Errorf("%s %s: %w", c.Name, d.key(), err)
		}
		rep.Documents = append(rep.Documents, res)
		parity := "-"
		if res.Parity != nil {
			parity = fmt.Sprintf("%.4f", *res.Parity)
		}
		fmt.Fprintf(os.Stderr, "[%d/%d] %s %s: %d snapshots, %d changes (false %d, missed %d), OTA %d versions (%d noise), parity %s, %d errors (%.1fs)\n",
			i+1, len(docs), c.Name, d.key(), res.Snapshots, res.Changes, res.FalseChanges, res.MissedChanges,
			res.OTAVersions, res.OTANoise, parity, res.Errors, time.Since(t).Seconds())
	}
	return nil
}

// revision names the Clausewatch commit the replay ran on.
func revision() string {
	out, err := exec.Command("git", "describe", "--always", "--dirty").Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}
