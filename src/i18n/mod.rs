//! The reader's language: which one a request is in (its path says so: English at the root,
//! Malay under `/ms`, Chinese under `/zh`), the interface messages of each (Fluent files in
//! `locales/`), and the first visit to `/` that follows the reader's choice or their browser.

mod messages;

pub use crate::domain::{Arg, Message};
pub use messages::{FILES, HtmlText};

use crate::domain::PublicUrl;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use std::future::{Ready, ready};

pub use crate::domain::Lang;

/// The cookie that remembers a reader's explicit choice of language.
pub const COOKIE: &str = "lang";

/// What a request and a reader's browser say about the language.
impl Lang {
    /// The language a request is in, by its path.
    pub fn of(request: &HttpRequest) -> Lang {
        Lang::split_path(request.path()).0
    }

    /// The language's name as a reader of `reader` calls it ("Bahasa Inggeris", "英文").
    pub fn name_in(self, reader: Lang) -> String {
        reader.t(&format!("language-{}", self.code())).into_owned()
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

/// The page being answered: its language, its path (in English form) with the query, and where
/// the public reaches the portal, so that the layout can link the same page in every language.
#[derive(Debug, Clone)]
pub struct CurrentPage {
    pub lang: Lang,
    pub path_and_query: String,
    pub site: web::Data<PublicUrl>,
}

tokio::task_local! {
    static CURRENT: CurrentPage;
}

/// The language of the page being answered; English outside a request.
pub fn current_lang() -> Lang {
    CURRENT.try_with(|page| page.lang).unwrap_or_default()
}

/// The page being answered; English at `/` of the default address outside a request.
pub fn current() -> CurrentPage {
    CURRENT
        .try_with(Clone::clone)
        .unwrap_or_else(|_| CurrentPage {
            lang: Lang::En,
            path_and_query: "/".to_owned(),
            site: web::Data::new(PublicUrl::default()),
        })
}

impl FromRequest for Lang {
    type Error = std::convert::Infallible;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Lang::of(request)))
    }
}

/// The language a reader chose with the switcher (the cookie), or else the one their browser
/// prefers.
fn preferred_language(request: &ServiceRequest) -> Option<Lang> {
    request
        .cookie(COOKIE)
        .and_then(|cookie| Lang::from_code(cookie.value()))
        .or_else(|| {
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(Lang::negotiate)
        })
}

/// Whether the request came from a page of this site (its `Referer` has the portal's host, as
/// the browser or the public address names it): the reader is already reading, in the language
/// of the link they followed.
fn comes_from_this_site(request: &ServiceRequest, site: &PublicUrl) -> bool {
    let Some(referer) = request
        .headers()
        .get(header::REFERER)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let host = referer.split_once("://").map_or("", |(_, rest)| {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    });
    !host.is_empty()
        && (host.eq_ignore_ascii_case(request.connection_info().host())
            || host.eq_ignore_ascii_case(site.host()))
}

/// What the answer to `/` depends on besides its address: the language cookie, the browser's
/// languages and where the reader came from.
const ROOT_VARIES_BY: &str = "Accept-Language, Cookie, Referer";

