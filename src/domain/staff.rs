//! Staff accounts: the names and passwords people log in with.

use super::InvalidInput;
use super::Message;
use std::fmt;

/// A login name: 3 to 32 lowercase letters, digits, dots, hyphens or underscores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        let name = input.trim();
        let valid_chars = name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_')
        });
        if !(3..=32).contains(&name.len()) || !valid_chars {
            return Err(InvalidInput::because(
                "username",
                Message::new("invalid-username"),
            ));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_BYTES: usize = 1024;

/// A new password that is long enough. Its `Debug` output hides it, so it never reaches a log.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        if input.chars().count() < MIN_PASSWORD_CHARS {
            return Err(InvalidInput::because(
                "password",
                Message::new("invalid-password-short").number("min", MIN_PASSWORD_CHARS as i64),
            ));
        }
        if input.len() > MAX_PASSWORD_BYTES {
            return Err(InvalidInput::because(
                "password",
                Message::new("invalid-password-long").number("max", MAX_PASSWORD_BYTES as i64),
            ));
        }
        Ok(Self(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(hidden)")
    }
}

/// A person's name as staff pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        let name = input.trim();
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err(InvalidInput::because(
                "display_name",
                Message::new("invalid-display-name"),
            ));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_short_lowercase_words() {
        assert_eq!(
            Username::parse(" editor.one ").unwrap().as_str(),
            "editor.one"
        );
        for bad in ["ab", "Editor", "a b", "x'; --", &"a".repeat(33), "名字"] {
            assert!(Username::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_short_password_is_refused_with_the_minimum() {
        let error = Password::parse("eleven-char").unwrap_err();
        assert_eq!(error.field, "password");
        assert!(error.message.contains("12"));
        assert!(Password::parse("twelve-chars").is_ok());
        assert!(
            Password::parse("密码密码密码密码密码密码").is_ok(),
            "counted in characters"
        );
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let password = Password::parse("correct horse battery").unwrap();
        assert!(!format!("{password:?}").contains("horse"));
    }
}
