use super::InvalidInput;
use super::Message;
use chrono::{Datelike, NaiveDate};
// Writing dates in a reader's language, and storing them, are the server's (feature `server`);
// parsing them is not.
#[cfg(feature = "server")]
use super::Lang;
#[cfg(feature = "server")]
use diesel::{
    deserialize::{self, FromSql, FromSqlRow},
    expression::AsExpression,
    serialize::{self, IsNull, Output, ToSql},
    sql_types::Text,
    sqlite::{Sqlite, SqliteValue},
};
use std::fmt;

/// A date known to the day, the month or only the year: the record says no more than its source.
/// Stored as ISO 8601 text (`2024`, `2024-04`, `2024-04-25`), which sorts and range-filters
/// correctly as plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(
    feature = "server",
    derive(AsExpression, FromSqlRow),
    diesel(sql_type = Text)
)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

#[cfg(feature = "server")]
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(feature = "server")]
const MONTHS_MS: [&str; 12] = [
    "Januari",
    "Februari",
    "Mac",
    "April",
    "Mei",
    "Jun",
    "Julai",
    "Ogos",
    "September",
    "Oktober",
    "November",
    "Disember",
];

/// The name of month `month0` (0 for January) where the language names months; Chinese
/// numbers them instead.
#[cfg(feature = "server")]
fn month_name(lang: Lang, month0: u32) -> &'static str {
    match lang {
        Lang::Ms => MONTHS_MS[month0 as usize],
        Lang::En | Lang::Zh => MONTHS[month0 as usize],
    }
}

impl PartialDate {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        let invalid = || InvalidInput::because("date", Message::new("invalid-partial-date"));
        let year = |s: &str| -> Result<i32, InvalidInput> {
            match s.parse::<i32>() {
                Ok(y) if s.len() == 4 && (1900..=2199).contains(&y) => Ok(y),
                _ => Err(invalid()),
            }
        };
        match input.len() {
            4 => Ok(Self::Year(year(input)?)),
            7 if input.as_bytes()[4] == b'-' => {
                let month = input[5..].parse::<u32>().map_err(|_| invalid())?;
                if !(1..=12).contains(&month) || !input[5..].bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid());
                }
                Ok(Self::Month(year(&input[..4])?, month))
            }
            10 => {
                // `YYYY-MM-DD`, read by hand: chrono's format parser made reading a list's dates
                // a noticeable part of the list.
                let bytes = input.as_bytes();
                let digits = |range: std::ops::Range<usize>| {
                    bytes[range.clone()]
                        .iter()
                        .all(u8::is_ascii_digit)
                        .then(|| {
                            bytes[range]
                                .iter()
                                .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
                        })
                };
                let (Some(month), Some(day), b'-', b'-') =
                    (digits(5..7), digits(8..10), bytes[4], bytes[7])
                else {
                    return Err(invalid());
                };
                let day =
                    NaiveDate::from_ymd_opt(year(&input[..4])?, month, day).ok_or_else(invalid)?;
                Ok(Self::Day(day))
            }
            _ => Err(invalid()),
        }
    }

    pub fn year(&self) -> i32 {
        match self {
            Self::Year(y) | Self::Month(y, _) => *y,
            Self::Day(d) => d.year(),
        }
    }

    /// The ISO 8601 form, for `<time datetime>` and for storage.
    pub fn iso(&self) -> Iso {
        Iso(*self)
    }

    /// A number that orders dates as their ISO text does: a year before its months, a month
    /// before its days, and each before what follows it.
    pub fn chronological_key(&self) -> u32 {
        let (year, month, day) = match self {
            Self::Year(y) => (*y, 0, 0),
            Self::Month(y, m) => (*y, *m, 0),
            Self::Day(d) => (d.year(), d.month(), d.day()),
        };
        u32::try_from(year).unwrap_or(0) * 10_000 + month * 100 + day
    }
}

