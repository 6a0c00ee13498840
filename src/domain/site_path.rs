use super::InvalidInput;
use super::{Lang, Message};

/// A page of this site to send a reader to (`/mous?year=2024`): a path with its query, never an
/// address of another site. Browsers read `//host`, `/\host` and `\\host` as other sites, and
/// anything with a scheme is one, so none of those is a site path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePath(String);

const MAX_LEN: usize = 2_000;

impl SitePath {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        let local = input.starts_with('/')
            && !input.starts_with("//")
            && input.len() <= MAX_LEN
            && !input
                .chars()
                .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
        if local {
            Ok(Self(input.to_owned()))
        } else {
            Err(InvalidInput::because(
                "next",
                Message::new("invalid-site-path"),
            ))
        }
    }

    /// The path without its query.
    pub fn path(&self) -> &str {
        self.0.split_once('?').map_or(&self.0, |(path, _)| path)
    }

    /// The same page in `lang`, whatever language the path was in.
    pub fn in_language(&self, lang: Lang) -> String {
        let (path, query) = match self.0.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (self.0.as_str(), None),
        };
        let page = lang.href(Lang::split_path(path).1);
        match query {
            Some(query) => format!("{page}?{query}"),
            None => page,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_are_site_paths() {
        for good in [
            "/",
            "/mous?year=2024",
            "/ms/staff/statements/3/edit?done=saved",
        ] {
            assert!(SitePath::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "mous",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "javascript:alert(1)",
            "/mous\r\nSet-Cookie: x=1",
            "/a b",
            "/\u{0}",
        ] {
            assert!(SitePath::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_site_path_moves_into_any_language() {
        let path = SitePath::parse("/ms/mous?year=2024").unwrap();
        assert_eq!(path.in_language(Lang::Zh), "/zh/mous?year=2024");
        assert_eq!(path.in_language(Lang::En), "/mous?year=2024");
        assert_eq!(
            SitePath::parse("/zh/").unwrap().in_language(Lang::Ms),
            "/ms/"
        );
        assert_eq!(SitePath::parse("/").unwrap().in_language(Lang::En), "/");
        assert_eq!(path.path(), "/ms/mous");
    }
}
