//! What machines read: Atom feeds of press statements, the iCalendar feed of events, the
//! sitemap and robots.txt. Every address in them is absolute, on the configured public URL.

use crate::db::Reader;
use crate::db::machine::{self, CalendarEvent, Feed, FeedScope, PageAge};
use crate::domain::{Localized, PublicUrl, RecordKind, Slug};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use actix_web::{HttpResponse, get, web};
use askama::Template;
use atom_syndication::{Content, Entry, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, NaiveDateTime};
use icalendar::{Calendar, Component, EventLike};

fn fixed(at: NaiveDateTime) -> FixedDateTime {
    at.and_utc().fixed_offset()
}

fn link(href: String, rel: &str, media_type: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(media_type.to_owned()));
    link
}

/// Text in the feed's language where it has it, tagged with the language it is in.
fn text(localized: &Localized, lang: Lang) -> Text {
    let shown = localized.shown(lang);
    let mut text = Text::plain(shown.text);
    text.lang = Some(shown.lang.tag().to_owned());
    text
}

/// A feed of statements in `lang`: each entry in that language where the statement has it, in
/// English or its own language otherwise, every text tagged with its language.
fn atom(site: &PublicUrl, lang: Lang, path: &str, page: &str, feed: Feed) -> HttpResponse {
    let (path, page) = (lang.href(path), lang.href(page));
    let entries: Vec<Entry> = feed
        .entries
        .into_iter()
        .map(|statement| {
            let url = site.join(&lang.href(&RecordKind::Statement.page(&statement.slug)));
            let mut entry = Entry::default();
            entry.set_id(url.clone());
            entry.set_title(text(&statement.title, lang));
            entry.set_updated(fixed(statement.updated_at));
            entry.set_published(statement.published_at.map(fixed));
            entry.set_links(vec![link(url, "alternate", "text/html")]);
            if !statement.summary.is_empty() {
                entry.set_summary(Some(text(&statement.summary, lang)));
            }
            let body = statement.body_html.shown(lang);
            let mut content = Content::default();
            content.set_content_type(Some("html".to_owned()));
            content.set_lang(Some(body.lang.tag().to_owned()));
            content.set_value(Some(body.text.to_owned()));
            entry.set_content(Some(content));
            entry
        })
        .collect();
    let site_name = lang.t("site-name");
    let mut atom = atom_syndication::Feed::default();
    atom.set_id(site.join(&path));
    atom.set_title(Text::plain(match feed.subject {
        Some(subject) => lang.t_with(
            "feed-title-about",
            &[
                ("subject", subject.shown(lang).text.to_owned().into()),
                ("site", site_name.clone().into()),
            ],
        ),
        None => lang.t_with("feed-title", &[("site", site_name.clone().into())]),
    }));
    // An empty feed has changed last when the cooperation began to be recorded: never.
    atom.set_updated(
        entries
            .iter()
            .map(|entry| *entry.updated())
            .max()
            .unwrap_or_else(|| DateTime::UNIX_EPOCH.fixed_offset()),
    );
    atom.set_links(vec![
        link(site.join(&path), "self", "application/atom+xml"),
        link(site.join(&page), "alternate", "text/html"),
    ]);
    let mut author = Person::default();
    author.set_name(site_name);
    author.set_uri(Some(site.join(&lang.href("/"))));
    atom.set_authors(vec![author]);
    atom.set_lang(Some(lang.tag().to_owned()));
    atom.set_entries(entries);
    HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .body(atom.to_string())
}

fn feed_of(reader: &Reader, scope: &FeedScope) -> AppResult<Feed> {
    reader
        .read(|conn| machine::statement_feed(conn, scope))?
        .ok_or(AppError::NotFound)
}

/// The feeds, the calendar and the CSV files, which each language has its own of
/// (`/ms/feed.atom`, `/zh/mous.csv`, …).
pub fn localized(config: &mut web::ServiceConfig) {
    config
        .service(super::csv::export)
        .service(statements_feed)
        .service(area_feed)
        .service(organisation_feed)
        .service(events);
}

/// The newest published press statements.
#[get("/feed.atom")]
pub async fn statements_feed(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let feed = feed_of(&reader, &FeedScope::All)?;
    Ok(atom(&site, lang, "/feed.atom", "/statements", feed))
}

/// The newest published press statements filed under one focus area.
#[get("/areas/{slug}/feed.atom")]
pub async fn area_feed(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let slug = Slug::parse(&slug.into_inner()).map_err(|_| AppError::NotFound)?;
    let page = RecordKind::Area.page(slug.as_str());
    let feed = feed_of(&reader, &FeedScope::Area(slug))?;
    Ok(atom(&site, lang, &format!("{page}/feed.atom"), &page, feed))
}

/// The newest published press statements about one organisation.
#[get("/organisations/{slug}/feed.atom")]
pub async fn organisation_feed(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let slug = Slug::parse(&slug.into_inner()).map_err(|_| AppError::NotFound)?;
    let page = RecordKind::Organisation.page(slug.as_str());
    let feed = feed_of(&reader, &FeedScope::Organisation(slug))?;
    Ok(atom(&site, lang, &format!("{page}/feed.atom"), &page, feed))
}

