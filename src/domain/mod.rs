//! Validated values: each type can only be built from input that is valid, so the rest of the
//! portal never checks them again.

mod country_code;
mod listing;
pub mod markdown;
mod partial_date;
mod public_url;
mod search;
mod slug;
mod text_enums;

pub use country_code::CountryCode;
pub use listing::{ListFilter, ListQuery, PAGE_SIZE, PageNumber, Year};
pub use partial_date::{PartialDate, format_day_range};
pub use public_url::PublicUrl;
pub use search::{Highlighted, MARK_END, MARK_START, Search, SearchMode, SearchQuery, SearchText};
pub use slug::Slug;
pub use text_enums::{Language, OrganisationKind, RecordKind, RecordStatus, StatementStatus};

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
}
