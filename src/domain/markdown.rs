//! Markdown to safe HTML: the one place statement bodies are rendered.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};
use std::sync::LazyLock;

/// Stored beside every rendered body; raise it whenever the output of `render` or `plain_text`
/// changes, so that start-up renders again what an older renderer made.
pub const RENDERER_VERSION: i32 = 3;

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags([
            "table", "thead", "tbody", "tr", "th", "td", "del", "section", "sup",
        ])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("a", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("div", ["id"])
        .id_prefix(None)
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// Renders Markdown (with tables, footnotes and strikethrough) and removes everything that could
/// run in a reader's browser: scripts, event handlers, `javascript:` and `data:` URLs, frames,
/// styles.
pub fn render(markdown: &str) -> String {
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, OPTIONS));
    SANITISER.clean(&unsafe_html).to_string()
}

/// The words a reader reads in `markdown`, on one line: what search matches and quotes from a
/// statement, without markup, raw HTML or the addresses of links. A block (a heading, a
/// paragraph) that ends without punctuation is parted from the next by a middle dot, so that a
/// heading does not run into its first sentence; emphasis and links within a word part nothing.
/// A table reads row by row, each cell after its column's heading, as a sentence: "Parties:
/// MIMOS and CETC; Field: semiconductors."
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let mut table = TableText::default();
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Start(Tag::TableHead) => table.start_head(&text),
            Event::End(TagEnd::TableHead) => table.end_head(&mut text),
            Event::Start(Tag::TableRow) => table.column = 0,
            Event::Start(Tag::TableCell) => table.start_cell(&mut text),
            Event::End(TagEnd::TableCell) => table.end_cell(&mut text),
            Event::End(TagEnd::TableRow) => table.end_row(&mut text),
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Rule => end_block(&mut text),
            Event::End(end) if !is_inline(end) => end_block(&mut text),
            _ => {}
        }
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.last() == Some(&BLOCK_BREAK) {
        words.pop();
    }
    words.join(" ")
}

/// What `plain_text` knows of the table it is in: its column headings, read as the head goes by
/// and taken out of the text again, and where the current cell began.
#[derive(Default)]
struct TableText {
    headings: Vec<String>,
    /// Whether the headings are Chinese, and so the punctuation after them.
    chinese: bool,
    head_start: Option<usize>,
    column: usize,
    cell_start: usize,
    label_end: usize,
}

impl TableText {
    fn start_head(&mut self, text: &str) {
        self.headings.clear();
        self.head_start = Some(text.len());
    }

    fn end_head(&mut self, text: &mut String) {
        if let Some(start) = self.head_start.take() {
            text.truncate(start);
        }
        self.chinese = self.headings.iter().any(|heading| {
            heading
                .chars()
                .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
        });
    }

    fn start_cell(&mut self, text: &mut String) {
        self.cell_start = text.len();
        if self.head_start.is_none()
            && let Some(heading) = self.headings.get(self.column).filter(|h| !h.is_empty())
        {
            text.push_str(heading);
            text.push_str(self.mark(": ", "："));
        }
        self.label_end = text.len();
    }

    fn end_cell(&mut self, text: &mut String) {
        self.column += 1;
        if self.head_start.is_some() {
            self.headings
                .push(text[self.cell_start..].trim().to_owned());
        } else if text[self.label_end..].trim().is_empty() {
            // An empty cell says nothing, not even its heading.
            text.truncate(self.cell_start);
        } else {
            text.truncate(text.trim_end().len());
            text.push_str(self.separator());
        }
    }

    fn end_row(&mut self, text: &mut String) {
        if self.head_start.is_some() {
            return;
        }
        if let Some(row) = text.strip_suffix(self.separator()) {
            text.truncate(row.len());
        }
        let ended = text.trim_end();
        if ended
            .chars()
            .next_back()
            .is_some_and(|c| !is_punctuation(c))
        {
            text.push_str(self.mark(".", "。"));
        }
        text.push(' ');
    }

    /// What follows each cell of a row but the last.
    fn separator(&self) -> &'static str {
        self.mark("; ", "；")
    }

    /// A punctuation mark, as the table's language writes it.
    fn mark(&self, latin: &'static str, chinese: &'static str) -> &'static str {
        if self.chinese { chinese } else { latin }
    }
}

const BLOCK_BREAK: &str = "·";

