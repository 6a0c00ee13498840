//! Text the public reads, in each language it has been written in. A record's text is written
//! in English first (the portal's primary language) and may be translated into Malay and
//! Chinese; a press statement is written in one language and may be translated into the
//! others. A page shows the reader's language and, field by field, falls back to the text's
//! primary language, saying so.

use super::Lang;
use serde::ser::SerializeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Localized {
    /// By `Lang::index`; `None` where there is no text (never an empty string).
    texts: [Option<String>; 3],
    /// What a reader whose language has no text is shown instead.
    primary: Lang,
}

/// Text as one page shows it, with the language it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

/// Text that is there: blank counts as not written.
fn present(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

impl Localized {
    /// A record's text: English, and Malay and Chinese where translated.
    pub fn new(en: impl Into<String>, ms: Option<String>, zh: Option<String>) -> Self {
        Self::written(Some(en.into()), ms, zh)
    }

    /// A record's text where even the English may be missing: a translation then stands in
    /// for it, so a reader never sees a blank where some language has text.
    pub fn written(en: Option<String>, ms: Option<String>, zh: Option<String>) -> Self {
        let texts = [(Lang::En, en), (Lang::Ms, ms), (Lang::Zh, zh)];
        Self::from_texts(
            texts
                .into_iter()
                .filter_map(|(lang, text)| Some((lang, text?))),
            Lang::En,
        )
    }

    /// Text that exists in the languages given; a reader of another language sees `primary`'s
    /// text, or, if it has none, English, or else whichever there is.
    pub fn from_texts(texts: impl IntoIterator<Item = (Lang, String)>, primary: Lang) -> Self {
        let mut localized = Self {
            texts: Default::default(),
            primary,
        };
        for (lang, text) in texts {
            localized.texts[lang.index()] = present(Some(text));
        }
        if localized.get(primary).is_none() {
            localized.primary = [Lang::En, Lang::Ms, Lang::Zh]
                .into_iter()
                .find(|l| localized.get(*l).is_some())
                .unwrap_or(primary);
        }
        localized
    }

    /// The text in exactly this language, if it has been written.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.texts[lang.index()].as_deref()
    }

    /// The text a reader of `lang` is shown: theirs, or the primary language's.
    pub fn shown(&self, lang: Lang) -> Shown<'_> {
        match self.get(lang) {
            Some(text) => Shown { text, lang },
            None => Shown {
                text: self.get(self.primary).unwrap_or_default(),
                lang: self.primary,
            },
        }
    }

    /// The text as the page being answered shows it (English outside a request).
    #[cfg(feature = "server")]
    pub fn on_page(&self) -> &str {
        self.shown(crate::i18n::current_lang()).text
    }

    /// The language the current page shows this text in, when that is not the page's own.
    #[cfg(feature = "server")]
    pub fn fallback(&self) -> Option<Lang> {
        self.fallback_in(crate::i18n::current_lang())
    }

    /// The language a reader of `lang` is shown this text in, when that is not `lang`.
    pub fn fallback_in(&self, lang: Lang) -> Option<Lang> {
        let shown = self.shown(lang);
        (shown.lang != lang && !shown.text.is_empty()).then_some(shown.lang)
    }

    pub fn is_empty(&self) -> bool {
        self.texts.iter().all(Option::is_none)
    }

    /// `Some` when there is text, for templates that show a field only when it is there.
    pub fn present(&self) -> Option<&Self> {
        (!self.is_empty()).then_some(self)
    }

    /// The languages the text has been written in.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL.into_iter().filter(|l| self.get(*l).is_some())
    }

    pub fn primary(&self) -> Lang {
        self.primary
    }

    /// The text in its primary language, what records are ordered by.
    pub fn primary_text(&self) -> &str {
        self.get(self.primary).unwrap_or_default()
    }

    /// The text in `lang`, or empty: what a staff form shows in that language's input.
    pub fn input(&self, lang: Lang) -> &str {
        self.get(lang).unwrap_or_default()
    }

    /// The English, Malay and Chinese texts, empty where not written: a staff form's inputs.
    pub fn into_inputs(self) -> [String; 3] {
        self.texts.map(Option::unwrap_or_default)
    }
}

// Written as the page being answered shows it.
#[cfg(feature = "server")]
super::written!(Localized, |text| text.on_page());

/// A language map, as JSON-LD has them: `{"en": "…", "zh-Hans": "…"}`, one entry per language
/// the text has been written in.
impl serde::Serialize for Localized {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for lang in self.languages() {
            map.serialize_entry(lang.tag(), self.get(lang).unwrap_or_default())?;
        }
        map.end()
    }
}

#[cfg(feature = "server")]
mod columns {
    use super::Localized;
    use diesel::deserialize::{self, Queryable};
    use diesel::sql_types::{Nullable, Text};
    use diesel::sqlite::Sqlite;

    /// A record's column and its `_ms` and `_zh` translations.
    impl Queryable<(Text, Nullable<Text>, Nullable<Text>), Sqlite> for Localized {
        type Row = (String, Option<String>, Option<String>);

        fn build((en, ms, zh): Self::Row) -> deserialize::Result<Self> {
            Ok(Self::new(en, ms, zh))
        }
    }

    /// An optional column (a place, a note) and its translations.
    impl Queryable<(Nullable<Text>, Nullable<Text>, Nullable<Text>), Sqlite> for Localized {
        type Row = (Option<String>, Option<String>, Option<String>);

        fn build((en, ms, zh): Self::Row) -> deserialize::Result<Self> {
            Ok(Self::written(en, ms, zh))
        }
    }
}

#[cfg(all(test, feature = "server"))]
mod tests {
    use super::*;

    #[test]
    fn a_missing_translation_falls_back_to_english_and_says_so() {
        let title = Localized::new("Space cooperation", None, Some("航天合作".into()));
        assert_eq!(
            title.shown(Lang::Zh),
            Shown {
                text: "航天合作",
                lang: Lang::Zh
            }
        );
        assert_eq!(title.shown(Lang::Ms).lang, Lang::En);
        assert_eq!(title.fallback_in(Lang::Ms), Some(Lang::En));
        assert_eq!(title.fallback_in(Lang::Zh), None);
        assert_eq!(title.to_string(), "Space cooperation");
    }

    #[test]
    fn blank_translations_count_as_missing() {
        let name = Localized::new("MIMOS", Some("  ".into()), Some(String::new()));
        assert_eq!(name.languages().collect::<Vec<_>>(), [Lang::En]);
        assert!(Localized::new("", None, None).is_empty());
        assert_eq!(Localized::new("", None, None).fallback_in(Lang::Ms), None);
    }

    #[test]
    fn a_statement_without_english_falls_back_to_its_own_language() {
        let title = Localized::from_texts([(Lang::Ms, "Kenyataan".to_owned())], Lang::En);
        assert_eq!(title.primary(), Lang::Ms);
        assert_eq!(title.shown(Lang::Zh).text, "Kenyataan");
    }

    #[test]
    fn the_api_sees_a_language_map() {
        let name = Localized::new("China", Some("China".into()), Some("中国".into()));
        assert_eq!(
            serde_json::to_string(&name).unwrap(),
            r#"{"en":"China","ms":"China","zh-Hans":"中国"}"#
        );
    }
}
