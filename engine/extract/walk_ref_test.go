package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The clean-up of a parsed page as it was, one walk per concern: parse
// the <noscript> markup, scan the page for its facts, replace titled SVG,
// drop non-content. walkPage and what follows it must leave the same tree
// and find the same facts and dropped elements.

// refParseNoscript is parseNoscript as it was.
func refParseNoscript(root *html.Node) {
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Head {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Noscript {
			found = append(found, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range found {
		raw, ok := onlyText(n)
		if !ok {
			continue // already markup
		}
		nodes, err := html.ParseFragment(strings.NewReader(raw), context)
		if err != nil {
			continue // keep it as text
		}
		for n.FirstChild != nil {
			n.RemoveChild(n.FirstChild)
		}
		for _, c := range nodes {
			n.AppendChild(c)
		}
	}
}

// refScanPage is scanPage as it was.
func refScanPage(root *html.Node) pageFacts {
	var f pageFacts
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "title":
			if f.title == nil {
				f.title = n
			}
		case "base":
			if !f.hasBase {
				f.base, f.hasBase = firstAttr(n, "href")
			}
		case "iframe":
			f.weak = f.weak || anyAttr(n, "src", func(v string) bool { return strings.Contains(v, "captcha") })
		case "input":
			f.weak = f.weak || anyAttr(n, "type", func(v string) bool { return v == "password" })
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "id":
				f.challenge = f.challenge || isChallengeID(a.Val)
			case "class":
				f.challenge = f.challenge || hasClass(a.Val, isChallengeClass)
				f.weak = f.weak || hasClass(a.Val, isWeakClass)
			case "data-sitekey":
				f.weak = true
			}
		}
	}
	return f
}

// refKeepSVGTitles is keepSVGTitles as it was.
func refKeepSVGTitles(root *html.Node) {
	var svgs []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Svg {
			svgs = append(svgs, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, svg := range svgs {
		name := svgTitle(svg)
		if name == "" || svg.Parent == nil {
			continue
		}
		svg.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: name}, svg)
		svg.Parent.RemoveChild(svg)
	}
}

// refDropNonContent is dropNonContent as it was.
func refDropNonContent(root *html.Node) []*html.Node {
	var found []*html.Node
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "script", "style", "template", "svg", "iframe", "object", "embed", "canvas":
			found = append(found, n)
		}
	}
	for _, n := range found {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	return found
}

// refCleanPage runs the clean-up as it was.
func refCleanPage(root *html.Node) (pageFacts, []*html.Node) {
	refParseNoscript(root)
	facts := refScanPage(root)
	refKeepSVGTitles(root)
	return facts, refDropNonContent(root)
}

// FuzzWalkPage checks that the one walk of walkPage, then keepSVGTitles
// and dropNonContent, leave the page as the separate passes did, with the
// same facts and the same dropped elements.
func FuzzWalkPage(f *testing.F) {
	for _, s := range []string{
		`<html><head><title>T</title><base href="/x/"><noscript><iframe src="a"/></noscript></head><body><noscript><p>n <b>b</b></p><noscript>x</noscript></noscript></body></html>`,
		`<p>Close <svg><title>Logo</title><script>s</script><svg><title>inner</title></svg></svg><svg><path/><style>x</style></svg></p>`,
		`<template><script>a</script><svg><title>t</title></svg></template><div class="g-recaptcha cf-browser-verification" id="challenge-form"><input type="password"><iframe src="/captcha"></iframe><canvas></canvas><object><embed></object></div>`,
		`<noscript><svg><title>in noscript</title></svg><img src="p.gif"><script>x</script></noscript><svg><noscript>text</noscript><foreignObject><noscript><p>q</p></noscript></foreignObject></svg>`,
		`<div data-sitekey="k"><title>second</title><base href="b"></div>`,
	} {
		f.Add(s)
	}
	for _, s := range fingerprintSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		want, err := html.Parse(strings.NewReader(body))
		if err != nil {
			return
		}
		got, _ := html.Parse(strings.NewReader(body))
		wantFacts, wantDropped := refCleanPage(want)
		w := walkPage(got)
		gotDropped := w.dropNonContent(got, keepSVGTitles(w.svgs))
		if r1, r2 := render(t, want), render(t, got); r1 != r2 {
			t.Fatalf("page after the walk:\n%s\nafter the separate passes:\n%s", r2, r1)
		}
		if r1, r2 := renderAll(t, wantDropped), renderAll(t, gotDropped); r1 != r2 {
			t.Fatalf("dropped %s, the separate passes dropped %s", r2, r1)
		}
		gf, wf := w.facts, wantFacts
		if (gf.title == nil) != (wf.title == nil) || gf.title != nil && render(t, gf.title) != render(t, wf.title) ||
			gf.base != wf.base || gf.hasBase != wf.hasBase || gf.challenge != wf.challenge || gf.weak != wf.weak {
			t.Fatalf("facts %+v, the separate passes found %+v", gf, wf)
		}
	})
}

func render(t *testing.T, n *html.Node) string {
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func renderAll(t *testing.T, nodes []*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(render(t, n))
		b.WriteByte('|')
	}
	return b.String()
}
