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
}

fn names(items: &[Named], of: &str) -> Vec<Value> {
    items
        .iter()
        .map(|item| json!({ "@type": of, "name": item.name }))
        .collect()
}

impl RecordPage for StatementDetail {
    fn heading(&self) -> String {
        self.title.clone()
    }

    fn description(&self) -> String {
        self.summary.clone()
    }

    fn og_type(&self) -> &'static str {
        "article"
    }

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.summary,
            "url": url,
            "inLanguage": self.language.as_str(),
            "datePublished": self.published_at.map(|at| at.and_utc().to_rfc3339()),
            "dateModified": self.updated_at.and_utc().to_rfc3339(),
            "publisher": { "@type": "Organization", "name": SITE_NAME },
            "about": names(&self.subjects.areas, "DefinedTerm"),
        })
    }
}

impl RecordPage for AgreementDetail {
    fn heading(&self) -> String {
        self.agreement.title.clone()
    }

    fn description(&self) -> String {
        self.agreement.summary.clone()
    }

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Legislation",
            "legislationType": "International agreement",
            "name": self.agreement.title,
            "abstract": self.agreement.summary,
            "url": url,
            "legislationDate": self.agreement.signed_on,
            "legislationJurisdiction": self.parties.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
            "keywords": self.areas.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
        })
    }
}

impl RecordPage for MeetingDetail {
    fn heading(&self) -> String {
        self.meeting.title.clone()
    }

    fn description(&self) -> String {
        self.meeting.summary.clone()
    }

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.meeting.title,
            "description": self.meeting.summary,
            "url": url,
            "startDate": self.meeting.held_on,
            "location": self.meeting.place.as_ref().map(|p| json!({ "@type": "Place", "name": p })),
            "organizer": self.organisations.iter()
                .map(|o| json!({ "@type": "Organization", "name": o.name })).collect::<Vec<_>>(),
            "performer": names(&self.co_chairs, "Person"),
        })
    }
}

impl RecordPage for DelegationDetail {
    fn heading(&self) -> String {
        self.delegation.title.clone()
    }

    fn description(&self) -> String {
        self.delegation.purpose.clone()
    }

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.delegation.title,
            "description": self.delegation.purpose,
            "url": url,
            "startDate": self.delegation.starts_on,
            "endDate": self.delegation.ends_on,
            "location": { "@type": "Country", "name": self.host_country.name },
            "performer": self.leader.as_ref().map(|l| json!({ "@type": "Person", "name": l.name })),
        })
    }
}

impl RecordPage for MouDetail {
    fn heading(&self) -> String {
        self.title.clone()
    }

    fn description(&self) -> String {
        self.purpose.clone()
    }

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "additionalType": "Memorandum of understanding",
            "name": self.title,
            "abstract": self.purpose,
            "url": url,
            "dateCreated": self.signed_on,
            "expires": self.valid_until,
            "contributor": self.parties.iter()
                .map(|p| json!({ "@type": "Organization", "name": p.name })).collect::<Vec<_>>(),
            "keywords": self.areas.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
        })
    }
}

impl RecordPage for OrganisationDetail {
    fn heading(&self) -> String {
        self.organisation.name.clone()
    }

    fn description(&self) -> String {
        self.organisation.description.clone()
    }

    fn linked_data(&self, url: &str) -> Value {
        let o = &self.organisation;
        json!({
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": o.name,
            "alternateName": o.short_name,
            "description": o.description,
            "url": url,
            "sameAs": o.website,
            "address": { "@type": "PostalAddress", "addressCountry": o.country.code },
        })
    }
}

impl RecordPage for PersonDetail {
    fn heading(&self) -> String {
        self.name.clone()
    }

    fn description(&self) -> String {
        self.appointments
            .first()
            .map(|post| post.title.clone())
            .unwrap_or_default()
    }

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.name,
            "url": url,
            "nationality": { "@type": "Country", "name": self.country.name },
            "jobTitle": self.appointments.first().map(|post| post.title.clone()),
        })
    }
}

impl RecordPage for AreaDetail {
    fn heading(&self) -> String {
        self.name.clone()
    }

    fn description(&self) -> String {
        self.description.clone()
    }

    fn linked_data(&self, url: &str) -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "DefinedTerm",
            "name": self.name,
            "description": self.description,
            "url": url,
            "inDefinedTermSet": "Focus areas of the Malaysia–China STI cooperation",
        })
    }
}