/// A date in its ISO 8601 form: `2024`, `2024-04` or `2024-04-25`, written where it is used.
pub struct Iso(PartialDate);

impl Iso {
    fn write_to<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        let mut text = Short::default();
        match self.0 {
            PartialDate::Year(y) => text.year(y),
            PartialDate::Month(y, m) => {
                text.year(y);
                text.push("-");
                text.number(m, 2);
            }
            PartialDate::Day(d) => {
                text.year(d.year());
                text.push("-");
                text.number(d.month(), 2);
                text.push("-");
                text.number(d.day(), 2);
            }
        }
        out.write_str(text.as_str())
    }
}

super::written!(Iso);

// Digits and hyphens only: nothing to escape.
#[cfg(feature = "server")]
impl askama::filters::HtmlSafe for Iso {}

/// A date's text built on the stack and written out in one piece: a list writes two for every
/// row, and each piece written goes through the page's escaping on its own.
#[derive(Default)]
struct Short {
    bytes: [u8; 32],
    len: usize,
}

impl Short {
    fn push(&mut self, text: &str) {
        self.push_bytes(text.as_bytes());
    }

    /// Only ever whole characters: text, or ASCII digits.
    fn push_bytes(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        if let Some(room) = self.bytes.get_mut(self.len..end) {
            room.copy_from_slice(bytes);
            self.len = end;
        }
    }

