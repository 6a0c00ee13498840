use crate::db::agreements::{self, AgreementDetail, AgreementItem};

collection! {
    queries: agreements,
    list: "/agreements", "public/agreements.html", AgreementItem,
    detail: "/agreements/{slug}", "public/agreement.html", AgreementDetail,
    spec: {
        title: "Agreements",
        intro: "Government-to-government agreements that frame the cooperation, with their status over time.",
        section: Agreements,
        filters: [Area, Country, Status, Year],
    },
    heading: |record| record.agreement.title,
}
