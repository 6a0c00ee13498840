use crate::db::organisations::{self, OrganisationDetail, OrganisationItem};

collection! {
    queries: organisations,
    list: "/organisations", "public/organisations.html", OrganisationItem,
    detail: "/organisations/{slug}", "public/organisation.html", OrganisationDetail,
    spec: {
        kind: RecordKind::Organisation,
        title: "organisations-title",
        intro: "organisations-intro",
        section: Section::Organisations,
        filters: &[Filter::Area, Filter::Country, Filter::Kind],
        feed: None,
        record_feeds: true,
        comparable: false,
    },
}