/// Records the page's language for the layout and error pages, and sends `/ms` to `/ms/`. A
/// first visit to `/` (one that does not come from a page of this site) goes to the language
/// the reader chose before, or else the one their browser prefers; a URL with a language
/// prefix, and `/` reached from this site, always show the language they name.
pub async fn middleware(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let site = request
        .app_data::<web::Data<PublicUrl>>()
        .cloned()
        .unwrap_or_else(|| web::Data::new(PublicUrl::default()));
    let path = request.path().to_owned();
    let (lang, rest) = Lang::split_path(&path);
    let is_root = path == "/";
    let redirect = if is_root && !comes_from_this_site(&request, &site) {
        preferred_language(&request)
            .filter(|l| *l != Lang::En)
            .map(|l| l.href("/"))
    } else if lang != Lang::En && !path.ends_with('/') && rest == "/" {
        Some(lang.href("/"))
    } else {
        None
    };
    if let Some(location) = redirect {
        let mut response = HttpResponse::Found();
        response.insert_header((header::LOCATION, location));
        if is_root {
            response.insert_header((header::VARY, ROOT_VARIES_BY));
        }
        return Ok(request
            .into_response(response.finish())
            .map_into_right_body());
    }
    let query = request.query_string();
    let page = CurrentPage {
        lang,
        path_and_query: if query.is_empty() {
            rest.to_owned()
        } else {
            format!("{rest}?{query}")
        },
        site,
    };
    let mut response = CURRENT.scope(page, next.call(request)).await?;
    if is_root {
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static(ROOT_VARIES_BY));
    }
    Ok(response.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The messages of a language: each key with its value as written.
    fn messages(lang: &str) -> BTreeMap<String, String> {
        let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut messages = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let resource =
                fluent_bundle::FluentResource::try_new(text).unwrap_or_else(|(_, errors)| {
                    panic!("{} does not parse: {errors:?}", path.display())
                });
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    messages.insert(m.id.name.to_owned(), format!("{:?}", m.value));
                }
            }
        }
        messages
    }

    fn keys(lang: &str) -> BTreeSet<String> {
        messages(lang).into_keys().collect()
    }

    #[test]
    fn a_message_is_left_as_english_only_where_the_language_writes_it_alike() {
        let alike: [(&str, &[&str]); 2] = [
            (
                "ms",
                &[
                    "fact-status",
                    "filter-status",
                    "record-kind-mou",
                    "audit-entity-mou",
                    "list-separator",
                    "detail-separator",
                    "file-size-kb",
                    "file-size-mb",
                    "history-line",
                    "history-line-with-note",
                    "form-error",
                ],
            ),
            ("zh-Hans", &["file-size-kb", "file-size-mb"]),
        ];
        let english = messages("en");
        for (lang, expected) in alike {
            let translated = messages(lang);
            let same: Vec<&str> = english
                .iter()
                .filter(|(key, value)| translated.get(*key) == Some(value))
                .map(|(key, _)| key.as_str())
                .collect();
            let mut expected = expected.to_vec();
            expected.sort_unstable();
            assert_eq!(same, expected, "{lang} leaves these as in English");
        }
    }

    #[test]
    fn every_language_has_exactly_the_message_files_the_portal_loads() {
        for lang in Lang::ALL {
            let dir = format!("{}/locales/{}", env!("CARGO_MANIFEST_DIR"), lang.tag());
            let mut files: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            files.sort();
            let mut loaded: Vec<&str> = FILES.to_vec();
            loaded.sort();
            assert_eq!(files, loaded, "{dir}");
        }
    }

    #[test]
    fn every_vocabulary_value_has_a_name() {
        use crate::domain::{OrganisationKind, RecordKind, RecordStatus, Role, StatementStatus};
        let mut terms: Vec<(&str, &str)> = Vec::new();
        terms.extend(RecordStatus::ALL.iter().map(|s| ("status", s.as_str())));
        terms.extend(StatementStatus::ALL.iter().map(|s| ("status", s.as_str())));
        terms.extend(OrganisationKind::ALL.iter().map(|k| ("kind", k.as_str())));
        terms.extend(Role::ALL.iter().map(|r| ("role", r.as_str())));
        terms.extend(Lang::ALL.iter().map(|l| ("language", l.code())));
        terms.extend(RecordKind::ALL.iter().map(|k| ("record-kind", k.as_str())));
        terms.extend(RecordKind::ALL.iter().map(|k| ("record-kinds", k.as_str())));
        let english = keys("en");
        for (group, value) in terms {
            let key = format!("{group}-{value}");
            assert!(english.contains(&key), "no message {key}");
        }
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
