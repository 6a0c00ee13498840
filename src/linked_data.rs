//! What a record's page says about itself to machines: its heading and description, and a
//! schema.org description in JSON-LD. The descriptions are typed and borrow the record's texts,
//! written straight out as JSON: built as `serde_json` values, every name became a string and
//! every object a sorted map first, a sixth of the work of a record's page.

use crate::db::agreements::AgreementDetail;
use crate::db::areas::AreaDetail;
use crate::db::delegations::DelegationDetail;
use crate::db::meetings::MeetingDetail;
use crate::db::mous::MouDetail;
use crate::db::organisations::OrganisationDetail;
use crate::db::people::PersonDetail;
use crate::db::reference::Named;
use crate::db::statements::StatementDetail;
use crate::domain::{Localized, PartialDate};
use chrono::NaiveDate;
use serde::Serialize;

const SITE_NAME: &str = "Malaysia–China STI Cooperation";
const CONTEXT: &str = "https://schema.org";

/// A record shown on its own page.
pub trait RecordPage {
    fn heading(&self) -> String;
    /// One or two sentences for `<meta name="description">` and OpenGraph.
    fn description(&self) -> String;
    /// The schema.org description of the record, whose page is at `url`.
    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a;
    /// The OpenGraph type of the page.
    fn og_type(&self) -> &'static str {
        "website"
    }
    /// The record's own texts (title, description, …): the page says when any of them is
    /// shown in another language than the reader's.
    fn texts(&self) -> Vec<&Localized>;
}

/// Something named, as schema.org nests it (`{"@type": "Person", "name": …}`).
#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

impl<'a> Thing<'a> {
    fn of(kind: &'static str, name: &'a Localized) -> Self {
        Thing {
            kind,
            name: name.on_page(),
        }
    }
}

fn things<'a, N: std::borrow::Borrow<Named>>(items: &'a [N], kind: &'static str) -> Vec<Thing<'a>> {
    items
        .iter()
        .map(|item| Thing::of(kind, &item.borrow().name))
        .collect()
}

fn names<N: std::borrow::Borrow<Named>>(items: &[N]) -> Vec<&str> {
    items
        .iter()
        .map(|item| item.borrow().name.on_page())
        .collect()
}

/// The start of every description: the vocabulary, the record's type and its page.
#[derive(Serialize)]
struct Node<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
}

impl<'a> Node<'a> {
    fn new(kind: &'static str, url: &'a str) -> Self {
        Node {
            context: CONTEXT,
            kind,
            url,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(flatten)]
    node: Node<'a>,
    headline: &'a str,
    description: &'a str,
    in_language: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    date_modified: String,
    publisher: Thing<'static>,
    about: Vec<Thing<'a>>,
}

impl RecordPage for StatementDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![&self.title, &self.summary, &self.body_html]
    }

    fn heading(&self) -> String {
        self.title.to_string()
    }

    fn description(&self) -> String {
        self.summary.to_string()
    }

    fn og_type(&self) -> &'static str {
        "article"
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        NewsArticle {
            node: Node::new("NewsArticle", url),
            headline: self.title.on_page(),
            description: self.summary.on_page(),
            in_language: self.title.shown(crate::i18n::current_lang()).lang.tag(),
            date_published: self.published_at.map(|at| at.and_utc().to_rfc3339()),
            date_modified: self.updated_at.and_utc().to_rfc3339(),
            publisher: Thing {
                kind: "Organization",
                name: SITE_NAME,
            },
            about: things(&self.subjects.areas, "DefinedTerm"),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Legislation<'a> {
    #[serde(flatten)]
    node: Node<'a>,
    legislation_type: &'static str,
    name: &'a str,
    #[serde(rename = "abstract")]
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    legislation_date: Option<PartialDate>,
    legislation_jurisdiction: Vec<&'a str>,
    keywords: Vec<&'a str>,
}

impl RecordPage for AgreementDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![&self.agreement.title, &self.agreement.summary]
    }

    fn heading(&self) -> String {
        self.agreement.title.to_string()
    }

    fn description(&self) -> String {
        self.agreement.summary.to_string()
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        Legislation {
            node: Node::new("Legislation", url),
            legislation_type: "International agreement",
            name: self.agreement.title.on_page(),
            summary: self.agreement.summary.on_page(),
            legislation_date: self.agreement.signed_on,
            legislation_jurisdiction: self.parties.iter().map(|c| c.name.on_page()).collect(),
            keywords: names(&self.areas),
        }
    }
}

/// A meeting or a visit.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Event<'a, When: Serialize> {
    #[serde(flatten)]
    node: Node<'a>,
    name: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Thing<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organizer: Vec<Thing<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    performer: Vec<Thing<'a>>,
}

