use crate::db::agreements::{self, AgreementDetail, AgreementItem};

collection! {
    queries: agreements,
    list: "/agreements", "public/agreements.html", AgreementItem,
    detail: "/agreements/{slug}", "public/agreement.html", AgreementDetail,
    spec: {
        kind: RecordKind::Agreement,
        title: "Agreements",
        intro: "Government-to-government agreements that frame the cooperation, with their status over time.",
        section: Section::Agreements,
        filters: &[Filter::Area, Filter::Country, Filter::Status, Filter::Year],
        feed: None,
        record_feeds: false,
    },
}
