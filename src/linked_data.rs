//! What a record's page says about itself to machines: its heading and description, and a
//! schema.org description in JSON-LD.

use crate::db::agreements::AgreementDetail;
use crate::db::areas::AreaDetail;
use crate::db::delegations::DelegationDetail;
use crate::db::meetings::MeetingDetail;
use crate::db::mous::MouDetail;
use crate::db::organisations::OrganisationDetail;
use crate::db::people::PersonDetail;
use crate::db::reference::Named;
use crate::db::statements::StatementDetail;
use crate::domain::Localized;
use serde_json::{Value, json};

const SITE_NAME: &str = "Malaysia–China STI Cooperation";

/// A record shown on its own page.
pub trait RecordPage {
    fn heading(&self) -> String;
    /// One or two sentences for `<meta name="description">` and OpenGraph.
    fn description(&self) -> String;
    /// The schema.org description of the record, whose page is at `url`.
    fn linked_data(&self, url: &str) -> Value;
    /// The OpenGraph type of the page.
    fn og_type(&self) -> &'static str {
        "website"
    }
    /// The record's own texts (title, description, …): the page says when any of them is
    /// shown in another language than the reader's.
    fn texts(&self) -> Vec<&Localized>;
}

fn names<N: std::borrow::Borrow<Named>>(items: &[N], of: &str) -> Vec<Value> {
    items
        .iter()
        .map(|item| json!({ "@type": of, "name": item.borrow().name.to_string() }))
        .collect()
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

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title.to_string(),
            "description": self.summary.to_string(),
            "url": url,
            "inLanguage": self.title.shown(crate::i18n::current_lang()).lang.tag(),
            "datePublished": self.published_at.map(|at| at.and_utc().to_rfc3339()),
            "dateModified": self.updated_at.and_utc().to_rfc3339(),
            "publisher": { "@type": "Organization", "name": SITE_NAME },
            "about": names(&self.subjects.areas, "DefinedTerm"),
        })
    }
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

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Legislation",
            "legislationType": "International agreement",
            "name": self.agreement.title.to_string(),
            "abstract": self.agreement.summary.to_string(),
            "url": url,
            "legislationDate": self.agreement.signed_on,
            "legislationJurisdiction": self.parties.iter().map(|c| c.name.to_string()).collect::<Vec<_>>(),
            "keywords": self.areas.iter().map(|a| a.name.to_string()).collect::<Vec<_>>(),
        })
    }
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

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.meeting.title.to_string(),
            "description": self.meeting.summary.to_string(),
            "url": url,
            "startDate": self.meeting.held_on,
            "location": self.meeting.place.present().map(|p| json!({ "@type": "Place", "name": p.to_string() })),
            "organizer": self.organisations.iter()
                .map(|o| json!({ "@type": "Organization", "name": o.name.to_string() })).collect::<Vec<_>>(),
            "performer": names(&self.co_chairs, "Person"),
        })
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

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.delegation.title.to_string(),
            "description": self.delegation.purpose.to_string(),
            "url": url,
            "startDate": self.delegation.starts_on,
            "endDate": self.delegation.ends_on,
            "location": { "@type": "Country", "name": self.host_country.name.to_string() },
            "performer": self.leader.as_ref().map(|l| json!({ "@type": "Person", "name": l.name.to_string() })),
        })
    }
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

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "additionalType": "Memorandum of understanding",
            "name": self.title.to_string(),
            "abstract": self.purpose.to_string(),
            "url": url,
            "dateCreated": self.signed_on,
            "expires": self.valid_until,
            "contributor": self.parties.iter()
                .map(|p| json!({ "@type": "Organization", "name": p.name.to_string() })).collect::<Vec<_>>(),
            "keywords": self.areas.iter().map(|a| a.name.to_string()).collect::<Vec<_>>(),
        })
    }
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

    fn linked_data(&self, url: &str) -> Value {
        let o = &self.organisation;
        json!({
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": o.name.to_string(),
            "alternateName": o.short_name,
            "description": o.description.to_string(),
            "url": url,
            "sameAs": o.website,
            "address": { "@type": "PostalAddress", "addressCountry": o.country.code },
        })
    }
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

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.name.to_string(),
            "url": url,
            "nationality": { "@type": "Country", "name": self.country.name.to_string() },
            "jobTitle": self.appointments.first().map(|post| post.title.to_string()),
        })
    }
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

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "DefinedTerm",
            "name": self.name.to_string(),
            "description": self.description.to_string(),
            "url": url,
            "inDefinedTermSet": "Focus areas of the Malaysia–China STI cooperation",
        })
    }
}
