//! The fuzz targets' corpora, replayed on every test run: each input that fuzzing found
//! interesting stays a regression test.

use std::path::Path;
use sti_portal::domain::markdown::{executable_content, render};

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let inputs: Vec<Vec<u8>> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .collect();
    assert!(!inputs.is_empty(), "{} is empty", folder.display());
    inputs
}

#[test]
fn the_markdown_corpus_renders_without_executable_content() {
    for input in corpus("markdown") {
        let html = render(&String::from_utf8_lossy(&input));
        assert_eq!(executable_content(&html), None, "{html}");
    }
}

#[test]
fn the_forms_corpus_parses_without_panicking() {
    for input in corpus("forms") {
        sti_portal::domain::parse_untrusted_input(&input);
    }
}
