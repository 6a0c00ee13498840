//! The interface messages of each language: Fluent files compiled into the binary, one bundle per
//! language built once, and lookups cheap enough to make dozens of them on every page. A
//! message without placeables comes back borrowed from the bundle, without allocating.

use super::Lang;
use crate::domain::{Arg, Message};
use askama::filters::Escaper;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

/// Declares the message files every language has (in `locales/<tag>/`) and compiles them in.
macro_rules! message_files {
    ($($file:literal),+ $(,)?) => {
        /// The message files of every language, by name.
        pub const FILES: &[&str] = &[$($file),+];

        fn sources(lang: Lang) -> Vec<&'static str> {
            match lang {
                Lang::En => vec![$(include_str!(concat!("../../locales/en/", $file))),+],
                Lang::Ms => vec![$(include_str!(concat!("../../locales/ms/", $file))),+],
                Lang::Zh => vec![$(include_str!(concat!("../../locales/zh-Hans/", $file))),+],
            }
        }
    };
}

message_files!(
    "portal.ftl",
    "pages.ftl",
    "staff.ftl",
    "forms.ftl",
    "content.ftl",
    "security.ftl",
);

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, in the order of `Lang::ALL`.
static BUNDLES: LazyLock<[Bundle; 3]> = LazyLock::new(|| Lang::ALL.map(bundle));

type Texts = HashMap<String, Cow<'static, str>, foldhash::fast::FixedState>;

/// Each language's messages that take no arguments, written out once: a page looks up dozens
/// of them (its navigation, labels and headings), and each then costs one hash lookup instead
/// of a walk through the bundle.
static PLAIN: LazyLock<[Texts; 3]> = LazyLock::new(|| Lang::ALL.map(plain_texts));

/// The same, escaped for HTML once: escaping the interface text again on every page was a
/// fifth of a page that reads nothing from the database.
static PLAIN_HTML: LazyLock<[Texts; 3]> = LazyLock::new(|| {
    PLAIN.each_ref().map(|texts| {
        texts
            .iter()
            .map(|(key, text)| (key.clone(), Cow::Owned(escaped(text))))
            .collect()
    })
});

fn escaped(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|escaped| escaped.to_string())
        .unwrap_or_default()
}

fn plain_texts(lang: Lang) -> Texts {
    let bundle = lang.bundle();
    let mut texts = Texts::default();
    for source in sources(lang) {
        let Ok(resource) = FluentResource::try_new(source.to_owned()) else {
            continue;
        };
        for entry in resource.entries() {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = bundle
                .get_message(message.id.name)
                .and_then(|message| message.value())
            else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            // A message that wanted arguments is left to `lookup`, which is given them.
            if errors.is_empty() {
                texts.insert(message.id.name.to_owned(), text);
            }
        }
    }
    texts
}

/// Text a page writes: escaped already, or escaped as it is written.
pub enum HtmlText {
    Escaped(&'static str),
    Raw(Cow<'static, str>),
}

impl HtmlText {
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Escaped(text) => text.is_empty(),
            Self::Raw(text) => text.is_empty(),
        }
    }

    fn write_to<W: std::fmt::Write + ?Sized>(&self, out: &mut W) -> std::fmt::Result {
        match self {
            Self::Escaped(text) => out.write_str(text),
            Self::Raw(text) => askama::filters::Html.write_escaped_str(out, text),
        }
    }
}

crate::domain::written!(HtmlText);

// It escapes what needs escaping itself.
impl askama::filters::HtmlSafe for HtmlText {}

fn bundle(lang: Lang) -> Bundle {
    let id = lang.tag().parse().expect("the language tags are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around every placeable would end up inside attributes and URLs;
    // no message here mixes writing directions.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(grouped_number));
    for source in sources(lang) {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("a {} message file: {errors:?}", lang.tag()));
        bundle.add_resource(resource).unwrap_or_else(|errors| {
            panic!("a {} message is defined twice: {errors:?}", lang.tag())
        });
    }
    bundle
}

/// English, Malay (as Malaysia writes it) and Chinese all group the thousands of a number with a
/// comma and mark decimals with a point (CLDR), so one separator serves every language.
const THOUSANDS_SEPARATOR: char = ',';

/// How numbers read in messages: whole numbers with their thousands grouped ("12,500").
fn grouped_number<Memoizer>(value: &FluentValue<'_>, _: &Memoizer) -> Option<String> {
    match value {
        FluentValue::Number(number)
            if number.value.fract() == 0.0
                && number.value.abs() < 1e15
                && number.options.minimum_fraction_digits.is_none() =>
        {
            Some(group_thousands(number.value as i64))
        }
        _ => None,
    }
}

