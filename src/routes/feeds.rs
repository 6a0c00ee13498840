//! What machines read: Atom feeds of press statements, the iCalendar feed of events, the
//! sitemap and robots.txt. Every address in them is absolute, on the configured public URL.

use crate::db::machine::{
    self, CalendarEvent, Feed, FeedScope, SectionSize, SitemapOutline, SitemapSection,
};
use crate::db::{Database, Reader};
use crate::domain::{Localized, PublicUrl, RecordKind, Slug};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::page_cache::unless_held;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use atom_syndication::{Content, Entry, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, NaiveDateTime};
use icalendar::{Calendar, Component, EventLike};
use std::ops::Range;

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

/// The feeds, the calendar and the CSV files each language has its own of (`/ms/feed.atom`,
/// `/zh/mous.csv`, …): here those at fixed addresses, the statements' feed and the calendar.
pub fn at_fixed_addresses(config: &mut web::ServiceConfig) {
    config.service(statements_feed).service(events);
}

/// The feeds of one record, and each collection as CSV, in each language (see `at_fixed_addresses`).
pub fn of_records(config: &mut web::ServiceConfig) {
    config.service(record_feed).service(super::csv::export);
}

/// The newest published press statements.
#[get("/feed.atom")]
pub async fn statements_feed(
    request: HttpRequest,
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    unless_held(&request, &reader, || async {
        let feed = feed_of(&reader, &FeedScope::All)?;
        Ok(atom(&site, lang, "/feed.atom", "/statements", feed))
    })
    .await
}

/// The newest published press statements filed under one focus area, or about one
/// organisation.
#[get("/{collection:areas|organisations}/{slug}/feed.atom")]
pub async fn record_feed(
    request: HttpRequest,
    lang: Lang,
    reader: web::Data<Reader>,
    site: web::Data<PublicUrl>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (collection, slug) = path.into_inner();
    let kind = RecordKind::from_collection(&collection).ok_or(AppError::NotFound)?;
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let page = kind.page(slug.as_str());
    let scope = FeedScope::about(kind, slug).ok_or(AppError::NotFound)?;
    unless_held(&request, &reader, || async {
        let feed = feed_of(&reader, &scope)?;
        Ok(atom(&site, lang, &format!("{page}/feed.atom"), &page, feed))
    })
    .await
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

/// Meetings known to the day, delegation visits and MoU expiry dates, as all-day events. Read
/// and written on a blocking thread (`Database::read_long`), like a sitemap: a large portal's
/// calendar is a megabyte, which the worker's other requests would wait for.
#[get("/events.ics")]
pub async fn events(
    request: HttpRequest,
    lang: Lang,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let site = site.get_ref().clone();
    unless_held(&request, &reader, || async {
        let calendar = database
            .read_long(move |conn| -> AppResult<String> {
                let mut calendar = Calendar::new();
                calendar
                    .name(&lang.t("site-name"))
                    .description(&lang.t("calendar-description"));
                for event in machine::calendar(conn)? {
                    calendar.push(ical_event(&site, lang, event));
                }
                Ok(calendar.done().to_string())
            })
            .await?;
        Ok(HttpResponse::Ok()
            .content_type("text/calendar; charset=utf-8")
            .body(calendar))
    })
    .await
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

/// The pages one sitemap file lists: each in every language, within the protocol's limit of
/// 50,000 addresses a file. A larger site gets an index of numbered sitemaps.
const PAGES_PER_SITEMAP: usize = 50_000 / Lang::ALL.len();

#[derive(Template)]
#[template(path = "sitemap_index.xml")]
struct SitemapIndex {
    parts: Vec<String>,
}

/// What one file of a large site's sitemap lists: the pages that are not records, or the pages
/// of one section whose ids lie in a block. A block of `PAGES_PER_SITEMAP` ids never holds more
/// pages than that, and is read by its ids, wherever it lies in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SitemapPart {
    Overview,
    Block(SitemapSection, Range<i32>),
}

/// The files of a large site's sitemap, in order (numbered from 1).
fn sitemap_parts(sections: &[SectionSize], per_part: usize) -> Vec<SitemapPart> {
    let block = i32::try_from(per_part).unwrap_or(i32::MAX);
    let mut parts = vec![SitemapPart::Overview];
    for size in sections.iter().filter(|size| size.pages > 0) {
        let mut start = 0;
        while start <= size.highest_id {
            let end = start.saturating_add(block);
            parts.push(SitemapPart::Block(size.section, start..end));
            start = end;
        }
    }
    parts
}

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .body(body)
}