/// iCalendar text must not hold bare carriage returns; the crate escapes the rest.
fn ical_text(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn ical_event(site: &PublicUrl, lang: Lang, event: CalendarEvent) -> icalendar::Event {
    let url = site.join(&lang.href(&event.kind.page(&event.slug)));
    let (summary, description) = if event.kind == RecordKind::Mou {
        let title = event.summary.shown(lang).text.to_owned();
        (
            lang.t_with("calendar-mou-expires", &[("title", title.clone().into())]),
            lang.t_with(
                "calendar-mou-expires-description",
                &[("title", title.into())],
            ),
        )
    } else {
        (
            event.summary.shown(lang).text.to_owned(),
            event.description.shown(lang).text.to_owned(),
        )
    };
    let mut entry = icalendar::Event::new();
    entry
        // The kind and id never change, whatever is renamed, so neither does the UID.
        .uid(&format!(
            "{}-{}@{}",
            event.kind.as_str(),
            event.id,
            site.host()
        ))
        .timestamp(event.updated_at.and_utc())
        .summary(&ical_text(&summary))
        .starts(event.starts_on)
        .ends(event.ends_before)
        .url(&url);
    if !description.is_empty() {
        entry.description(&ical_text(&format!("{description}\n\n{url}")));
    }
    if let Some(place) = event.place.present() {
        entry.location(&ical_text(place.shown(lang).text));
    }
    entry.done()
}

/// Meetings known to the day, delegation visits and MoU expiry dates, as all-day events.
#[get("/events.ics")]
pub async fn events(
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let events = reader.read(machine::calendar)?;
    let mut calendar = Calendar::new();
    calendar
        .name(&lang.t("site-name"))
        .description(&lang.t("calendar-description"));
    for event in events {
        calendar.push(ical_event(&site, lang, event));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .body(calendar.done().to_string()))
}

struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Sitemap {
    urls: Vec<SitemapUrl>,
}

/// The protocol's limit on the addresses in one sitemap file; a larger site gets an index of
/// numbered sitemaps.
const URLS_PER_SITEMAP: usize = 50_000;

#[derive(Template)]
#[template(path = "sitemap_index.xml")]
struct SitemapIndex {
    parts: Vec<String>,
}

/// Which addresses sitemap `part` (numbered from 1) holds, or `None` past the last one.
fn sitemap_part(total: usize, part: usize, per_part: usize) -> Option<std::ops::Range<usize>> {
    let start = part.checked_sub(1)?.checked_mul(per_part)?;
    (start < total).then(|| start..(start + per_part).min(total))
}

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .body(body)
}

fn lastmod(at: Option<NaiveDateTime>) -> Option<String> {
    at.map(|at| at.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Every public page: home, the lists and pages about the record, and every record; past
/// 50,000 addresses, an index of numbered sitemaps.
#[get("/sitemap.xml")]
pub async fn sitemap(
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let urls = sitemap_urls(&reader, &site)?;
    if urls.len() <= URLS_PER_SITEMAP {
        return Ok(xml(Sitemap { urls }.render()?));
    }
    let parts = (1..=urls.len().div_ceil(URLS_PER_SITEMAP))
        .map(|n| site.join(&format!("/sitemap-{n}.xml")))
        .collect();
    Ok(xml(SitemapIndex { parts }.render()?))
}

/// One numbered sitemap of a site too large for one.
#[get("/sitemap-{part}.xml")]
pub async fn sitemap_part_page(
    part: web::Path<usize>,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let mut urls = sitemap_urls(&reader, &site)?;
    let range =
        sitemap_part(urls.len(), part.into_inner(), URLS_PER_SITEMAP).ok_or(AppError::NotFound)?;
    urls.truncate(range.end);
    let urls = urls.split_off(range.start);
    Ok(xml(Sitemap { urls }.render()?))
}

fn sitemap_urls(reader: &Reader, site: &PublicUrl) -> AppResult<Vec<SitemapUrl>> {
    let (records, versions) = reader.read(|conn| {
        Ok((
            machine::record_ages(conn)?,
            machine::published_versions(conn)?,
        ))
    })?;
    let records: Vec<PageAge> = records;
    let newest = |kind: Option<RecordKind>| {
        records
            .iter()
            .filter(|page| kind.is_none_or(|k| k == page.kind))
            .map(|page| page.updated_at)
            .max()
    };
    let mut pages: Vec<(String, Option<NaiveDateTime>)> = vec![("/".to_owned(), newest(None))];
    for path in ["/timeline", "/stats", "/open-data"] {
        pages.push((path.to_owned(), newest(None)));
    }
    for kind in RecordKind::ALL {
        pages.push((kind.list_path().to_owned(), newest(Some(*kind))));
    }
    pages.extend(
        records
            .iter()
            .map(|page| (page.kind.page(&page.slug), Some(page.updated_at))),
    );
    pages.extend(versions.into_iter().map(|(slug, number, published_at)| {
        (
            format!("{}/v/{number}", RecordKind::Statement.page(&slug)),
            Some(published_at),
        )
    }));
    // Every page in each of its languages.
    Ok(Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            pages.iter().map(move |(path, at)| SitemapUrl {
                loc: site.join(&lang.href(path)),
                lastmod: lastmod(*at),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::sitemap_part;

    #[test]
    fn a_large_site_is_split_into_numbered_sitemaps() {
        assert_eq!(sitemap_part(120_001, 1, 50_000), Some(0..50_000));
        assert_eq!(sitemap_part(120_001, 3, 50_000), Some(100_000..120_001));
        assert_eq!(sitemap_part(120_001, 4, 50_000), None);
        assert_eq!(sitemap_part(120_001, 0, 50_000), None);
    }
}

/// Crawlers may read every public page; staff pages and search results are not for them.
#[get("/robots.txt")]
pub async fn robots(site: web::Data<PublicUrl>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "User-agent: *\nDisallow: /staff\nDisallow: /search\nDisallow: /ms/search\nDisallow: /zh/search\n\nSitemap: {}\n",
            site.join("/sitemap.xml")
        ))
}
