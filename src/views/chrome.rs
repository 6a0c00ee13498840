//! The parts of the layout that are the same on every page of a language: the links to the
//! style sheets and icon, the portal's name, the search form, the main navigation (once for each
//! section it can mark as current) and the footer. They hold most of a page's interface text,
//! so they are rendered once per language, when first asked for, instead of looking up and
//! escaping each message again on every page.

use super::{NAVIGATION, Section};
use crate::i18n::Lang;
use askama::Template;
use std::sync::LazyLock;

#[derive(Template)]
#[template(path = "partials/site_assets.html")]
struct SiteAssets;

#[derive(Template)]
#[template(path = "partials/site_brand.html")]
struct SiteBrand {
    lang: Lang,
}

#[derive(Template)]
#[template(path = "partials/site_search.html")]
struct SiteSearch {
    lang: Lang,
}

#[derive(Template)]
#[template(path = "partials/site_nav.html")]
struct SiteNav {
    lang: Lang,
    items: &'static [(Section, &'static str, &'static str)],
    current: Section,
}

#[derive(Template)]
#[template(path = "partials/site_footer.html")]
struct SiteFooter {
    lang: Lang,
}

/// One language's rendered parts, ready to be placed in a page as they are.
pub struct Chrome {
    /// The style sheets and icon, by their fingerprinted names.
    pub assets: String,
    pub brand: String,
    pub search: String,
    /// The navigation with each section current, by `Section::index`.
    navigation: Vec<String>,
    pub footer: String,
}

static CHROME: LazyLock<[Chrome; 3]> = LazyLock::new(|| Lang::ALL.map(Chrome::render));

impl Chrome {
    pub fn of(lang: Lang) -> &'static Chrome {
        &CHROME[lang.index()]
    }

    /// The navigation with `section` marked as the current page's.
    pub fn navigation(&'static self, section: Section) -> &'static str {
        &self.navigation[section.index()]
    }

    fn render(lang: Lang) -> Chrome {
        // Every part is the portal's own text in one of its languages; failing to render it
        // is a defect of the templates, which the tests of every page would show.
        let rendered = |template: &dyn askama::DynTemplate| {
            template
                .dyn_render()
                .expect("the layout's fixed parts render")
        };
        Chrome {
            assets: rendered(&SiteAssets),
            brand: rendered(&SiteBrand { lang }),
            search: rendered(&SiteSearch { lang }),
            navigation: Section::ALL
                .into_iter()
                .map(|current| {
                    rendered(&SiteNav {
                        lang,
                        items: &NAVIGATION,
                        current,
                    })
                })
                .collect(),
            footer: rendered(&SiteFooter { lang }),
        }
    }
}
