use crate::db::delegations::{self, DelegationDetail, DelegationItem};

collection! {
    queries: delegations,
    list: "/delegations", "public/delegations.html", DelegationItem,
    detail: "/delegations/{slug}", "public/delegation.html", DelegationDetail,
    spec: {
        kind: RecordKind::Delegation,
        title: "delegations-title",
        intro: "delegations-intro",
        section: Section::Delegations,
        filters: &[Filter::Area, Filter::Organisation, Filter::Country, Filter::Year],
        feed: None,
        record_feeds: false,
        comparable: false,
    },
}