fn group_thousands(n: i64) -> String {
    // Written from the last digit back: a list page writes a number for every filter choice.
    let mut buffer = [0u8; 27];
    let mut start = buffer.len();
    let mut rest = n.unsigned_abs();
    let mut digits = 0;
    loop {
        if digits > 0 && digits % 3 == 0 {
            start -= 1;
            buffer[start] = THOUSANDS_SEPARATOR as u8;
        }
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        digits += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        start -= 1;
        buffer[start] = b'-';
    }
    String::from_utf8_lossy(&buffer[start..]).into_owned()
}

/// How many formatted counts (see `Lang::t_count`) one worker keeps; it forgets them all when it
/// has as many.
const COUNTED_KEPT: usize = 4096;

/// Formatted counts by language, message and count.
type Counted = HashMap<(Lang, &'static str, i64), Rc<str>, foldhash::fast::FixedState>;

thread_local! {
    static COUNTED: RefCell<Counted> = RefCell::default();
}

impl Lang {
    fn bundle(self) -> &'static Bundle {
        &BUNDLES[self.index()]
    }

    /// The message `key`, if it takes no arguments, in this language or else in English.
    fn plain(self, key: &str) -> Option<&'static str> {
        self.plain_in(&PLAIN, key)
    }

    fn plain_in(self, texts: &'static [Texts; 3], key: &str) -> Option<&'static str> {
        [self, Lang::En]
            .into_iter()
            .find_map(|lang| texts[lang.index()].get(key))
            .map(|text| &**text)
    }

    /// The message `key` with `args`, in this language or else in English; `None` if no
    /// language has it.
    fn lookup(self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<Cow<'static, str>> {
        [self, Lang::En].into_iter().find_map(|lang| {
            let bundle = lang.bundle();
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            Some(bundle.format_pattern(pattern, args, &mut errors))
        })
    }

    /// The interface message `key` in this language; the empty key is the empty text (a field
    /// without a hint). A key no language has (which the tests rule out) shows as itself
    /// rather than failing the page.
    pub fn t(self, key: &str) -> Cow<'static, str> {
        if key.is_empty() {
            return Cow::Borrowed("");
        }
        self.try_t(key)
            .unwrap_or_else(|| Cow::Owned(key.to_owned()))
    }

    /// The interface message `key` as a page writes it: escaped ahead of time where it takes no
    /// arguments, left for the template to escape where it does.
    pub fn t_html(self, key: &str) -> HtmlText {
        match self.plain_in(&PLAIN_HTML, key) {
            Some(escaped) => HtmlText::Escaped(escaped),
            None => HtmlText::Raw(self.t(key)),
        }
    }

    /// The message `key` if some language has it.
    pub fn try_t(self, key: &str) -> Option<Cow<'static, str>> {
        match self.plain(key) {
            Some(text) => Some(Cow::Borrowed(text)),
            None => self.lookup(key, None),
        }
    }

    /// The interface message `key` about `count` things ("12,500 records"). Each is formatted
    /// once per worker: Fluent picks the plural form by writing the number out and reading it
    /// back, which cost a page of counts (the home page's areas) a tenth of its time.
    pub fn t_count(self, key: &'static str, count: i64) -> Rc<str> {
        COUNTED.with(|counted| {
            let mut counted = counted.borrow_mut();
            if let Some(text) = counted.get(&(self, key, count)) {
                return text.clone();
            }
            if counted.len() >= COUNTED_KEPT {
                counted.clear();
            }
            let text: Rc<str> = self.t_with(key, &[("count", count.into())]).into();
            counted.insert((self, key, count), text.clone());
            text
        })
    }

    /// The interface message `key` with its arguments filled in.
    pub fn t_with(self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.lookup(key, Some(&fluent))
            .map_or_else(|| key.to_owned(), Cow::into_owned)
    }

    /// The name of a vocabulary value (`term("status", "in_force")`: the message
    /// `status-in_force`) in this language.
    pub fn term(self, group: &str, value: &str) -> Cow<'static, str> {
        with_joined(group, value, |key| self.t(key))
    }

    /// The name of a value of an open vocabulary (the actions of the audit log), or the value
    /// itself where it has none.
    pub fn term_or_value(self, group: &str, value: &str) -> Cow<'static, str> {
        with_joined(group, value, |key| self.try_t(key))
            .unwrap_or_else(|| Cow::Owned(value.to_owned()))
    }

    /// The label of the form field `field`: the message `field-<field>`, or the field's name in
    /// words where there is none.
    /// A field that holds another language's text (`title_ms`) is labelled by its English
    /// field's label and the language: "Title in Malay".
    pub fn field_label(self, field: &str) -> Cow<'static, str> {
        if let Some(label) = with_joined("field", field, |key| self.try_t(key)) {
            return label;
        }
        let translated = Lang::ALL.into_iter().find_map(|lang| {
            let base = field.strip_suffix(&format!("_{}", lang.code()))?;
            (lang != Lang::En).then_some((base, lang))
        });
        match translated {
            Some((base, lang)) => Cow::Owned(self.t_with(
                "field-in-language",
                &[
                    ("field", self.field_label(base).into()),
                    ("language", lang.name_in(self).into()),
                ],
            )),
            None => Cow::Owned(field.replace('_', " ")),
        }
    }

    /// `message` in this language.
    pub fn say(self, message: &Message) -> String {
        let mut args = FluentArgs::with_capacity(message.args().len());
        for (name, arg) in message.args() {
            let value: FluentValue<'_> = match arg {
                Arg::Text(text) => text.as_str().into(),
                Arg::Number(number) => (*number).into(),
                Arg::Field(field) => self.field_label(field).into(),
                Arg::Message(inner) => self.say(inner).into(),
            };
            args.set(*name, value);
        }
        self.lookup(message.key(), Some(&args))
            .map_or_else(|| message.key().to_owned(), Cow::into_owned)
    }

    /// A whole number as this language writes it: `12,500`.
    pub fn number(self, n: impl Into<i64>) -> String {
        group_thousands(n.into())
    }

    /// The size of a file, in bytes, kilobytes or megabytes as fits.
    pub fn file_size(self, bytes: impl Into<i64>) -> String {
        let bytes = bytes.into();
        let tenths = |unit: i64| format!("{:.1}", bytes as f64 / unit as f64);
        match bytes {
            ..1_000 => self.t_with("file-size-bytes", &[("count", bytes.into())]),
            1_000..1_000_000 => self.t_with("file-size-kb", &[("size", tenths(1_000).into())]),
            _ => self.t_with("file-size-mb", &[("size", tenths(1_000_000).into())]),
        }
    }
}

