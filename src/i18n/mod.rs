//! The reader's language: which one a request is in (its path says so: English at the root,
//! Malay under `/ms`, Chinese under `/zh`), the interface messages of each (Fluent files in
//! `locales/`), and the first visit to `/` that follows the browser's `Accept-Language`.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::future::{Ready, ready};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around every placeable would end up inside attributes and
        // URLs; no message here mixes writing directions.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub use crate::domain::Lang;

/// The cookie that remembers a reader's explicit choice of language.
pub const COOKIE: &str = "lang";

/// What the portal says in each language: the interface messages of `locales/`.
impl Lang {
    /// The language's name as a reader of `reader` calls it ("Bahasa Inggeris", "英文").
    pub fn name_in(self, reader: Lang) -> String {
        reader.t(&format!("language-{}", self.code()))
    }

    fn identifier(self) -> LanguageIdentifier {
        self.tag().parse().expect("the language tags are valid")
    }

    /// The interface message `key` in this language.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.identifier(), key)
    }

    /// The name of a vocabulary value (a status, a kind) in this language.
    pub fn term(self, group: &str, value: &str) -> String {
        self.t(&format!("{group}-{value}"))
    }

    /// The interface message `key` with its arguments filled in.
    pub fn t_with(self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES.lookup_with_args(&self.identifier(), key, &args)
    }

    /// The language `Accept-Language` prefers among ours, if it names any of them.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut ranges: Vec<(f32, Lang)> = accept_language
            .split(',')
            .filter_map(|range| {
                let mut parts = range.trim().split(';');
                let tag = parts.next()?.trim().to_ascii_lowercase();
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                let primary = tag.split('-').next()?;
                let lang = match primary {
                    "en" => Lang::En,
                    "ms" | "zsm" => Lang::Ms,
                    "zh" | "cmn" => Lang::Zh,
                    _ => return None,
                };
                (quality > 0.0).then_some((quality, lang))
            })
            .collect();
        // Stable, so that of equal weights the first named wins.
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranges.first().map(|(_, lang)| *lang)
    }
}

/// The page being answered: its language and its path (in English form) with the query, so that
/// the layout can link the same page in every language.
#[derive(Debug, Clone, Default)]
pub struct CurrentPage {
    pub lang: Lang,
    pub path_and_query: String,
}

tokio::task_local! {
    static CURRENT: CurrentPage;
}

/// The language of the page being answered; English outside a request.
pub fn current_lang() -> Lang {
    CURRENT.try_with(|page| page.lang).unwrap_or_default()
}

/// The page being answered; English at `/` outside a request.
pub fn current() -> CurrentPage {
    CURRENT
        .try_with(Clone::clone)
        .unwrap_or_else(|_| CurrentPage {
            lang: Lang::En,
            path_and_query: "/".to_owned(),
        })
}

impl FromRequest for Lang {
    type Error = std::convert::Infallible;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Lang::split_path(request.path()).0))
    }
}

/// Where a request for `/` is sent: to the remembered or negotiated language, if not English.
fn first_visit_language(request: &ServiceRequest) -> Option<Lang> {
    if let Some(cookie) = request.cookie(COOKIE) {
        return Lang::from_code(cookie.value());
    }
    request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(Lang::negotiate)
}

/// Records the page's language for the layout and error pages; sends a first visit to `/` to
/// the reader's language (a URL with its own language is never redirected), and `/ms` to `/ms/`.
pub async fn middleware(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let path = request.path().to_owned();
    let (lang, rest) = Lang::split_path(&path);
    let redirect = if path == "/" {
        first_visit_language(&request)
            .filter(|l| *l != Lang::En)
            .map(|l| l.href("/"))
    } else if lang != Lang::En && !path.ends_with('/') && rest == "/" {
        Some(lang.href("/"))
    } else {
        None
    };
    if let Some(location) = redirect {
        let response = HttpResponse::Found()
            .insert_header((header::LOCATION, location))
            .insert_header((header::VARY, "Accept-Language, Cookie"))
            .finish();
        return Ok(request.into_response(response).map_into_right_body());
    }
    let query = request.query_string();
    let page = CurrentPage {
        lang,
        path_and_query: if query.is_empty() {
            rest.to_owned()
        } else {
            format!("{rest}?{query}")
        },
    };
    let mut response = CURRENT.scope(page, next.call(request)).await?;
    if path == "/" {
        // The root answers differently by browser language.
        response.headers_mut().insert(
            header::VARY,
            header::HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    Ok(response.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let resource =
                fluent_bundle::FluentResource::try_new(text).unwrap_or_else(|(_, errors)| {
                    panic!("{} does not parse: {errors:?}", path.display())
                });
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    keys.insert(m.id.name.to_owned());
                }
            }
        }
        keys
    }

    #[test]
    fn every_language_has_every_message() {
        let english = keys("en");
        assert!(!english.is_empty());
        for lang in ["ms", "zh-Hans"] {
            let other = keys(lang);
            let missing: Vec<_> = english.difference(&other).collect();
            let extra: Vec<_> = other.difference(&english).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn a_path_says_its_language() {
        assert_eq!(Lang::split_path("/ms/mous"), (Lang::Ms, "/mous"));
        assert_eq!(Lang::split_path("/zh"), (Lang::Zh, "/"));
        assert_eq!(Lang::split_path("/mous"), (Lang::En, "/mous"));
        assert_eq!(Lang::split_path("/msx"), (Lang::En, "/msx"));
    }

    #[test]
    fn accept_language_picks_the_preferred_language_we_speak() {
        assert_eq!(Lang::negotiate("zh-CN,zh;q=0.9,en;q=0.8"), Some(Lang::Zh));
        assert_eq!(Lang::negotiate("fr, ms;q=0.5, en;q=0.4"), Some(Lang::Ms));
        assert_eq!(Lang::negotiate("fr"), None);
        assert_eq!(Lang::negotiate("zh;q=0, en"), Some(Lang::En));
    }

    #[test]
    fn messages_take_arguments() {
        assert_eq!(
            Lang::Zh.t_with(
                "pager-summary",
                &[
                    ("first", 1.into()),
                    ("last", 20.into()),
                    ("total", 95.into())
                ]
            ),
            "显示第 1–20 条，共 95 条"
        );
    }
}
