//! Markdown to safe HTML: whatever staff type, the page never holds executable content.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sti_portal::domain::markdown::{executable_content, render};

fuzz_target!(|data: &[u8]| {
    if let Ok(markdown) = std::str::from_utf8(data) {
        let html = render(markdown);
        assert_eq!(executable_content(&html), None, "{html}");
    }
});
