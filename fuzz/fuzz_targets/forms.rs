//! Form and query parsing: any bytes give a value or a refusal, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sti_portal::domain::parse_untrusted_input(data);
});