/// Runs `f` on `group-value`, joined without allocating when the key is short, as vocabulary
/// keys are.
fn with_joined<R>(group: &str, value: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 96];
    let length = group.len() + 1 + value.len();
    match buffer.get_mut(..length) {
        Some(key) => {
            key[..group.len()].copy_from_slice(group.as_bytes());
            key[group.len()] = b'-';
            key[group.len() + 1..].copy_from_slice(value.as_bytes());
            f(std::str::from_utf8(key).expect("joined from two strings and a hyphen"))
        }
        None => f(&format!("{group}-{value}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_messages_are_borrowed_not_built() {
        assert!(matches!(
            Lang::Ms.t("nav-home"),
            Cow::Borrowed("Laman utama")
        ));
        assert!(matches!(
            Lang::Zh.term("status", "signed"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_page_writes_each_message_escaped_once() {
        for lang in Lang::ALL {
            for key in PLAIN[lang.index()].keys() {
                assert_eq!(lang.t_html(key).to_string(), escaped(&lang.t(key)), "{key}");
            }
        }
        assert!(
            PLAIN[Lang::En.index()]
                .values()
                .any(|text| text.contains('\'')),
            "some message has a character to escape"
        );
        assert_eq!(
            HtmlText::Raw(Cow::Borrowed("R&D <b>")).to_string(),
            "R&#38;D &#60;b&#62;"
        );
    }

    #[test]
    fn numbers_group_their_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(-1_234_567), "-1,234,567");
        assert_eq!(Lang::Zh.number(100_000), "100,000");
        assert_eq!(
            Lang::En.t_with("records-count", &[("count", 12_500.into())]),
            "12,500 records"
        );
    }

    #[test]
    fn file_sizes_pick_their_unit() {
        assert_eq!(Lang::En.file_size(1), "1 byte");
        assert_eq!(Lang::En.file_size(2_500), "2.5 KB");
        assert_eq!(Lang::Zh.file_size(3_200_000), "3.2 MB");
    }

    #[test]
    fn a_message_puts_its_arguments_into_words_in_its_language() {
        let reason = Message::new("invalid-too-long").number("max", 300);
        let sentence = Message::new("form-error")
            .field("field", "title")
            .message("reason", reason);
        assert_eq!(
            Lang::En.say(&sentence),
            "Title must be at most 300 characters."
        );
        assert_eq!(Lang::Zh.say(&sentence), "标题不得超过 300 个字符。");
    }

    #[test]
    fn an_unknown_key_shows_as_itself_and_an_unknown_term_as_its_value() {
        assert_eq!(Lang::Ms.t("no-such-key"), "no-such-key");
        assert_eq!(
            Lang::Ms.term_or_value("audit-action", "frobnicate"),
            "frobnicate"
        );
        assert_eq!(Lang::En.field_label("no_such_field"), "no such field");
        assert_eq!(Lang::En.field_label("title_ms"), "Title in Malay");
        assert_eq!(Lang::Zh.field_label("body_zh"), "中文正文（Markdown）");
    }

    #[test]
    fn long_vocabulary_keys_are_joined_too() {
        let long = "x".repeat(200);
        assert_eq!(with_joined("group", &long, str::len), 206);
    }
}
