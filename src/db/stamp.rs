//! Times and days as SQLite holds them (`2024-04-28 09:30:00`, sometimes with a fraction of a
//! second; `2024-04-28`), read by hand. Diesel reads them with chrono's general format parser,
//! a timestamp trying one format after another: the publication times of a page of twenty
//! statements cost more than the rest of their rows, and the two days of each visit a tenth of
//! a page of delegations. A field keeps its `NaiveDateTime` or `NaiveDate` and is read through
//! these with `#[diesel(deserialize_as = Stamp)]` (`MaybeStamp` where it may be `NULL`, `Day`
//! and `MaybeDay` for a day); a tuple names them in its type and converts them.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::sql_types::{Date, Nullable, Timestamp};
use diesel::sqlite::{Sqlite, SqliteValue};

/// `$name` reads a `$sql` column into a `$value` with `$parse`, and `$maybe` a nullable one;
/// any other form the value may have been written in is read as diesel reads it.
macro_rules! read_by_hand {
    ($name:ident, $maybe:ident, $value:ty, $sql:ty, $parse:path) => {
        #[derive(Debug, FromSqlRow)]
        pub struct $name($value);

        #[derive(Debug, FromSqlRow)]
        pub struct $maybe(Option<$value>);

        impl From<$name> for $value {
            fn from(read: $name) -> Self {
                read.0
            }
        }

        impl From<$maybe> for Option<$value> {
            fn from(read: $maybe) -> Self {
                read.0
            }
        }

        impl FromSql<$sql, Sqlite> for $name {
            fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
                if let Some(read) = $parse(value.read_text()) {
                    return Ok($name(read));
                }
                <$value as FromSql<$sql, Sqlite>>::from_sql(value).map($name)
            }
        }

        impl FromSql<Nullable<$sql>, Sqlite> for $maybe {
            fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
                $name::from_sql(value).map(|read| $maybe(Some(read.0)))
            }

            fn from_nullable_sql(
                value: Option<SqliteValue<'_, '_, '_>>,
            ) -> deserialize::Result<Self> {
                value.map_or(Ok($maybe(None)), Self::from_sql)
            }
        }
    };
}

read_by_hand!(Stamp, MaybeStamp, NaiveDateTime, Timestamp, parse);
read_by_hand!(Day, MaybeDay, NaiveDate, Date, parse_day);

/// The decimal number written in `bytes[from..to]`, if that is all digits.
fn number(bytes: &[u8], from: usize, to: usize) -> Option<u32> {
    bytes.get(from..to)?.iter().try_fold(0, |n, byte| {
        byte.is_ascii_digit()
            .then(|| n * 10 + u32::from(byte - b'0'))
    })
}

/// The day `YYYY-MM-DD` that `bytes` start with.
fn day_at_start(bytes: &[u8]) -> Option<NaiveDate> {
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(number(bytes, 0, 4)?).ok()?,
        number(bytes, 5, 7)?,
        number(bytes, 8, 10)?,
    )
}

/// `YYYY-MM-DD`; `None` for anything else.
fn parse_day(text: &str) -> Option<NaiveDate> {
    (text.len() == 10).then(|| day_at_start(text.as_bytes()))?
}

/// `YYYY-MM-DD HH:MM:SS` (or with a `T` between), with up to nine digits of a fraction of a
/// second; `None` for anything else.
fn parse(text: &str) -> Option<NaiveDateTime> {
    let bytes = text.as_bytes();
    let separated = matches!(bytes.get(10), Some(b' ' | b'T'))
        && bytes.get(13) == Some(&b':')
        && bytes.get(16) == Some(&b':');
    if !separated {
        return None;
    }
    let nanoseconds = match bytes.get(19..) {
        Some([]) => 0,
        Some([b'.', digits @ ..]) if (1..=9).contains(&digits.len()) => {
            number(bytes, 20, bytes.len())? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(
        number(bytes, 11, 13)?,
        number(bytes, 14, 16)?,
        number(bytes, 17, 19)?,
        nanoseconds,
    )?;
    Some(day_at_start(bytes)?.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    #[test]
    fn reads_what_sqlite_and_diesel_write() {
        assert_eq!(
            parse("2024-04-28 09:30:00"),
            Some(at("2024-04-28 09:30:00"))
        );
        assert_eq!(
            parse("2024-04-28 09:30:00.123456"),
            Some(at("2024-04-28 09:30:00.123456"))
        );
        assert_eq!(
            parse("2024-04-28T09:30:05.5"),
            Some(at("2024-04-28 09:30:05.5"))
        );
    }

    #[test]
    fn leaves_other_forms_to_diesel() {
        for text in [
            "2024-04-28 09:30",
            "2024-04-28 09:30:00Z",
            "2024-04-28 09:30:00+08:00",
            "2024-04-28 09:30:00.",
            "2024-02-30 09:30:00",
            "2024-04-28 25:30:00",
            "20x4-04-28 09:30:00",
            "2460428.5",
            "",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn reads_a_day_as_sqlite_and_diesel_write_it() {
        assert_eq!(
            parse_day("2024-04-28"),
            NaiveDate::from_ymd_opt(2024, 4, 28)
        );
        assert_eq!(
            parse_day("0999-12-31"),
            NaiveDate::from_ymd_opt(999, 12, 31)
        );
    }

    #[test]
    fn leaves_other_forms_of_a_day_to_diesel() {
        for text in [
            "2024-4-28",
            "2024-04-28 09:30:00",
            "2024-02-30",
            "2024-13-01",
            "2024/04/28",
            "20x4-04-28",
            "2024-04-2x",
            "+2024-04-28",
            "2024-04-28\n",
            "",
        ] {
            assert_eq!(parse_day(text), None, "{text}");
        }
    }
}
