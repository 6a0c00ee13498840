use crate::db::agreements::{self, AgreementDetail, AgreementItem};

collection! {
    queries: agreements,
    list: "/agreements", "public/agreements.html", AgreementItem,
    detail: "/agreements/{slug}", "public/agreement.html", AgreementDetail,
    spec: {
        kind: RecordKind::Agreement,
        title: "agreements-title",
        intro: "agreements-intro",
        section: Section::Agreements,
        filters: &[Filter::Area, Filter::Country, Filter::Status, Filter::Year],
        feed: None,
        record_feeds: false,
        comparable: false,
    },
}
