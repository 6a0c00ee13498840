use super::InvalidInput;
use std::fmt;

/// Where the public reaches the portal (`https://sti.example.my`), without a trailing slash, so
/// that feeds, the sitemap, canonical links and linked data can give absolute URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        let refuse = |why: &str| Err(InvalidInput::new("public URL", why));
        let trimmed = input.trim().trim_end_matches('/');
        let Some(rest) = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
        else {
            return refuse("must start with http:// or https://");
        };
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return refuse("must name a host, as in https://sti.example.my");
        }
        if trimmed.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '"' | '<' | '>')
        }) {
            return refuse("may not hold spaces, a query or a fragment");
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The absolute URL of a path of the portal (`/mous/x`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The host (and port), which names the portal in identifiers such as calendar UIDs.
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map_or(self.0.as_str(), |(_, r)| r);
        rest.split('/').next().unwrap_or(rest)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for PublicUrl {
    fn default() -> Self {
        Self("http://127.0.0.1:8080".to_owned())
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for PublicUrl {
    type Err = InvalidInput;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_slash_is_dropped_and_paths_join() {
        let url = PublicUrl::parse("https://sti.example.my/portal/").unwrap();
        assert_eq!(url.join("/mous"), "https://sti.example.my/portal/mous");
        assert_eq!(url.host(), "sti.example.my");
    }

    #[test]
    fn only_plain_http_urls_are_accepted() {
        for bad in [
            "",
            "sti.example.my",
            "ftp://x",
            "https://",
            "https://a b",
            "https://x/?q=1",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad:?}");
        }
    }
}
