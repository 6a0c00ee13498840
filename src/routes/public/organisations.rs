use crate::db::organisations::{self, OrganisationDetail, OrganisationItem};

collection! {
    queries: organisations,
    list: "/organisations", "public/organisations.html", OrganisationItem,
    detail: "/organisations/{slug}", "public/organisation.html", OrganisationDetail,
    spec: {
        kind: RecordKind::Organisation,
        title: "Organisations",
        intro: "Ministries, agencies, universities, research institutes and companies taking part in the cooperation.",
        section: Section::Organisations,
        filters: &[Filter::Area, Filter::Country, Filter::Kind],
        feed: None,
        record_feeds: true,
    },
}
