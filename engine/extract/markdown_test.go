package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// TestMarkdown converts small pages through Extract, so the expected text
// is what gets stored: converted, then normalized.
func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		// Tables.
		{"minified table keeps cells apart", `<table><tr><td>Category</td><td>Examples</td></tr><tr><td>Identifiers</td><td>Name</td></tr></table>`,
			"| | |\n|---|---|\n| Category | Examples |\n| Identifiers | Name |\n"},
		{"th first row is the header", `<table><tr><th>Cookie</th><th>Retention</th></tr><tr><td>sid</td><td>180 days</td></tr></table>`,
			"| Cookie | Retention |\n|---|---|\n| sid | 180 days |\n"},
		{"thead is the header", `<table><thead><tr><td>Name</td><td>Purpose</td></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>`,
			"| Name | Purpose |\n|---|---|\n| a | b |\n"},
		{"line breaks in cells", `<table><tr><th>Data</th></tr><tr><td>Name<br>E-mail<br/>Phone</td></tr></table>`,
			"| Data |\n|---|\n| Name<br>E-mail<br>Phone |\n"},
		{"paragraphs in cells", `<table><tr><th>Purpose</th><th>Basis</th></tr><tr><td><p>Billing</p><p>Support</p></td><td><p>Contract</p></td></tr></table>`,
			"| Purpose | Basis |\n|---|---|\n| Billing<br><br>Support | Contract |\n"},
		{"lists in cells", `<table><tr><th>Data</th><th>Use</th></tr><tr><td><ul><li>Name</li><li>Age</li></ul></td><td><ol><li>Match</li><li>Bill</li></ol></td></tr></table>`,
			"| Data | Use |\n|---|---|\n| - Name<br>- Age | 1. Match<br>2. Bill |\n"},
		{"pipes escaped", `<table><tr><th>a|b</th></tr><tr><td>x | y</td></tr></table>`,
			"| a\\|b |\n|---|\n| x \\| y |\n"},
		{"short rows and colspan padded", `<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td colspan="2">wide</td><td>c</td></tr><tr><td>only</td></tr></table>`,
			"| A | B | C |\n|---|---|---|\n| wide | | c |\n| only | | |\n"},
		{"layout table written as blocks", `<table role="presentation"><tr><td><p>First.</p></td><td><p>Second.</p></td></tr></table>`,
			"First.\n\nSecond.\n"},
		{"table in a table", `<table><tr><td><table><tr><th>K</th></tr><tr><td>v</td></tr></table></td></tr></table>`,
			"| K |\n|---|\n| v |\n"},
		{"caption after the table", `<table><caption>Cookies</caption><tr><th>A</th></tr><tr><td>1</td></tr></table>`,
			"| A |\n|---|\n| 1 |\n\nCookies\n"},

		// Text.
		{"entities decoded", `<p>Open Settings &gt; Privacy &amp; Safety, then &lt;Delete&gt; &quot;now&quot;.</p>`,
			"Open Settings > Privacy & Safety, then <Delete> \"now\".\n"},
		{"markdown syntax escaped", `<p>Use a_b or *x* [draft] and \ here</p><p># 1. not a heading</p><p>2. not a list</p>`,
			"Use a\\_b or \\*x\\* \\[draft] and \\\\ here\n\n\\# 1. not a heading\n\n2\\. not a list\n"},
		{"noscript text kept", `<p>Before</p><noscript><p>Our terms need JavaScript &amp; cookies.</p><img src="https://px.example/t.gif"></noscript>`,
			"Before\n\nOur terms need JavaScript & cookies.\n"},
		{"pre spacing kept", "<pre>Fee   table\n  line two\n</pre>",
			"```\nFee table\n  line two\n```\n"},
		{"pre names no language", `<pre><code class="language-json">{"a": 1}</code></pre>`,
			"```\n{\"a\": 1}\n```\n"},
		{"strikethrough", `<p><del>old</del> <s>gone</s> <strike>was</strike> kept</p>`,
			"~~old~~ ~~gone~~ ~~was~~ kept\n"},
		{"emphasis and strong", `<p><em>a</em> <i>b</i> <strong>c</strong> <b> d </b>e <em></em>f <em>g</em><em>h</em></p>`,
			"*a* *b* **c** **d** e f *gh*\n"},
		{"inline code", "<p>Run <code>a | b</code> or <code>x`y</code></p>", "Run `a | b` or ``x`y``\n"},
		{"headings", `<h1>One</h1><h2>Two <a href="https://example.com/t">link</a></h2><h3>Three<br>lines</h3><h6>Six</h6><h4> </h4>`,
			"# One\n\n## Two [link](https://example.com/t)\n\n### Three lines\n\n###### Six\n"},
		{"blockquote", `<blockquote><p>Quoted.</p><p>Again.</p><blockquote>Inner</blockquote></blockquote>`,
			"> Quoted.\n>\n> Again.\n>\n> > Inner\n"},
		{"thematic break", `<p>a</p><hr><p>b</p>`, "a\n\n* * *\n\nb\n"},
		{"line breaks", `<p>a<br>b<br><br>c</p>`, "a\nb\n\nc\n"},
		{"definition list", `<dl><dt>Term</dt><dd>Meaning</dd></dl>`, "Term\n\nMeaning\n"},

		// Links and images.
		{"links", `<p><a href="https://example.com/a">A</a>, <a>no target</a>, <a href="https://example.com/e"> </a><a href="https://example.com/t" title="T">t</a></p>`,
			"[A](https://example.com/a), no target, [t](https://example.com/t \"T\")\n"},
		{"image", `<p>Logo <img src="https://example.com/i.png" alt="Our [logo]"> <img alt="no source"></p>`,
			"Logo ![Our \\[logo\\]](https://example.com/i.png)\n"},
		{"linked image", `<p>See <a href="https://example.com/"><img src="https://example.com/i.png" alt="home"></a></p>`,
			"See [![home](https://example.com/i.png)](https://example.com/)\n"},

		// Lists.
		{"ol without li invents no number", `<ol><p>Plain paragraph.</p></ol>`, "Plain paragraph.\n"},
		{"numbers not zero-padded", `<ol><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li><li>j</li></ol>`,
			"1. a\n2. b\n3. c\n4. d\n5. e\n6. f\n7. g\n8. h\n9. i\n10. j\n"},
		{"start honoured", `<ol start="9"><li>a</li><li>b</li></ol>`, "9. a\n10. b\n"},
		{"reversed and value", `<ol reversed><li>a</li><li>b</li></ol><ol><li value="4">d</li><li>e</li></ol>`, "2. a\n1. b\n\n4. d\n5. e\n"},
		{"nested lists indented", `<ul><li>one<ul><li>inner<ol><li>deep</li></ol></li></ul></li><li>two</li></ul>`,
			"- one\n\n  - inner\n\n    1. deep\n- two\n"},
		{"paragraphs in items", `<ol><li><p>First.</p><p>More.</p></li><li><p>Second.</p></li></ol>`,
			"1. First.\n\n   More.\n2. Second.\n"},
		{"empty item dropped", `<ul><li> </li><li>x</li></ul>`, "- x\n"},
		// Words after the first of a paragraph, written by the run.
		{"syntax inside a later word", `<p>see foo_bar and a*b</p>`, "see foo\\_bar and a\\*b\n"},
		{"lone star and underscore later", `<p>a * b _ c</p>`, "a * b _ c\n"},
		{"word ending in syntax later", `<p>x y_ z [w</p>`, "x y\\_ z \\[w\n"},
		{"spaces and nbsp between later words", "<p>a  b\u00a0c\nd \u00a9e</p>", "a b c d \u00a9e\n"},
		{"ordered marker mid-line", `<p>step 1. done</p>`, "step 1. done\n"},
		{"bracket in a later word of a link", `<p><a href="/x">a b]c</a></p>`, "[a b\\]c](https://example.com/x)\n"},
		{"list after paragraph", `<p>Intro:</p><ul><li>a</li></ul><p>After.</p>`, "Intro:\n\n- a\n\nAfter.\n"},
		{"pre in a list item", "<ul><li>Run:<pre>a\n  b</pre></li></ul>", "- Run:\n\n  ```\n  a\n    b\n  ```\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract([]byte("<!DOCTYPE html><html><body>"+tt.html+"</body></html>"), "text/html; charset=utf-8", "https://example.com/", Rules{})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSelectInsideNoscript checks that <noscript> content is parsed as
// markup, so a selector finds what is inside it, as in Open Terms Archive.
func TestSelectInsideNoscript(t *testing.T) {
	body := page(``, `<p>Shell.</p><noscript><div id="terms"><p>Terms &amp; conditions.</p></div></noscript>`, ``)
	got := mustExtract(t, []byte(body), Rules{Select: []Selector{{CSS: "#terms"}}})
	if want := "Terms & conditions.\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestMarkdownNoscriptNoise checks that a tracking pixel in <noscript>
// adds nothing while the text of a <noscript> is kept.
func TestMarkdownNoscriptNoise(t *testing.T) {
	const article = `<h1>Terms</h1><p>These terms apply.</p>`
	clean := mustExtract(t, []byte(page(``, article, ``)), Rules{Select: []Selector{{CSS: "article"}}})
	pixel := mustExtract(t, []byte(page(``, article+`<noscript><img height="1" width="1" src="https://px.example/tr?id=8f7a&amp;ev=PageView"></noscript>`, ``)), Rules{Select: []Selector{{CSS: "article"}}})
	if pixel != clean {
		t.Fatalf("pixel changed the text:\n%s", firstDiff(clean, pixel))
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		`<table><tr><td>a<br>b</td><td><p>c</p><ul><li>d</li></ul></td></tr></table>`,
		`<ol start="-3"><li><pre>x</pre><blockquote><h2>y</h2></blockquote></li></ol>`,
		`<a href="(x)"><em><strong>a</strong></em></a><code>` + "``" + `</code><noscript><b>n</b></noscript>`,
		"<p>\xff\xfe<em>\xc3</em></p><table><caption><table><tr><th>|</th></tr></table></caption></table>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		root, err := html.ParseWithOptions(strings.NewReader(s), html.ParseOptionEnableScripting(false))
		if err != nil {
			return
		}
		md := markdown(root)
		if !utf8.ValidString(md) {
			t.Fatalf("invalid UTF-8: %q", md)
		}
	})
}
