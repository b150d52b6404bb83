// Package mirror reads document versions out of a local bare git mirror
// of an Open Terms Archive versions repository, where each commit records
// new versions of one or more "<Service>/<Document type>.md" files.
package mirror

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Mirror is a bare git directory.
type Mirror struct {
	Dir string
}

// Path returns the git directory of the mirror of repo ("Owner/name")
// under root, as laid out by the mirroring tool: root/Owner+name/repo.
func Path(root, repo string) string {
	return filepath.Join(root, strings.Replace(repo, "/", "+", 1), "repo")
}

// Pair is two consecutive versions of one document file.
type Pair struct {
	Path     string
	Old, New string // commit ids
	Date     string // author date of New, ISO 8601
	// Added and Deleted count the lines git reports changed in New.
	Added, Deleted int
}

// Pairs lists the consecutive version pairs of every Markdown document in
// the mirror, oldest first per file, in one pass over the history.
// Commits that create or delete a file start or end its history.
func (m Mirror) Pairs() ([]Pair, error) {
	out, err := m.git("log", "--reverse", "--no-renames", "--format=@%H %aI", "--numstat", "HEAD")
	if err != nil {
		return nil, err
	}
	last := map[string]string{} // path -> last commit that touched it
	var pairs []Pair
	var commit, date string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "@"); ok {
			commit, date, _ = strings.Cut(rest, " ")
			continue
		}
		fields := strings.SplitN(line, "\t", 3)
		if len(fields) != 3 || !strings.HasSuffix(fields[2], ".md") || !strings.Contains(fields[2], "/") {
			continue
		}
		path := fields[2]
		added, _ := strconv.Atoi(fields[0])
		deleted, _ := strconv.Atoi(fields[1])
		if prev, ok := last[path]; ok {
			pairs = append(pairs, Pair{Path: path, Old: prev, New: commit, Date: date, Added: added, Deleted: deleted})
		}
		last[path] = commit
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read git log of %s: %w", m.Dir, err)
	}
	return pairs, nil
}

// Show returns the file at path as of commit.
func (m Mirror) Show(commit, path string) (string, error) {
	out, err := m.git("show", commit+":"+path)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

func (m Mirror) git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"--git-dir", m.Dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s in %s: %w: %s", args[0], m.Dir, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