fn end_block(text: &mut String) {
    let ended = text.trim_end();
    let unpunctuated = ended
        .chars()
        .next_back()
        .is_some_and(|c| !is_punctuation(c));
    if unpunctuated && !ended.ends_with(BLOCK_BREAK) {
        text.push(' ');
        text.push_str(BLOCK_BREAK);
    }
    text.push(' ');
}

/// ASCII punctuation, and the Chinese full stops, commas and the like, which end a block as
/// well as an ASCII one does.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF1F}')
}

fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// What in `html` could run in a browser, if anything: the check the sanitiser's tests and fuzz
/// targets hold every rendering to. `html` is serialised HTML as the sanitiser writes it, whose
/// attributes are all `name="value"` with quotes inside written as `&quot;`.
pub fn executable_content(html: &str) -> Option<&'static str> {
    let lower = html.to_lowercase();
    const ELEMENTS: [&str; 9] = [
        "<script", "<iframe", "<style", "<object", "<embed", "<svg", "<form", "<base", "<meta",
    ];
    if let Some(element) = ELEMENTS.into_iter().find(|e| lower.contains(e)) {
        return Some(element);
    }
    attributes(&lower).into_iter().find_map(|(name, value)| {
        if name.starts_with("on") {
            Some("event handler")
        } else if name == "style" {
            Some("style attribute")
        } else if NEVER_A_URL.contains(&name) {
            None
        } else {
            runnable_scheme(value)
        }
    })
}

/// Attributes a browser only ever reads as a name or as text, never follows or loads as a URL:
/// a footnote labelled `data:x` is the element `id="data:x"`, which runs nothing. Any other
/// attribute is checked as a URL.
const NEVER_A_URL: [&str; 7] = ["id", "title", "alt", "class", "lang", "rel", "align"];

/// Every attribute of every tag in serialised `html`, as (name, value). Quoted values may hold
/// `>`, so the scan follows the quotes rather than splitting on `>`.
fn attributes(html: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        loop {
            let end_of_tag = rest.find('>').unwrap_or(rest.len());
            let Some(quote) = rest[..end_of_tag].find("=\"") else {
                rest = &rest[end_of_tag..];
                break;
            };
            let name = rest[..quote]
                .rsplit(|c: char| c.is_ascii_whitespace())
                .next()
                .unwrap_or("");
            let value_and_rest = &rest[quote + 2..];
            let value_end = value_and_rest.find('"').unwrap_or(value_and_rest.len());
            found.push((name, &value_and_rest[..value_end]));
            rest = value_and_rest.get(value_end + 1..).unwrap_or("");
        }
    }
    found
}

/// Whether a browser would take `value`, as a URL, to a scheme that runs code: it decodes
/// entities, skips leading spaces and control characters, and ignores tabs and newlines
/// anywhere.
fn runnable_scheme(value: &str) -> Option<&'static str> {
    let url: String = value
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .trim_start_matches(|c: char| c.is_ascii_control() || c == ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    [
        ("javascript: url", "javascript:"),
        ("data: url", "data:"),
        ("vbscript: url", "vbscript:"),
    ]
    .into_iter()
    .find(|(_, scheme)| url.starts_with(scheme))
    .map(|(what, _)| what)
}

