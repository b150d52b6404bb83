// Command score runs the provision analysis on the labelled real pairs
// (read from local Open Terms Archive mirrors) and reports how far it is
// from the labels: per-category recall and false positives, provisions
// found, false categories per 10 pairs, editorial and substantive
// accuracy and severity accuracy, as Markdown.
//
//	go run ./bench/realworld/score -mirrors /work/.mirror [-split dev|heldout|fresh|...|all] [-lang fr,de] [-labels bench/realworld/labels/labels.jsonl]
//
// The splits are listed in labels.go; -h names them all.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	root := flag.String("mirrors", "", "directory holding the mirrors as Owner+name/repo")
	labelsPath := flag.String("labels", "bench/realworld/labels/labels.jsonl", "labels file (JSON Lines)")
	splitNames := strings.Join(splits, ", ") + " or all"
	split := flag.String("split", "all", splitNames)
	misses := flag.Bool("misses", true, "list the pairs the analysis got wrong")
	lang := flag.String("lang", "", "only pairs in these languages, comma-separated (en: labels without lang); empty: all")
	flag.Parse()
	if *root == "" || (*split != "all" && !slices.Contains(splits, *split)) {
		fmt.Fprintln(os.Stderr, "score: -mirrors is required and -split is "+splitNames)
		os.Exit(2)
	}
	if err := run(*root, *labelsPath, *split, *lang, *misses); err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(1)
	}
}

func run(root, labelsPath, split, lang string, misses bool) error {
	labels, err := readLabels(labelsPath)
	if err != nil {
		return err
	}
	var chosen []Label
	for _, l := range labels {
		if (split == "all" || l.Split == split) && l.inLanguages(lang) {
			chosen = append(chosen, l)
		}
	}
	t, err := score(root, chosen)
	if err != nil {
		return err
	}
	title := split
	if lang != "" {
		title += " (" + lang + ")"
	}
	t.write(os.Stdout, title, misses)
	return nil
}
