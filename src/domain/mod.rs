//! Validated values: each type can only be built from input that is valid, so the rest of the
//! portal never checks them again.

mod country_code;
pub mod forms;
mod lang;
mod listing;
mod localized;
pub mod markdown;
mod message;
mod partial_date;
mod public_url;
pub mod records;
mod search;
mod site_path;
mod slug;
mod staff;
pub mod statement;
mod text_enums;

pub use country_code::CountryCode;
pub use lang::Lang;
pub use listing::{ListFilter, ListQuery, PAGE_SIZE, PageNumber, RELATED_SHOWN, Year};
pub use localized::{Localized, Shown};
pub use message::{Arg, Message};
pub use partial_date::PartialDate;
#[cfg(feature = "server")]
pub use partial_date::{Formatted, format_day_range};
pub use public_url::PublicUrl;
pub use search::{Highlighted, MARK_END, MARK_START, Search, SearchMode, SearchQuery, SearchText};
pub use site_path::SitePath;
pub use slug::Slug;
pub use staff::{DisplayName, MIN_PASSWORD_CHARS, Password, Username};
pub use text_enums::{OrganisationKind, RecordKind, RecordStatus, Role, StatementStatus};

/// `Display` for a type from its `write_to`, and (with the `server` feature) askama's
/// `FastWritable` from the same. Askama writes a `FastWritable` value straight into the page and
/// its escaping; a value that is only `Display` goes through `core::fmt` twice on the way (once
/// more to escape it), a few hundred instructions each, which on a page of cards is a tenth of
/// the page. `written!(Type<'_, N>; const N: usize)` for a type with generic parameters;
/// `written!(Type, |value| text)` for a type written as one text, without a `write_to` of its own.
macro_rules! written {
    ($name:ty, |$value:ident| $text:expr) => {
        impl $name {
            fn write_to<W: std::fmt::Write + ?Sized>(&self, out: &mut W) -> std::fmt::Result {
                let $value = self;
                out.write_str($text)
            }
        }

        $crate::domain::written!($name);
    };
    ($name:ty $(; $($generics:tt)*)?) => {
        impl$(<$($generics)*>)? std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.write_to(f)
            }
        }

        #[cfg(feature = "server")]
        impl$(<$($generics)*>)? askama::FastWritable for $name {
            fn write_into(
                &self,
                dest: &mut dyn std::fmt::Write,
                _: &dyn askama::Values,
            ) -> askama::Result<()> {
                Ok(self.write_to(dest)?)
            }
        }
    };
}
pub(crate) use written;

/// Why a value was refused: the field that held it, and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidInput {
    pub field: &'static str,
    /// The reason in English words that follow the field's name ("must not be empty"), for the
    /// log, the command line and the JSON API.
    pub message: String,
    /// The reason as an interface message, for pages in the reader's language; `None` for a
    /// reason given only in English.
    pub reason: Option<Message>,
}

impl InvalidInput {
    /// A reason given only in English, for the command line and the log.
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            reason: None,
        }
    }

    /// A reason given as an interface message (`invalid-…`), shown in the reader's language.
    pub fn because(field: &'static str, reason: Message) -> Self {
        // Without the server there are no message files to word it from: its key says it.
        #[cfg(feature = "server")]
        let message = Lang::En.say(&reason);
        #[cfg(not(feature = "server"))]
        let message = reason.key().to_owned();
        Self {
            field,
            message,
            reason: Some(reason),
        }
    }

    /// The same reason, for the field that held the value.
    pub fn in_field(self, field: &'static str) -> Self {
        Self { field, ..self }
    }

    /// The reason alone, in `lang`: "must not be empty".
    #[cfg(feature = "server")]
    pub fn reason_in(&self, lang: Lang) -> String {
        match &self.reason {
            Some(reason) => lang.say(reason),
            None => self.message.clone(),
        }
    }

    /// The reason as a sentence that names the field by its label, in `lang`: "Publish at
    /// must be in the future."
    #[cfg(feature = "server")]
    pub fn sentence_in(&self, lang: Lang) -> String {
        lang.t_with(
            "form-error",
            &[
                ("field", lang.field_label(self.field).into()),
                ("reason", self.reason_in(lang).into()),
            ],
        )
    }
}

/// Runs every parser of untrusted request input over `bytes`: the statement form, a list's query
/// string, a record address. Used by the fuzz targets and the corpus tests; parsing never panics.
pub fn parse_untrusted_input(bytes: &[u8]) {
    let now = chrono::NaiveDateTime::default();
    if let Ok(form) = serde_html_form::from_bytes::<statement::StatementForm>(bytes) {
        let _ = form.content();
        let _ = form.action(now);
        let _ = form.version();
    }
    if let Ok(query) = serde_html_form::from_bytes::<ListQuery>(bytes) {
        let _ = ListFilter::try_from(query).map(|f| f.query_string_for_page(2));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = forms::record_refs("related", text);
        let _ = PartialDate::parse(text);
        let _ = Slug::from_title(text);
        let _ = Username::parse(text);
    }
}
