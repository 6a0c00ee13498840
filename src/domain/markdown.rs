//! Markdown to safe HTML: the one place statement bodies are rendered.

use pulldown_cmark::{Options, Parser, html};
use std::sync::LazyLock;

/// Stored beside every rendered body; raise it whenever the output of `render` changes, so that
/// start-up re-renders what an older renderer made.
pub const RENDERER_VERSION: i32 = 1;

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
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    SANITISER.clean(&unsafe_html).to_string()
}

/// What in `html` could run in a browser, if anything: the check the sanitiser's tests and fuzz
/// targets hold every rendering to.
pub fn executable_content(html: &str) -> Option<&'static str> {
    let lower = html.to_lowercase();
    let in_tag_attribute = |needle: &str| {
        lower.split('<').skip(1).any(|tag| {
            let inside = tag.split('>').next().unwrap_or("");
            inside.contains(needle)
        })
    };
    [
        ("<script", lower.contains("<script")),
        ("<iframe", lower.contains("<iframe")),
        ("<style", lower.contains("<style")),
        ("<object", lower.contains("<object")),
        ("<embed", lower.contains("<embed")),
        ("<svg", lower.contains("<svg")),
        ("<form", lower.contains("<form")),
        ("<base", lower.contains("<base")),
        ("<meta", lower.contains("<meta")),
        ("event handler", in_tag_attribute(" on")),
        ("style attribute", in_tag_attribute("style=")),
        ("javascript: url", in_tag_attribute("javascript:")),
        ("data: url", in_tag_attribute("data:")),
    ]
    .into_iter()
    .find(|(_, found)| *found)
    .map(|(what, _)| what)
}

#[cfg(test)]
mod tests {
    use super::render;

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
