//! The languages the portal speaks, how URLs and `lang` attributes name them, and which one a
//! path or a browser's `Accept-Language` asks for. What the portal says in each is `i18n`.

/// A language the portal speaks, stored in the database as its URL code (`en`, `ms`, `zh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "server",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
pub enum Lang {
    #[default]
    En,
    Ms,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ms, Lang::Zh];

    /// The BCP 47 tag, for `lang` and `hreflang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ms => "ms",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The short code used in URLs and the language cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ms => "ms",
            Lang::Zh => "zh",
        }
    }

    /// What a page's paths start with in this language; English pages sit at the root.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Ms => "/ms",
            Lang::Zh => "/zh",
        }
    }

    /// The language's name in itself, as the language switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ms => "Bahasa Melayu",
            Lang::Zh => "中文",
        }
    }

    /// The language's place in `ALL`, for tables kept per language.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language a path is in, and the path without its language prefix.
    pub fn split_path(path: &str) -> (Lang, &str) {
        for lang in [Lang::Ms, Lang::Zh] {
            if let Some(rest) = path.strip_prefix(lang.prefix())
                && (rest.is_empty() || rest.starts_with('/'))
            {
                return (lang, if rest.is_empty() { "/" } else { rest });
            }
        }
        (Lang::En, path)
    }

    /// `path` (site-absolute, in English form) as it is in this language.
    pub fn href(self, path: &str) -> String {
        format!("{}{path}", self.prefix())
    }
}

// Written as the language's name in itself.
super::written!(Lang, |lang| lang.endonym());

/// Its BCP 47 tag, as `lang` attributes and language maps have it.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

#[cfg(feature = "server")]
impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for Lang {
    fn from_sql(
        mut value: diesel::sqlite::SqliteValue<'_, '_, '_>,
    ) -> diesel::deserialize::Result<Self> {
        let code = value.read_text();
        Lang::from_code(code).ok_or_else(|| format!("no language has the code {code:?}").into())
    }
}

#[cfg(feature = "server")]
impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for Lang {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
    ) -> diesel::serialize::Result {
        out.set_value(self.code());
        Ok(diesel::serialize::IsNull::No)
    }
}