    /// `n` in decimal, with leading zeros to `width` digits.
    fn number(&mut self, mut n: u32, width: usize) {
        let mut digits = [b'0'; 10];
        let mut start = digits.len();
        while n > 0 || digits.len() - start < width.clamp(1, 10) {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.push_bytes(&digits[start..]);
    }

    /// `n` with its sign, and at least `width` digits.
    fn signed(&mut self, n: i32, width: usize) {
        if n < 0 {
            self.push("-");
        }
        self.number(n.unsigned_abs(), width);
    }

    fn year(&mut self, year: i32) {
        self.signed(year, 4);
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(day: NaiveDate) -> Self {
        Self::Day(day)
    }
}

/// Reads as people write dates: "25 April 2024", "April 2024", "2024".
#[cfg(feature = "server")]
impl PartialDate {
    /// As a reader of `lang` writes it: "4 October 2013", "4 Oktober 2013", "2013年10月4日".
    pub fn format(&self, lang: Lang) -> Formatted {
        self.format_until(None, lang)
    }

    /// As `format`, and for a day followed by a later `until`, the span of days as a heading
    /// shows it: "24–28 April 2024", "30 April – 2 May 2024", "2024年4月24日至28日".
    pub fn format_until(&self, until: Option<NaiveDate>, lang: Lang) -> Formatted {
        Formatted {
            date: *self,
            until,
            lang,
        }
    }
}

/// The days from `start` to `end` as a heading shows them (see `PartialDate::format_until`).
#[cfg(feature = "server")]
pub fn format_day_range(start: NaiveDate, end: NaiveDate, lang: Lang) -> Formatted {
    PartialDate::Day(start).format_until(Some(end), lang)
}

/// A date, or a span of days, as a reader of a language writes it (see `PartialDate::format`
/// and `PartialDate::format_until`), written where it is used: lists show dozens of them.
#[cfg(feature = "server")]
#[derive(Clone, Copy)]
pub struct Formatted {
    date: PartialDate,
    until: Option<NaiveDate>,
    lang: Lang,
}

#[cfg(feature = "server")]
impl Formatted {
    /// The date for a `<time datetime>`: a span of days is given by its first.
    pub fn iso(&self) -> Iso {
        self.date.iso()
    }

    fn write_to<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        match (self.date, self.until) {
            (PartialDate::Day(start), Some(end)) if end != start => {
                write_day_range(start, end, self.lang, out)
            }
            (date, _) => write_date(date, self.lang, out),
        }
    }
}

#[cfg(feature = "server")]
fn write_date<W: fmt::Write + ?Sized>(date: PartialDate, lang: Lang, out: &mut W) -> fmt::Result {
    let mut text = Short::default();
    let (year, month, day) = match date {
        PartialDate::Year(y) => (y, None, None),
        PartialDate::Month(y, m) => (y, Some(m), None),
        PartialDate::Day(d) => (d.year(), Some(d.month()), Some(d.day())),
    };
    if lang == Lang::Zh {
        text.signed(year, 1);
        text.push("年");
        if let Some(month) = month {
            text.number(month, 1);
            text.push("月");
        }
        if let Some(day) = day {
            text.number(day, 1);
            text.push("日");
        }
    } else {
        if let Some(day) = day {
            text.number(day, 1);
            text.push(" ");
        }
        if let Some(month) = month {
            text.push(month_name(lang, month - 1));
            text.push(" ");
        }
        text.signed(year, 1);
    }
    out.write_str(text.as_str())
}

/// The days from `start` to a later `end`, what they share said once.
#[cfg(feature = "server")]
fn write_day_range<W: fmt::Write + ?Sized>(
    start: NaiveDate,
    end: NaiveDate,
    lang: Lang,
    out: &mut W,
) -> fmt::Result {
    let mut text = Short::default();
    if start.year() != end.year() {
        write_date(PartialDate::Day(start), lang, out)?;
        out.write_str(if lang == Lang::Zh { "至" } else { " – " })?;
        return write_date(PartialDate::Day(end), lang, out);
    }
    if lang == Lang::Zh {
        write_date(PartialDate::Day(start), lang, out)?;
        text.push("至");
        if start.month() != end.month() {
            text.number(end.month(), 1);
            text.push("月");
        }
        text.number(end.day(), 1);
        text.push("日");
        return out.write_str(text.as_str());
    }
    text.number(start.day(), 1);
    if start.month() == end.month() {
        text.push("–");
        out.write_str(text.as_str())?;
    } else {
        text.push(" ");
        out.write_str(text.as_str())?;
        out.write_str(month_name(lang, start.month0()))?;
        out.write_str(" – ")?;
    }
    write_date(PartialDate::Day(end), lang, out)
}

#[cfg(feature = "server")]
super::written!(Formatted);

// Digits, the portal's own month names and 年月日: nothing to escape
// (`formatted_dates_have_nothing_to_escape`).
#[cfg(feature = "server")]
impl askama::filters::HtmlSafe for Formatted {}

#[cfg(feature = "server")]
impl PartialDate {
    fn write_to<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        self.format(Lang::En).write_to(out)
    }
}

#[cfg(feature = "server")]
super::written!(PartialDate);

/// As its ISO 8601 form: `"2024"`, `"2024-04"` or `"2024-04-25"`.
impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.iso())
    }
}

#[cfg(feature = "server")]
impl FromSql<Text, Sqlite> for PartialDate {
    fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        Ok(Self::parse(value.read_text())?)
    }
}

