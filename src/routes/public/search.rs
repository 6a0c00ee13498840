use crate::db::Reader;
use crate::db::reference::{FilterChoices, Page};
use crate::db::search::{self as queries, Found, Hit, Ranker, Results};
use crate::domain::{PublicUrl, RecordKind, Search, SearchQuery, SearchText};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::{Layout, Pager, Section};
use actix_web::{HttpResponse, get, web};
use askama::Template;
use std::borrow::Cow;

/// A link to the same search narrowed to one kind of record, with how many it finds.
struct KindTab {
    label: Cow<'static, str>,
    href: String,
    count: i64,
    current: bool,
}

#[derive(Template)]
#[template(path = "public/search.html")]
struct SearchPage {
    layout: Layout,
    search: Search,
    hits: Vec<Hit>,
    total: i64,
    tabs: Vec<KindTab>,
    pager: Pager,
    choices: std::rc::Rc<FilterChoices>,
    kinds: &'static [RecordKind],
    years: Vec<i32>,
    /// For a search that finds nothing: each of its words that finds something alone.
    single_terms: Vec<(SearchText, i64)>,
}

impl SearchPage {
    fn is_area(&self, slug: &str) -> bool {
        self.search.filter.area.as_ref().map(|a| a.as_str()) == Some(slug)
    }

    fn is_country(&self, code: &str) -> bool {
        self.search.filter.country.as_ref().map(|c| c.as_str()) == Some(code)
    }

    fn is_year(&self, year: i32) -> bool {
        self.search.filter.year.map(|y| y.value()) == Some(year)
    }

    fn single_term_href(&self, term: &SearchText) -> String {
        Search {
            text: term.clone(),
            ..self.search.clone()
        }
        .href(self.search.kind, 1)
    }
}

#[get("/search")]
pub async fn search_page(
    lang: Lang,
    reader: web::Data<Reader>,
    ranker: web::Data<Ranker>,
    site: web::Data<PublicUrl>,
    query: web::Query<SearchQuery>,
) -> AppResult<HttpResponse> {
    let search = Search::try_from(query.into_inner())?;
    let Found {
        results: Results {
            hits,
            by_kind,
            total,
        },
        single_terms,
        choices,
    } = queries::find(&reader, &ranker, &search, lang).await?;
    let all = by_kind.iter().map(|(_, count)| count).sum();
    let mut tabs = vec![KindTab {
        label: lang.t("search-all"),
        href: lang.href(&search.href(None, 1)),
        count: all,
        current: search.kind.is_none(),
    }];
    tabs.extend(by_kind.iter().map(|(kind, count)| KindTab {
        label: lang.term("record-kinds", kind.as_str()),
        href: lang.href(&search.href(Some(*kind), 1)),
        count: *count,
        current: search.kind == Some(*kind),
    }));
    let page = Page::new(vec![(); hits.len()], total, &search.filter);
    let pager = Pager::linking(lang, &page, |n| lang.href(&search.href(search.kind, n)));
    let title = if search.text.is_empty() {
        lang.t("search-title").into_owned()
    } else {
        lang.t_with(
            "search-title-for",
            &[("query", search.text.as_str().into())],
        )
    };
    use chrono::Datelike;
    html(SearchPage {
        layout: Layout::new(title, Section::None)
            .describe(lang.t("search-intro"))
            .canonical(site.join(&lang.href("/search"))),
        years: (2010..=chrono::Utc::now().year() + 1).rev().collect(),
        kinds: RecordKind::ALL,
        search,
        hits,
        total,
        tabs,
        pager,
        choices,
        single_terms,
    })
}
