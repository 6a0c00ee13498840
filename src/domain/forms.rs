//! What staff forms share: the messages to show beside fields, and references to records typed
//! as portal paths.

use super::Message;
use super::{InvalidInput, Localized, PartialDate, Slug};
use chrono::NaiveDate;

/// Every refused field of one form submission, in the order of the form.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FormErrors(Vec<InvalidInput>);

impl FormErrors {
    pub fn add(&mut self, error: InvalidInput) {
        self.0.push(error);
    }

    /// Keeps `result`'s value, or notes its error and gives `None`.
    pub fn check<T>(&mut self, result: Result<T, InvalidInput>) -> Option<T> {
        result.map_err(|error| self.add(error)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Why `field` was refused, if it was.
    pub fn get(&self, field: &str) -> Option<&InvalidInput> {
        self.0.iter().find(|e| e.field == field)
    }

    pub fn all(&self) -> &[InvalidInput] {
        &self.0
    }
}

/// Text that must be present and not too long; `field` names it in the message.
pub fn required_text(
    field: &'static str,
    input: &str,
    max_chars: usize,
) -> Result<String, InvalidInput> {
    let text = input.trim();
    if text.is_empty() {
        return Err(InvalidInput::because(field, Message::new("invalid-empty")));
    }
    optional_text(field, text, max_chars)
}

/// Text that may be empty but not too long, without control characters other than line breaks.
pub fn optional_text(
    field: &'static str,
    input: &str,
    max_chars: usize,
) -> Result<String, InvalidInput> {
    let text = input.trim();
    if text.chars().count() > max_chars {
        return Err(InvalidInput::because(
            field,
            Message::new("invalid-too-long").number("max", max_chars as i64),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(InvalidInput::because(
            field,
            Message::new("invalid-control-characters"),
        ));
    }
    Ok(text.to_owned())
}

/// The collections a statement can be about, as they appear in portal paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Collection {
    Agreements,
    Meetings,
    Delegations,
    Mous,
    Organisations,
    People,
    Areas,
}

impl Collection {
    pub const ALL: [Collection; 7] = [
        Collection::Agreements,
        Collection::Meetings,
        Collection::Delegations,
        Collection::Mous,
        Collection::Organisations,
        Collection::People,
        Collection::Areas,
    ];

    /// What one record of the collection is called: the word a slug falls back to when a title
    /// has no Latin letters, and the entity of its audit entries.
    pub fn noun(&self) -> &'static str {
        match self {
            Collection::Agreements => "agreement",
            Collection::Meetings => "meeting",
            Collection::Delegations => "delegation",
            Collection::Mous => "mou",
            Collection::Organisations => "organisation",
            Collection::People => "person",
            Collection::Areas => "area",
        }
    }

    pub fn path(&self) -> &'static str {
        match self {
            Collection::Agreements => "agreements",
            Collection::Meetings => "meetings",
            Collection::Delegations => "delegations",
            Collection::Mous => "mous",
            Collection::Organisations => "organisations",
            Collection::People => "people",
            Collection::Areas => "areas",
        }
    }

    fn from_path(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.path() == segment)
    }
}

/// A record named by its page address: `/mous/mimos-cetc-mou-2024`, with or without the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordRef {
    pub collection: Collection,
    pub slug: Slug,
}

impl RecordRef {
    pub fn parse(field: &'static str, input: &str) -> Result<Self, InvalidInput> {
        let text = input.trim();
        let path = match text.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
            None => text,
        };
        let mut segments = path.trim_matches('/').split('/');
        let refuse = || {
            InvalidInput::because(
                field,
                Message::new("invalid-record-address").text("text", shorten(text, 80)),
            )
        };
        let collection = segments
            .next()
            .and_then(Collection::from_path)
            .ok_or_else(refuse)?;
        let slug = segments
            .next()
            .map(Slug::parse)
            .and_then(Result::ok)
            .ok_or_else(refuse)?;
        if segments.next().is_some() {
            return Err(refuse());
        }
        Ok(Self { collection, slug })
    }

    pub fn path(&self) -> String {
        format!("/{}/{}", self.collection.path(), self.slug)
    }
}

/// Whether a text must be written (in English, which every record has first).
#[derive(Clone, Copy, PartialEq)]
pub enum English {
    Required,
    Optional,
}