#[cfg(test)]
mod tests {
    use super::{plain_text, render};

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        let markdown = "## Four MoUs\n\nSigned by **MIMOS** and [CETC](https://example.org/cetc) \
            at `Auto China`.\n\n- one;\n- two.\n\n| Parties | Field |\n| --- | --- |\n\
            | XMU | chips |\n\n<div>raw <b>html</b></div>\n\nA &amp; B, un*believ*able.[^n]\n\n\
            [^n]: A note.\n";
        assert_eq!(
            plain_text(markdown),
            "Four MoUs · Signed by MIMOS and CETC at Auto China. one; two. Parties: XMU; \
             Field: chips. A & B, unbelievable. A note."
        );
        assert_eq!(
            plain_text("# 联合研究\n\n两国合作。\n\n---\n\nEnd"),
            "联合研究 · 两国合作。 End"
        );
        assert_eq!(plain_text(""), "");
    }

    #[test]
    fn a_table_reads_row_by_row_each_cell_after_its_heading() {
        let table = "| Parties | | Field |\n|---|---|---|\n| XMU and MIMOS | 1 | chips |\n\
            | CETC | | packaging. |\n\nAfter.";
        assert_eq!(
            plain_text(table),
            "Parties: XMU and MIMOS; 1; Field: chips. Parties: CETC; Field: packaging. After."
        );
        assert_eq!(
            plain_text("| 签署方 | 领域 |\n|---|---|\n| 厦门大学 | 芯片 |\n"),
            "签署方：厦门大学；领域：芯片。"
        );
    }

    #[test]
    fn tables_footnotes_and_strikethrough_render() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: note\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("<sup"), "{html}");
    }

    #[test]
    fn executable_content_never_survives() {
        let hostile = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[data](data:text/html;base64,PHNjcmlwdD4=)",
            "<iframe src=\"https://example.org\"></iframe>",
            "<p style=\"background:url(x)\">styled</p>",
            "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
            "<svg><script>alert(1)</script></svg>",
            "<object data=\"x\"></object><embed src=\"x\">",
        ];
        for input in hostile {
            let html = render(input).to_lowercase();
            for banned in [
                "<script",
                "onerror=",
                "onclick=",
                "href=\"javascript:",
                "href=\"data:",
                "<iframe",
                "style=",
                "<svg",
                "<object",
                "<embed",
            ] {
                assert!(
                    !html.contains(banned),
                    "{banned} survived {input:?} as {html}"
                );
            }
        }
    }

    #[test]
    fn the_check_finds_runnable_urls_and_handlers_but_not_their_look_alikes() {
        use super::executable_content;
        assert_eq!(
            executable_content(r#"<a href=" JavaScript:x">a</a>"#),
            Some("javascript: url")
        );
        assert_eq!(
            executable_content("<a href=\"java\tscript:x\">a</a>"),
            Some("javascript: url")
        );
        assert_eq!(
            executable_content(r#"<img title="a > b" src="data:image/png,x">"#),
            Some("data: url")
        );
        assert_eq!(
            executable_content(r#"<p title="x" onclick="y">a</p>"#),
            Some("event handler")
        );
        // Found by fuzzing: a relative address that merely contains `data:` runs nothing.
        assert_eq!(
            executable_content(r#"<a href=";data:text/html,x">l</a> &lt;img onerror=x&gt;"#),
            None
        );
        assert_eq!(
            executable_content(r#"<a href="/people?q=javascript:" title="x onclick">a</a>"#),
            None
        );
        assert_eq!(executable_content(r#"<a href="java script:x">a</a>"#), None);
        // Found by fuzzing: a footnote's label becomes an `id`, which is never loaded.
        assert_eq!(
            executable_content(r#"<div id="data:text/html,x"><p>note</p></div>"#),
            None
        );
        assert_eq!(
            executable_content(r#"<a id="x" href="data:text/html,x">a</a>"#),
            Some("data: url")
        );
    }

    #[test]
    fn links_to_other_sites_do_not_leak_the_opener() {
        let html = render("[MOSTI](https://www.mosti.gov.my)");
        assert!(html.contains(r#"rel="noopener noreferrer""#), "{html}");
    }

    mod property {
        use super::super::render;
        use proptest::prelude::*;

        const FRAGMENTS: &[&str] = &[
            "<script>",
            "</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "[a](javascript:alert(1))",
            "[a](JAVASCRIPT:alert(1))",
            "[a](java\nscript:x)",
            "[a](data:text/html,<script>x</script>)",
            "<a href=\"javascript:x\">",
            "<iframe src=x>",
            "<style>body{}</style>",
            "<p style=\"x\">",
            "<object>",
            "<embed>",
            "<form action=x>",
            "<math><mi xlink:href=\"javascript:x\">",
            "<base href=x>",
            "<meta http-equiv=refresh>",
            "&#106;avascript:",
            "\n\n",
            "| a | b |\n|---|---|\n| <b onclick=x>c</b> | d |\n",
            "text",
            "[^1]\n\n[^1]: <img src=x onerror=y>",
            "~~x~~",
            "<div onmouseover=\"x\">",
            "`<script>`",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn sanitised_output_never_holds_executable_content(
                picks in proptest::collection::vec(0..FRAGMENTS.len(), 1..12),
                noise in "[ -~\n]{0,40}",
            ) {
                let mut markdown: String = picks.iter().map(|i| FRAGMENTS[*i]).collect();
                markdown.push_str(&noise);
                let html = render(&markdown);
                prop_assert_eq!(super::super::executable_content(&html), None, "{}", html);
            }
        }
    }
}
