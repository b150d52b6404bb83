// Command compare checks a benchmark round against the generator's truth:
// the documents `check` reported a change for must be exactly the ones
// tosgen changed in round 2.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/clausewatch/clausewatch/catalogue"
)

func main() {
	decl := flag.String("decl", "", "declarations directory (tosgen declarations -out)")
	expected := flag.String("expected", "", "tosgen expected JSON")
	checked := flag.String("checked", "", "text output of `clausewatch check --all` for round 2")
	flag.Parse()
	if err := run(*decl, *expected, *checked); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func run(declDir, expectedPath, checkedPath string) error {
	// Platform slugs come from the declared names; map them back to the
	// generator's service ids, which are the file names.
	files, err := filepath.Glob(filepath.Join(declDir, "*.json"))
	if err != nil {
		return err
	}
	slugToID := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		p, err := catalogue.Parse(filepath.Base(f), data)
		if err != nil {
			return err
		}
		slugToID[p.Slug] = strings.TrimSuffix(filepath.Base(f), ".json")
	}
	var exp struct {
		Documents []struct {
			ID string `json:"id"`
		} `json:"documents"`
	}
	data, err := os.ReadFile(expectedPath)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		return fmt.Errorf("read expected: %w", err)
	}
	want := map[string]bool{}
	for _, d := range exp.Documents {
		want[d.ID] = true
	}
	got := map[string]bool{}
	f, err := os.Open(checkedPath)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) >= 5 && strings.Contains(cols[4], "change ") {
			got[slugToID[cols[1]]] = true
		}
	}
	var falsePos, missed []string
	for id := range got {
		if !want[id] {
			falsePos = append(falsePos, id)
		}
	}
	for id := range want {
		if !got[id] {
			missed = append(missed, id)
		}
	}
	sort.Strings(falsePos)
	sort.Strings(missed)
	fmt.Printf("round 2: expected %d changed documents, recorded %d: %d false, %d missed\n", len(want), len(got), len(falsePos), len(missed))
	if len(falsePos) > 0 {
		fmt.Println("  false:", strings.Join(falsePos, " "))
	}
	if len(missed) > 0 {
		fmt.Println("  missed:", strings.Join(missed, " "))
	}
	if len(falsePos)+len(missed) > 0 {
		os.Exit(1)
	}
	return nil
}