/// Each of a text's English, Malay and Chinese values checked; the translations may always be
/// left out.
fn checked_texts(
    (names, texts): ([&'static str; 3], [&str; 3]),
    max: usize,
    english: English,
) -> [Result<String, InvalidInput>; 3] {
    std::array::from_fn(|index| match (index, english) {
        (0, English::Required) => required_text(names[index], texts[index], max),
        _ => optional_text(names[index], texts[index], max),
    })
}

/// A record's text in the languages it is written in, with a message beside each field that
/// is refused.
pub fn translated(
    errors: &mut FormErrors,
    fields: ([&'static str; 3], [&str; 3]),
    max: usize,
    english: English,
) -> Option<Localized> {
    let [en, ms, zh] = checked_texts(fields, max, english).map(|text| errors.check(text));
    Some(Localized::new(en?, ms, zh))
}

/// A text in one row of a repeated group: the row's first refused value is its error.
pub fn translated_cell(
    fields: ([&'static str; 3], [&str; 3]),
    max: usize,
    english: English,
) -> Result<Localized, InvalidInput> {
    let [en, ms, zh] = checked_texts(fields, max, english);
    Ok(Localized::new(en?, Some(ms?), Some(zh?)))
}

/// Record addresses one per line, blank lines ignored, duplicates dropped.
pub fn record_refs(field: &'static str, input: &str) -> Result<Vec<RecordRef>, InvalidInput> {
    let mut refs: Vec<RecordRef> = Vec::new();
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let record = RecordRef::parse(field, line)?;
        if !refs.contains(&record) {
            refs.push(record);
        }
    }
    Ok(refs)
}

/// Records of one collection, one per line, each named by its address (`/people/yin-hejun`) or
/// by its slug alone (`yin-hejun`); blank lines are ignored and repeats dropped.
pub fn refs_in(
    field: &'static str,
    input: &str,
    collection: Collection,
) -> Result<Vec<Slug>, InvalidInput> {
    let mut slugs: Vec<Slug> = Vec::new();
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let slug = ref_in(field, line, collection)?;
        if !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    Ok(slugs)
}

/// One record of `collection`, by address or slug.
fn ref_in(field: &'static str, line: &str, collection: Collection) -> Result<Slug, InvalidInput> {
    let named = if line.contains('/') {
        RecordRef::parse(field, line)
            .ok()
            .filter(|r| r.collection == collection)
            .map(|r| r.slug)
    } else {
        Slug::parse(line).ok()
    };
    named.ok_or_else(|| {
        InvalidInput::because(
            field,
            Message::new("invalid-address-in")
                .text("text", shorten(line, 80))
                .text("collection", collection.path()),
        )
    })
}

/// At most one record of `collection`, by address or slug; empty means none.
pub fn optional_ref(
    field: &'static str,
    input: &str,
    collection: Collection,
) -> Result<Option<Slug>, InvalidInput> {
    let mut slugs = refs_in(field, input, collection)?;
    if slugs.len() > 1 {
        return Err(InvalidInput::because(
            field,
            Message::new("invalid-one-record"),
        ));
    }
    Ok(slugs.pop())
}

/// The first `max` characters of `text`, with an ellipsis when it was longer: long input quoted
/// back in a message stays readable.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A date known to the year, month or day; empty means unknown.
pub fn optional_partial_date(
    field: &'static str,
    input: &str,
) -> Result<Option<PartialDate>, InvalidInput> {
    match input.trim() {
        "" => Ok(None),
        text => PartialDate::parse(text)
            .map(Some)
            .map_err(|e| e.in_field(field)),
    }
}

/// A whole day, as `2024-04-25`; empty means none.
pub fn optional_day(field: &'static str, input: &str) -> Result<Option<NaiveDate>, InvalidInput> {
    match input.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .map(Some)
            .ok_or_else(|| InvalidInput::because(field, Message::new("invalid-day"))),
    }
}

/// A whole day that must be given.
pub fn required_day(field: &'static str, input: &str) -> Result<NaiveDate, InvalidInput> {
    optional_day(field, input)?
        .ok_or_else(|| InvalidInput::because(field, Message::new("invalid-empty")))
}

/// A public web address: `http` or `https` only, with a host, and nothing a page could be
/// tricked with (spaces, quotes, angle brackets, credentials). Empty means none.
pub fn optional_web_address(
    field: &'static str,
    input: &str,
) -> Result<Option<String>, InvalidInput> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let refuse = || InvalidInput::because(field, Message::new("invalid-web-address"));
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(refuse)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b':' | b'[' | b']'))
        && host.bytes().any(|b| b.is_ascii_alphanumeric());
    let text_ok = text.len() <= 500
        && text
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '`'));
    if host_ok && text_ok {
        Ok(Some(text.to_owned()))
    } else {
        Err(refuse())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_record_is_named_by_its_path_or_full_address() {
        for text in [
            "/mous/mimos-cetc-mou-2024",
            "mous/mimos-cetc-mou-2024/",
            "https://portal.example/mous/mimos-cetc-mou-2024",
        ] {
            let record = RecordRef::parse("related", text).unwrap();
            assert_eq!(record.path(), "/mous/mimos-cetc-mou-2024", "{text}");
        }
    }

    #[test]
    fn anything_else_is_refused_with_an_example() {
        for text in [
            "/statements/x",
            "/mous",
            "/mous/A B",
            "/mous/x/y",
            "javascript:alert(1)",
            "",
        ] {
            let error = RecordRef::parse("related", text).unwrap_err();
            assert!(error.message.contains("/mous/"), "{text}");
        }
    }

    #[test]
    fn lists_of_records_skip_blanks_and_repeats() {
        let refs = record_refs("related", "/mous/a\n\n /people/b \n/mous/a\n").unwrap();
        assert_eq!(refs.len(), 2);
    }

    #[test]
    fn text_fields_are_trimmed_and_bounded() {
        assert_eq!(required_text("title", "  x ", 5).unwrap(), "x");
        assert!(required_text("title", "   ", 5).is_err());
        assert!(optional_text("summary", "abcdef", 5).is_err());
        assert!(optional_text("summary", "a\u{0}b", 5).is_err());
        assert_eq!(optional_text("summary", "a\nb", 5).unwrap(), "a\nb");
    }

    #[test]
    fn records_of_one_collection_are_named_by_address_or_slug() {
        let slugs = refs_in(
            "witnesses",
            "/people/yin-hejun\nchang-lih-kang\n\nhttps://x.example/people/yin-hejun",
            Collection::People,
        )
        .unwrap();
        let names: Vec<&str> = slugs.iter().map(Slug::as_str).collect();
        assert_eq!(names, ["yin-hejun", "chang-lih-kang"]);
        for bad in [
            "/mous/x",
            "Yin Hejun",
            "/people/x/y",
            "'; DROP TABLE people; --",
        ] {
            let error = refs_in("witnesses", bad, Collection::People).unwrap_err();
            assert!(error.message.contains("/people/"), "{bad}");
        }
        assert!(optional_ref("leader", "a\nb", Collection::People).is_err());
        assert_eq!(optional_ref("leader", " ", Collection::People), Ok(None));
    }

    #[test]
    fn only_http_and_https_addresses_are_websites() {
        for good in [
            "https://www.mimos.my",
            "http://example.org/a?b=c#d",
            "HTTPS://X.MY",
        ] {
            assert!(
                optional_web_address("website", good).unwrap().is_some(),
                "{good}"
            );
        }
        for bad in [
            "javascript:alert(1)",
            "www.mimos.my",
            "https://",
            "https://a b",
            "https://x.my/\"onmouseover=\"x",
            "https://user@evil.example",
            "ftp://x.my",
            "data:text/html,<script>",
        ] {
            assert!(optional_web_address("website", bad).is_err(), "{bad}");
        }
        assert_eq!(optional_web_address("website", ""), Ok(None));
    }

    #[test]
    fn days_and_partial_dates_keep_their_field() {
        assert!(optional_day("starts_on", "2024-04-24").unwrap().is_some());
        assert_eq!(
            optional_day("starts_on", "2024-4-24").unwrap_err().field,
            "starts_on"
        );
        assert_eq!(required_day("ends_on", "").unwrap_err().field, "ends_on");
        assert_eq!(
            optional_partial_date("held_on", "2024-13")
                .unwrap_err()
                .field,
            "held_on"
        );
        assert_eq!(optional_partial_date("held_on", ""), Ok(None));
    }

    #[test]
    fn long_text_is_shortened_at_a_character_boundary() {
        assert_eq!(shorten("马来西亚", 2), "马来…");
        assert_eq!(shorten("abc", 5), "abc");
    }

    #[test]
    fn errors_are_found_by_field() {
        let mut errors = FormErrors::default();
        assert_eq!(errors.check(required_text("title", "", 5)), None);
        assert_eq!(
            errors.get("title").map(|e| e.sentence_in(Lang::En)),
            Some("Title must not be empty.".to_owned())
        );
        assert_eq!(
            errors.get("title").map(|e| e.sentence_in(Lang::Zh)),
            Some("标题不能为空。".to_owned())
        );
        assert_eq!(errors.get("body"), None);
    }
}
