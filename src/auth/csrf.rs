//! Cross-site request forgery: every state-changing form carries a token that only the portal's
//! own pages know, and requests from other sites are refused.

use actix_web::HttpRequest;
use actix_web::http::header;
use subtle::ConstantTimeEq;

/// The cookie that carries the login form's token before there is a session.
pub const LOGIN_CSRF_COOKIE: &str = "sti_login_csrf";

/// Compares in constant time, so the comparison does not leak how much of a guess was right.
pub fn tokens_match(expected: &str, given: &str) -> bool {
    !expected.is_empty() && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

/// Whether the request says it comes from another site: an `Origin` (or, without one, a
/// `Sec-Fetch-Site`) that is not this host.
pub fn is_cross_site(request: &HttpRequest) -> bool {
    let host = request.connection_info().host().to_owned();
    if let Some(origin) = request.headers().get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let origin_host = origin
            .split_once("://")
            .map_or("", |(_, rest)| rest.trim_end_matches('/'));
        return origin == "null" || !origin_host.eq_ignore_ascii_case(&host);
    }
    request
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| site == "cross-site")
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn tokens_match_only_when_equal_and_present() {
        assert!(tokens_match("abc", "abc"));
        assert!(!tokens_match("abc", "abd"));
        assert!(!tokens_match("abc", ""));
        assert!(!tokens_match("", ""));
    }

    #[test]
    fn another_origin_is_cross_site() {
        let request = |origin: &str| {
            TestRequest::default()
                .insert_header((header::HOST, "portal.example"))
                .insert_header((header::ORIGIN, origin))
                .to_http_request()
        };
        assert!(!is_cross_site(&request("https://portal.example")));
        assert!(is_cross_site(&request("https://evil.example")));
        assert!(is_cross_site(&request(
            "https://portal.example.evil.example"
        )));
        assert!(is_cross_site(&request("null")));
    }

    #[test]
    fn without_an_origin_the_fetch_metadata_decides() {
        let request = |site: Option<&str>| {
            let mut request =
                TestRequest::default().insert_header((header::HOST, "portal.example"));
            if let Some(site) = site {
                request = request.insert_header(("sec-fetch-site", site));
            }
            request.to_http_request()
        };
        assert!(!is_cross_site(&request(None)));
        assert!(!is_cross_site(&request(Some("same-origin"))));
        assert!(is_cross_site(&request(Some("cross-site"))));
    }
}