impl RecordPage for MeetingDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![
            &self.meeting.title,
            &self.meeting.summary,
            &self.meeting.outcomes,
        ]
    }

    fn heading(&self) -> String {
        self.meeting.title.to_string()
    }

    fn description(&self) -> String {
        self.meeting.summary.to_string()
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        Event::<PartialDate> {
            node: Node::new("Event", url),
            name: self.meeting.title.on_page(),
            description: self.meeting.summary.on_page(),
            start_date: self.meeting.held_on,
            end_date: None,
            location: self
                .meeting
                .place
                .present()
                .map(|place| Thing::of("Place", place)),
            organizer: self
                .organisations
                .iter()
                .map(|o| Thing::of("Organization", &o.name))
                .collect(),
            performer: things(&self.co_chairs, "Person"),
        }
    }
}

impl RecordPage for DelegationDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![&self.delegation.title, &self.delegation.purpose]
    }

    fn heading(&self) -> String {
        self.delegation.title.to_string()
    }

    fn description(&self) -> String {
        self.delegation.purpose.to_string()
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        Event::<NaiveDate> {
            node: Node::new("Event", url),
            name: self.delegation.title.on_page(),
            description: self.delegation.purpose.on_page(),
            start_date: Some(self.delegation.starts_on),
            end_date: Some(self.delegation.ends_on),
            location: Some(Thing::of("Country", &self.host_country.name)),
            organizer: Vec::new(),
            performer: self
                .leader
                .iter()
                .map(|leader| Thing::of("Person", &leader.name))
                .collect(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Memorandum<'a> {
    #[serde(flatten)]
    node: Node<'a>,
    additional_type: &'static str,
    name: &'a str,
    #[serde(rename = "abstract")]
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_created: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires: Option<NaiveDate>,
    contributor: Vec<Thing<'a>>,
    keywords: Vec<&'a str>,
}

impl RecordPage for MouDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![&self.title, &self.purpose]
    }

    fn heading(&self) -> String {
        self.title.to_string()
    }

    fn description(&self) -> String {
        self.purpose.to_string()
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        Memorandum {
            node: Node::new("CreativeWork", url),
            additional_type: "Memorandum of understanding",
            name: self.title.on_page(),
            summary: self.purpose.on_page(),
            date_created: self.signed_on,
            expires: self.valid_until,
            contributor: self
                .parties
                .iter()
                .map(|p| Thing::of("Organization", &p.name))
                .collect(),
            keywords: names(&self.areas),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization<'a> {
    #[serde(flatten)]
    node: Node<'a>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_name: Option<&'a str>,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<&'a str>,
    address: PostalAddress<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddress<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address_country: &'a str,
}

impl RecordPage for OrganisationDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![&self.organisation.name, &self.organisation.description]
    }

    fn heading(&self) -> String {
        self.organisation.name.to_string()
    }

    fn description(&self) -> String {
        self.organisation.description.to_string()
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        let o = &self.organisation;
        Organization {
            node: Node::new("Organization", url),
            name: o.name.on_page(),
            alternate_name: o.short_name.as_deref(),
            description: o.description.on_page(),
            same_as: o.website.as_deref(),
            address: PostalAddress {
                kind: "PostalAddress",
                address_country: &o.country.code,
            },
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Person<'a> {
    #[serde(flatten)]
    node: Node<'a>,
    name: &'a str,
    nationality: Thing<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
}

impl RecordPage for PersonDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![&self.name]
    }

    fn heading(&self) -> String {
        self.name.to_string()
    }

    fn description(&self) -> String {
        self.appointments
            .first()
            .map(|post| post.title.to_string())
            .unwrap_or_default()
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        Person {
            node: Node::new("Person", url),
            name: self.name.on_page(),
            nationality: Thing::of("Country", &self.country.name),
            job_title: self.appointments.first().map(|post| post.title.on_page()),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DefinedTerm<'a> {
    #[serde(flatten)]
    node: Node<'a>,
    name: &'a str,
    description: &'a str,
    in_defined_term_set: &'static str,
}

impl RecordPage for AreaDetail {
    fn texts(&self) -> Vec<&Localized> {
        vec![&self.name, &self.description]
    }

    fn heading(&self) -> String {
        self.name.to_string()
    }

    fn description(&self) -> String {
        self.description.to_string()
    }

    fn linked_data<'a>(&'a self, url: &'a str) -> impl Serialize + 'a {
        DefinedTerm {
            node: Node::new("DefinedTerm", url),
            name: self.name.on_page(),
            description: self.description.on_page(),
            in_defined_term_set: "Focus areas of the Malaysia–China STI cooperation",
        }
    }
}
