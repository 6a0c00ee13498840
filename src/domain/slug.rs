use super::InvalidInput;
use super::Message;

const MAX_LEN: usize = 120;

/// The unique, URL-safe name of a record: lowercase ASCII letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        let refuse = |why: Message| Err(InvalidInput::because("slug", why));
        if input.is_empty() {
            return refuse(Message::new("invalid-empty"));
        }
        if input.len() > MAX_LEN {
            return refuse(Message::new("invalid-too-long").number("max", MAX_LEN as i64));
        }
        if !input
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return refuse(Message::new("invalid-slug-characters"));
        }
        if input.starts_with('-') || input.ends_with('-') || input.contains("--") {
            return refuse(Message::new("invalid-slug-hyphens"));
        }
        Ok(Self(input.to_owned()))
    }

    /// A slug made from a title: letters and digits kept (accents dropped), the rest folded into
    /// hyphens. Titles with no ASCII letters or digits at all (a Chinese title) give `None`.
    pub fn from_title(title: &str) -> Option<Self> {
        let mut slug = String::with_capacity(title.len());
        for c in title.chars().flat_map(fold_accent) {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        slug.truncate(MAX_LEN);
        let trimmed = slug.trim_end_matches('-');
        Self::parse(trimmed).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    };
    std::iter::once(folded)
}

super::written!(Slug, |slug| slug.as_str());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lowercase_words_joined_by_hyphens() {
        assert_eq!(
            Slug::parse("mimos-cetc-2024").unwrap().as_str(),
            "mimos-cetc-2024"
        );
    }

    #[test]
    fn refuses_anything_that_could_escape_a_path() {
        for bad in [
            "", "../etc", "a/b", "A", "a--b", "-a", "a-", "a b", "a%2e", "ä",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(Slug::parse(&"a".repeat(121)).is_err());
    }

    #[test]
    fn titles_become_readable_slugs() {
        let slug = Slug::from_title("3rd Joint Committee Meeting (JCM) on STI — Beijing!").unwrap();
        assert_eq!(
            slug.as_str(),
            "3rd-joint-committee-meeting-jcm-on-sti-beijing"
        );
        assert_eq!(
            Slug::from_title("Kerjasama Sains é").unwrap().as_str(),
            "kerjasama-sains-e"
        );
    }

    #[test]
    fn a_title_without_latin_letters_gives_no_slug() {
        assert_eq!(Slug::from_title("中马科技合作"), None);
    }
}
