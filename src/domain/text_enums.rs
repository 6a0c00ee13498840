//! The closed vocabularies of the domain, stored as the lowercase words the migrations check.

use super::InvalidInput;

/// Declares an enum stored as text: its words in the database and URLs, its labels for people,
/// and (with the `server` feature) its diesel mapping.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal { $($variant:ident => $word:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "server",
                   derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
                   diesel(sql_type = diesel::sql_types::Text))]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            pub fn parse(input: &str) -> Result<Self, InvalidInput> {
                match input {
                    $($word => Ok(Self::$variant),)+
                    _ => Err(InvalidInput::because(
                        $field,
                        crate::domain::Message::new("invalid-one-of")
                            .text("choices", concat!($($word, " "),+).trim_end()),
                    )),
                }
            }

            pub fn as_str(&self) -> &'static str {
                match self { $(Self::$variant => $word),+ }
            }

            pub fn label(&self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        super::written!($name, |value| value.label());

        #[cfg(feature = "server")]
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $name {
            fn from_sql(mut value: diesel::sqlite::SqliteValue<'_, '_, '_>) -> diesel::deserialize::Result<Self> {
                Ok(Self::parse(value.read_text())?)
            }
        }

        #[cfg(feature = "server")]
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $name {
            fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>)
                -> diesel::serialize::Result {
                out.set_value(self.as_str());
                Ok(diesel::serialize::IsNull::No)
            }
        }
    };
}

text_enum!(
    /// Where an agreement or MoU stands; its history is a list of these with dates.
    RecordStatus, "status" {
        Proposed => "proposed", "Proposed";
        Signed => "signed", "Signed";
        InForce => "in_force", "In force";
        Expired => "expired", "Expired";
        Renewed => "renewed", "Renewed";
        Terminated => "terminated", "Terminated";
    }
);

text_enum!(
    /// Where a press statement is in its life, from draft to publication (or withdrawal).
    StatementStatus, "status" {
        Draft => "draft", "Draft";
        Submitted => "submitted", "Submitted";
        Scheduled => "scheduled", "Scheduled";
        Published => "published", "Published";
        Withdrawn => "withdrawn", "Withdrawn";
    }
);

text_enum!(
    OrganisationKind, "kind" {
        Ministry => "ministry", "Ministry";
        Agency => "agency", "Agency";
        University => "university", "University";
        ResearchInstitute => "research_institute", "Research institute";
        Company => "company", "Company";
        Other => "other", "Other";
    }
);

text_enum!(
    /// What a staff member may do: writers draft and submit; editors also publish and keep the
    /// records; admins also manage the staff accounts.
    Role, "role" {
        Writer => "writer", "Writer";
        Editor => "editor", "Editor";
        Admin => "admin", "Admin";
    }
);

impl Role {
    /// Whether this role includes everything `needed` may do.
    pub fn allows(&self, needed: Role) -> bool {
        self.rank() >= needed.rank()
    }

    fn rank(&self) -> u8 {
        match self {
            Role::Writer => 0,
            Role::Editor => 1,
            Role::Admin => 2,
        }
    }
}

text_enum!(
    /// The kinds of public record, as search, the timeline and the machine endpoints name them.
    RecordKind, "type" {
        Statement => "statement", "Press statement";
        Agreement => "agreement", "Agreement";
        Meeting => "meeting", "Meeting";
        Delegation => "delegation", "Delegation";
        Mou => "mou", "MoU";
        Organisation => "organisation", "Organisation";
        Person => "person", "Person";
        Area => "area", "Focus area";
    }
);

impl RecordKind {
    /// The list page of the collection: `/mous`.
    pub fn list_path(&self) -> &'static str {
        match self {
            Self::Statement => "/statements",
            Self::Agreement => "/agreements",
            Self::Meeting => "/meetings",
            Self::Delegation => "/delegations",
            Self::Mou => "/mous",
            Self::Organisation => "/organisations",
            Self::Person => "/people",
            Self::Area => "/areas",
        }
    }

    /// The collection's name in addresses: `mous` in `/mous/<slug>` and `/api/v1/mous`.
    pub fn collection(&self) -> &'static str {
        &self.list_path()[1..]
    }

    /// The kind whose collection is named `name`.
    pub fn from_collection(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.collection() == name)
    }

    /// The path of one record's page.
    pub fn page(&self, slug: &str) -> String {
        // Joined rather than formatted: the JSON API makes one for every record it names.
        ["/", self.collection(), "/", slug].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_parses_back_to_its_variant() {
        for status in RecordStatus::ALL {
            assert_eq!(RecordStatus::parse(status.as_str()), Ok(*status));
        }
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(kind.as_str()), Ok(*kind));
        }
    }

    #[test]
    fn each_role_includes_the_ones_below_it() {
        assert!(Role::Admin.allows(Role::Editor));
        assert!(Role::Editor.allows(Role::Writer));
        assert!(Role::Editor.allows(Role::Editor));
        assert!(!Role::Writer.allows(Role::Editor));
        assert!(!Role::Editor.allows(Role::Admin));
    }

    #[test]
    fn an_unknown_word_is_refused_with_the_choices() {
        let error = RecordStatus::parse("maybe").unwrap_err();
        assert_eq!(error.field, "status");
        assert!(error.message.contains("in_force"));
    }
}
