package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// commit is one commit of a bare repository with the files it touched.
type commit struct {
	Hash    string
	Time    time.Time
	Subject string
	Body    string
	Files   []string
}

// gitLog lists every commit of the repository at dir, oldest first, with
// the files each one added or modified (renames count as additions).
func gitLog(dir string) ([]commit, error) {
	// Fields are separated by US and records start with RS, because
	// message bodies hold newlines; --name-only appends the file list
	// after the formatted message.
	cmd := exec.Command("git", "--git-dir", dir, "log", "--no-renames", "--diff-filter=AM",
		"--format=%x1e%H%x1f%ct%x1f%s%x1f%b%x1f", "--name-only")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git log %s: %w", dir, gitErr(err))
	}
	var commits []commit
	for rec := range bytes.SplitSeq(out, []byte{0x1e}) {
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		f := strings.SplitN(string(rec), "\x1f", 5)
		if len(f) != 5 {
			return nil, fmt.Errorf("git log %s: malformed record %.80q", dir, rec)
		}
		secs, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("git log %s: commit %s: time %q: %w", dir, f[0], f[1], err)
		}
		c := commit{Hash: f[0], Time: time.Unix(secs, 0).UTC(), Subject: f[2], Body: f[3]}
		for line := range strings.SplitSeq(f[4], "\n") {
			if line = strings.TrimSpace(line); line != "" {
				c.Files = append(c.Files, unquotePath(line))
			}
		}
		commits = append(commits, c)
	}
	// git log lists newest first.
	for i, j := 0, len(commits)-1; i < j; i, j = i+1, j-1 {
		commits[i], commits[j] = commits[j], commits[i]
	}
	return commits, nil
}

// unquotePath undoes git's C-style quoting of paths with unusual bytes.
func unquotePath(p string) string {
	if !strings.HasPrefix(p, `"`) {
		return p
	}
	if s, err := strconv.Unquote(p); err == nil {
		return s
	}
	return p
}

// blobReader reads files at given commits through one long-running
// `git cat-file --batch`.
type blobReader struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func newBlobReader(dir string) (*blobReader, error) {
	cmd := exec.Command("git", "--git-dir", dir, "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file %s: %w", dir, err)
	}
	return &blobReader{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20)}, nil
}

// read returns the content of path at commit, or ok false when the path
// does not exist there.
func (b *blobReader) read(commit, path string) (data []byte, ok bool, err error) {
	if strings.ContainsAny(path, "\n") {
		return nil, false, fmt.Errorf("path %q has a newline", path)
	}
	if _, err := fmt.Fprintf(b.in, "%s:%s\n", commit, path); err != nil {
		return nil, false, fmt.Errorf("git cat-file: %w", err)
	}
	header, err := b.out.ReadString('\n')
	if err != nil {
		return nil, false, fmt.Errorf("git cat-file: %w", err)
	}
	header = strings.TrimSuffix(header, "\n")
	if strings.HasSuffix(header, " missing") || strings.HasSuffix(header, " ambiguous") {
		return nil, false, nil
	}
	fields := strings.Fields(header)
	if len(fields) != 3 {
		return nil, false, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return nil, false, fmt.Errorf("git cat-file: unexpected header %q", header)
	}
	data = make([]byte, size+1) // content and its trailing newline
	if _, err := io.ReadFull(b.out, data); err != nil {
		return nil, false, fmt.Errorf("git cat-file %s:%s: %w", commit, path, err)
	}
	return data[:size], true, nil
}

func (b *blobReader) close() error {
	b.in.Close()
	return b.cmd.Wait()
}

func gitErr(err error) error {
	if ee, ok := err.(*exec.ExitError); ok && len(ee.Stderr) > 0 {
		return fmt.Errorf("%w: %s", err, bytes.TrimSpace(ee.Stderr))
	}
	return err
}
