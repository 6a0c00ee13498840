//! What staff forms share: the messages to show beside fields, and references to records typed
//! as portal paths.

use super::{InvalidInput, Slug};

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

    /// The message for `field`, if it was refused, as a sentence that names the field.
    pub fn get(&self, field: &str) -> Option<String> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(InvalidInput::sentence)
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
        return Err(InvalidInput::new(field, "must not be empty"));
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
        return Err(InvalidInput::new(
            field,
            format!("must be at most {max_chars} characters"),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(InvalidInput::new(
            field,
            "must not contain control characters",
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
        [
            Collection::Agreements,
            Collection::Meetings,
            Collection::Delegations,
            Collection::Mous,
            Collection::Organisations,
            Collection::People,
            Collection::Areas,
        ]
        .into_iter()
        .find(|c| c.path() == segment)
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
            InvalidInput::new(
                field,
                format!(
                    "“{text}” is not the address of a record, such as /mous/mimos-cetc-mou-2024"
                ),
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn errors_are_found_by_field() {
        let mut errors = FormErrors::default();
        assert_eq!(errors.check(required_text("title", "", 5)), None);
        assert_eq!(
            errors.get("title").as_deref(),
            Some("Title must not be empty.")
        );
        assert_eq!(errors.get("body"), None);
    }
}
