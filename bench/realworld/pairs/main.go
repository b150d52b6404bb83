// Command pairs lists the consecutive version pairs of the documents in a
// local Open Terms Archive versions mirror, one tab-separated line per
// pair (path, old commit, new commit, date, lines added, lines deleted),
// and with -out writes both versions of each pair to a directory outside
// the repository (the documents are third-party text and are not
// committed).
//
//	go run ./bench/realworld/pairs -mirror /path/to/repo [-service Tinder] [-max-lines 40] [-out /tmp/pairs]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/clausewatch/clausewatch/bench/realworld/mirror"
)

func main() {
	dir := flag.String("mirror", "", "bare git directory of a versions repository")
	service := flag.String("service", "", "only documents of this service (directory name)")
	maxLines := flag.Int("max-lines", 0, "only pairs with at most this many changed lines (0: all)")
	out := flag.String("out", "", "write old.md and new.md of each pair under this directory")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "pairs: -mirror is required")
		os.Exit(2)
	}
	if err := run(mirror.Mirror{Dir: *dir}, *service, *maxLines, *out); err != nil {
		fmt.Fprintln(os.Stderr, "pairs:", err)
		os.Exit(1)
	}
}

func run(m mirror.Mirror, service string, maxLines int, out string) error {
	pairs, err := m.Pairs()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, p := range pairs {
		if service != "" && !strings.HasPrefix(p.Path, service+"/") {
			continue
		}
		if maxLines > 0 && p.Added+p.Deleted > maxLines {
			continue
		}
		if out != "" {
			if err := write(m, p, out); err != nil {
				return err
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\n", p.Path, p.Old, p.New, p.Date, p.Added, p.Deleted)
	}
	return nil
}

// write stores the two versions as out/<path without .md>/<new commit>/{old,new}.md.
func write(m mirror.Mirror, p mirror.Pair, out string) error {
	dir := filepath.Join(out, strings.TrimSuffix(p.Path, ".md"), p.New[:12])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, commit := range map[string]string{"old.md": p.Old, "new.md": p.New} {
		text, err := m.Show(commit, p.Path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}