#[cfg(feature = "server")]
impl ToSql<Text, Sqlite> for PartialDate {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.iso().to_string());
        Ok(IsNull::No)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chronological_key_orders_dates_as_their_iso_text() {
        let dates = [
            "2023-12-31",
            "2024",
            "2024-04",
            "2024-04-01",
            "2024-04-29",
            "2024-05",
        ];
        let keys: Vec<u32> = dates
            .iter()
            .map(|d| PartialDate::parse(d).unwrap().chronological_key())
            .collect();
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
    }

    #[cfg(feature = "server")]
    #[test]
    fn formatted_dates_have_nothing_to_escape() {
        for lang in Lang::ALL {
            for month in 1..=12 {
                for (date, written) in [
                    PartialDate::Day(day(2024, month, 28)),
                    PartialDate::Month(-2024, month),
                ]
                .map(|date| (date, date.format(lang).to_string()))
                .into_iter()
                .chain([(
                    PartialDate::Day(day(2024, month, 1)),
                    format_day_range(day(2024, month, 1), day(2025, month, 28), lang).to_string(),
                )]) {
                    let escaped = askama::filters::escape(&written, askama::filters::Html)
                        .unwrap()
                        .to_string();
                    assert_eq!(written, escaped);
                    let iso = date.iso().to_string();
                    assert!(
                        iso.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
                        "{iso}"
                    );
                }
            }
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_precision_round_trips_through_its_iso_form() {
        for text in ["2013", "2024-04", "2013-10-04"] {
            assert_eq!(PartialDate::parse(text).unwrap().iso().to_string(), text);
        }
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(
            PartialDate::parse("2013-10-04").unwrap().to_string(),
            "4 October 2013"
        );
        assert_eq!(
            PartialDate::parse("2024-04").unwrap().to_string(),
            "April 2024"
        );
        assert_eq!(PartialDate::parse("2024").unwrap().to_string(), "2024");
    }

    #[test]
    fn dates_read_in_the_readers_language() {
        let signed = PartialDate::Day(day(2013, 10, 4));
        assert_eq!(signed.format(Lang::Ms).to_string(), "4 Oktober 2013");
        assert_eq!(signed.format(Lang::Zh).to_string(), "2013年10月4日");
        assert_eq!(
            PartialDate::Month(2024, 8).format(Lang::Ms).to_string(),
            "Ogos 2024"
        );
        assert_eq!(
            PartialDate::Month(2024, 8).format(Lang::Zh).to_string(),
            "2024年8月"
        );
        assert_eq!(
            PartialDate::Year(2024).format(Lang::Zh).to_string(),
            "2024年"
        );
        assert_eq!(
            PartialDate::Day(day(2024, 1, 5)).iso().to_string(),
            "2024-01-05"
        );
        assert_eq!(
            format_day_range(day(2024, 4, 24), day(2024, 4, 28), Lang::Zh).to_string(),
            "2024年4月24日至28日"
        );
        assert_eq!(
            format_day_range(day(2024, 4, 30), day(2024, 5, 2), Lang::Ms).to_string(),
            "30 April – 2 Mei 2024"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "",
            "24",
            "2024-13",
            "2024-00",
            "2024-02-30",
            "20x4",
            "2024-4",
            "1800",
            "2024-+4",
            "2024-04-+5",
            "2024/04/05",
            "2024-4-005",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_span_of_days_is_dated_by_its_first_day() {
        let span = format_day_range(day(2024, 4, 30), day(2024, 5, 2), Lang::En);
        assert_eq!(span.iso().to_string(), "2024-04-30");
        let month = PartialDate::Month(2024, 4).format(Lang::Zh);
        assert_eq!(month.iso().to_string(), "2024-04");
    }

    #[test]
    fn ranges_say_the_shared_month_once() {
        for (start, end, lang, written) in [
            ("2024-04-24", "2024-04-28", Lang::En, "24–28 April 2024"),
            (
                "2024-04-30",
                "2024-05-02",
                Lang::En,
                "30 April – 2 May 2024",
            ),
            (
                "2024-12-30",
                "2025-01-02",
                Lang::En,
                "30 December 2024 – 2 January 2025",
            ),
            ("2024-04-24", "2024-04-24", Lang::En, "24 April 2024"),
            (
                "2024-04-30",
                "2024-05-02",
                Lang::Zh,
                "2024年4月30日至5月2日",
            ),
            (
                "2024-12-30",
                "2025-01-02",
                Lang::Zh,
                "2024年12月30日至2025年1月2日",
            ),
            (
                "2024-12-30",
                "2025-01-02",
                Lang::Ms,
                "30 Disember 2024 – 2 Januari 2025",
            ),
        ] {
            let (start, end) = (start.parse().unwrap(), end.parse().unwrap());
            assert_eq!(format_day_range(start, end, lang).to_string(), written);
        }
    }
}
