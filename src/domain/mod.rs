//! Validated values: each type can only be built from input that is valid, so the rest of the
//! portal never checks them again.

mod country_code;
pub mod forms;
mod lang;
mod listing;
mod localized;
pub mod markdown;
mod partial_date;
mod public_url;
pub mod records;
mod search;
mod slug;
mod staff;
pub mod statement;
mod text_enums;

pub use country_code::CountryCode;
pub use lang::Lang;
pub use listing::{ListFilter, ListQuery, PAGE_SIZE, PageNumber, Year};
pub use localized::{Localized, Shown};
pub use partial_date::PartialDate;
#[cfg(feature = "server")]
pub use partial_date::format_day_range;
pub use public_url::PublicUrl;
pub use search::{Highlighted, MARK_END, MARK_START, Search, SearchMode, SearchQuery, SearchText};
pub use slug::Slug;
pub use staff::{DisplayName, MIN_PASSWORD_CHARS, Password, Username};
pub use text_enums::{OrganisationKind, RecordKind, RecordStatus, Role, StatementStatus};

/// Why a value was refused, in words that can be shown beside the field that held it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidInput {
    pub field: &'static str,
    pub message: String,
}

impl InvalidInput {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }

    /// The message as a sentence that names the field: "Publish at must be in the future."
    pub fn sentence(&self) -> String {
        let name = self.field.replace('_', " ");
        let mut chars = name.chars();
        let capitalised: String = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        format!("{capitalised} {}.", self.message.trim_end_matches('.'))
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
