use super::InvalidInput;
use super::Message;

/// An ISO 3166-1 alpha-2 country code, kept in upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        match input.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Self([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(InvalidInput::because(
                "country",
                Message::new("invalid-country-code"),
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters, checked in `parse`.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

super::written!(CountryCode, |code| code.as_str());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_to_upper_case() {
        assert_eq!(CountryCode::parse("my").unwrap().as_str(), "MY");
    }

    #[test]
    fn anything_but_two_letters_is_refused() {
        for bad in ["", "M", "MYS", "M1", "中国", "M "] {
            assert!(CountryCode::parse(bad).is_err(), "{bad:?}");
        }
    }
}