fn lastmod(at: Option<NaiveDateTime>) -> Option<String> {
    at.map(|at| at.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// The pages that are not records: home, the pages about the record, and each list, with when
/// what they show last changed.
fn overview_pages(outline: &SitemapOutline) -> Vec<(String, Option<NaiveDateTime>)> {
    ["/", "/timeline", "/stats", "/open-data"]
        .into_iter()
        .map(|path| (path.to_owned(), outline.newest(None)))
        .chain(
            RecordKind::ALL
                .iter()
                .map(|kind| (kind.list_path().to_owned(), outline.newest(Some(*kind)))),
        )
        .collect()
}

/// Every public page: home, the lists and pages about the record, every record and every
/// published version of a statement, each in every language; past `PAGES_PER_SITEMAP` pages,
/// an index of numbered sitemaps.
#[get("/sitemap.xml")]
pub async fn sitemap(
    request: HttpRequest,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let outline = reader.read(machine::sitemap_outline)?;
    let pages = overview_pages(&outline).len()
        + outline
            .sections
            .iter()
            .map(|size| size.pages)
            .sum::<usize>();
    if pages <= PAGES_PER_SITEMAP {
        let everything = outline
            .sections
            .iter()
            .map(|size| SitemapPart::Block(size.section, 0..size.highest_id.saturating_add(1)));
        let parts = std::iter::once(SitemapPart::Overview)
            .chain(everything)
            .collect();
        return unless_held(&request, &reader, || {
            sitemap_of(&database, &site, &outline, parts)
        })
        .await;
    }
    let parts = (1..=sitemap_parts(&outline.sections, PAGES_PER_SITEMAP).len())
        .map(|n| site.join(&format!("/sitemap-{n}.xml")))
        .collect();
    Ok(xml(SitemapIndex { parts }.render()?))
}

/// One numbered sitemap of a site too large for one. It reads only its own pages.
#[get("/sitemap-{part}.xml")]
pub async fn sitemap_part_page(
    request: HttpRequest,
    part: web::Path<usize>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
    site: web::Data<PublicUrl>,
) -> AppResult<HttpResponse> {
    let outline = reader.read(machine::sitemap_outline)?;
    let part = part
        .into_inner()
        .checked_sub(1)
        .and_then(|index| {
            sitemap_parts(&outline.sections, PAGES_PER_SITEMAP)
                .into_iter()
                .nth(index)
        })
        .ok_or(AppError::NotFound)?;
    unless_held(&request, &reader, || {
        sitemap_of(&database, &site, &outline, vec![part])
    })
    .await
}

/// The sitemap of the pages of `parts`, each in every language. Up to 50,000 addresses are
/// read and written on a blocking thread (`Database::read_long`): not on the worker, whose
/// other requests would all wait for them.
async fn sitemap_of(
    database: &Database,
    site: &PublicUrl,
    outline: &SitemapOutline,
    parts: Vec<SitemapPart>,
) -> AppResult<HttpResponse> {
    let mut overview = overview_pages(outline);
    let site = site.clone();
    let body = database
        .read_long(move |conn| -> AppResult<String> {
            let mut pages = Vec::new();
            for part in parts {
                match part {
                    SitemapPart::Overview => pages.append(&mut overview),
                    SitemapPart::Block(section, ids) => pages.extend(
                        machine::sitemap_pages(conn, section, ids)?
                            .into_iter()
                            .map(|(path, at)| (path, Some(at))),
                    ),
                }
            }
            let site = &site;
            let urls = pages
                .iter()
                .flat_map(|(path, at)| {
                    Lang::ALL.into_iter().map(move |lang| SitemapUrl {
                        loc: site.join(&lang.href(path)),
                        lastmod: lastmod(*at),
                    })
                })
                .collect();
            Ok(Sitemap { urls }.render()?)
        })
        .await?;
    Ok(xml(body))
}

#[cfg(test)]
mod tests {
    use super::{SitemapPart, sitemap_parts};
    use crate::db::machine::{SectionSize, SitemapSection};
    use crate::domain::RecordKind;

    #[test]
    fn a_large_site_is_split_into_blocks_of_ids_of_each_section() {
        let statements = SitemapSection::Records(RecordKind::Statement);
        let size = |section, pages, highest_id| SectionSize {
            section,
            pages,
            highest_id,
        };
        let sections = [
            size(statements, 120, 130),
            size(SitemapSection::Records(RecordKind::Agreement), 0, 0),
            size(SitemapSection::Versions, 40, 49),
        ];
        assert_eq!(
            sitemap_parts(&sections, 50),
            vec![
                SitemapPart::Overview,
                SitemapPart::Block(statements, 0..50),
                SitemapPart::Block(statements, 50..100),
                SitemapPart::Block(statements, 100..150),
                SitemapPart::Block(SitemapSection::Versions, 0..50),
            ]
        );
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
