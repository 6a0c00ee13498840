use crate::db::delegations::{self, DelegationDetail, DelegationItem};

collection! {
    queries: delegations,
    list: "/delegations", "public/delegations.html", DelegationItem,
    detail: "/delegations/{slug}", "public/delegation.html", DelegationDetail,
    spec: {
        title: "Delegations",
        intro: "Ministerial and official visits between the two countries, with their itineraries.",
        section: Delegations,
        filters: [Area, Organisation, Country, Year],
    },
    heading: |record| record.delegation.title,
}
