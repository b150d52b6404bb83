package extract

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSkipRawText(t *testing.T) {
	tests := []struct {
		name string
		page string
		want []string // the skipped contents, in order
	}{
		{"style and script", `<head><style>a{b:c}</style><script>var x = "<p>";</script></head>`, []string{"a{b:c}", `var x = "<p>";`}},
		{"any case, attributes", `<STYLE type="text/css" media=all>x</Style ><Script src='a>b'>y</SCRIPT/>`, []string{"x", "y"}},
		{"empty style", `<style></style><style>x</style>`, []string{"x"}},
		{"end tag needs a delimiter", `<style>a</styles>b</style>`, []string{"a</styles>b"}},
		{"partial end tags", `<style>a</sty</style>`, []string{"a</sty"}},
		{"in a comment", `<!-- <style>x</style> --><style>y</style>`, []string{"y"}},
		{"comment ends at --!>", `<!-- a --!><style>y</style>`, []string{"y"}},
		{"empty comments", `<!--><style>x</style><!---><style>y</style>`, []string{"x", "y"}},
		{"comment with dashes", `<!-- a -- b ---><style>x</style>`, []string{"x"}},
		{"in a quoted attribute", `<div title="<style>x</style>"><style>y</style>`, []string{"y"}},
		{"unquoted attribute", `<div a=b>c<style>y</style>`, []string{"y"}},
		{"equals first in a name", `<div =a="<style>" b><style>y</style>`, []string{"y"}},
		{"in a title", `<title><style>x</style></title><style>y</style>`, []string{"y"}},
		{"in a textarea", `<textarea><style>x</style></textarea><style>y</style>`, []string{"y"}},
		{"in noscript", `<noscript><style>x</style></noscript><style>y</style>`, []string{"y"}},
		{"doctype and bogus comments", `<!DOCTYPE html><?xml x?></ x><style>y</style>`, []string{"y"}},
		{"not a tag", `a < b <3 <style>y</style>`, []string{"y"}},
		{"end tag with attributes", `</p a=">"><style>y</style>`, []string{"y"}},
		{"stops at svg", `<style>x</style><svg><style>y</style></svg><style>z</style>`, []string{"x"}},
		{"stops at math", `<math><style>y</style></math>`, nil},
		{"stops at template", `<template><style>y</style></template>`, nil},
		{"stops at frameset", `<frameset><style>y</style>`, nil},
		{"stops at plaintext", `<plaintext><style>y</style>`, nil},
		{"stops at an escaped script", `<script>x</script><script><!-- y --></script><style>z</style>`, []string{"x"}},
		{"stops at an unclosed style", `<style>x`, nil},
		{"stops in an unclosed tag", `<style>x</style><div class="a`, []string{"x"}},
		{"stops in an unclosed comment", `<style>x</style><!-- <style>y</style>`, []string{"x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.page)
			var got []string
			for _, s := range skipRawText(b) {
				got = append(got, string(b[s.start:s.end]))
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("skipped %q, want %q", got, tt.want)
			}
			assertSameTree(t, b)
		})
	}
}

// FuzzSkipRawText checks that a page read without what skipRawText skips
// parses to the same tree as the whole page with its <style> and
// <script> contents removed.
func FuzzSkipRawText(f *testing.F) {
	for _, s := range []string{
		`<style>a</style><p>b</p>`,
		`<div title="<style>x</style>"><script>y</script>`,
		`<!-- <style> --><style>a</style>`,
		`<table><style>x</style><tr><td>a<script>b</script></table>`,
		`<select><style>x</style><option>a</select>`,
		`<svg><style>x</style></svg><style>y</style>`,
		`<script><!--<script>x</script>--></script><style>y</style>`,
		`<p a=b/><style/>x</style>`,
		`<noscript><style>x</style></noscript>`,
		`<frameset><style>x</style></frameset>`,
		`<!DOCTYPE html><html><head><title>x</title><style>y</style></head><body><xmp><style>z</style></xmp></body></html>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		assertSameTree(t, page)
	})
}

// assertSameTree fails when page, read without its skipped raw text,
// parses to another tree than the whole page, once the text of their
// <style> and <script> elements is removed (extraction drops them).
func assertSameTree(t *testing.T, page []byte) {
	t.Helper()
	whole, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Skip(err)
	}
	skipped, err := html.Parse(&skipReader{b: page, skip: skipRawText(page)})
	if err != nil {
		t.Fatal(err)
	}
	for _, root := range []*html.Node{whole, skipped} {
		for n := range root.Descendants() {
			if n.Type == html.ElementNode && n.Namespace == "" && (n.Data == "style" || n.Data == "script") {
				for n.FirstChild != nil {
					n.RemoveChild(n.FirstChild)
				}
			}
		}
	}
	if a, b := renderTree(whole), renderTree(skipped); a != b {
		t.Fatalf("page %q\nwhole:   %s\nskipped: %s", page, a, b)
	}
}

func renderTree(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		b.WriteString(strings.Repeat(" ", depth))
		b.WriteString(n.Namespace + ":" + n.Data)
		for _, a := range n.Attr {
			b.WriteString(" " + a.Namespace + ":" + a.Key + "=" + a.Val)
		}
		b.WriteString("|" + string(rune('0'+n.Type)) + "\n")
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func TestSkipReader(t *testing.T) {
	r := &skipReader{b: []byte("0123456789"), skip: []span{{1, 3}, {3, 4}, {6, 9}}}
	got, err := io.ReadAll(r)
	if err != nil || string(got) != "0459" {
		t.Fatalf("read %q, %v; want 0459", got, err)
	}
}
