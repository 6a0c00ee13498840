use crate::db::organisations::{self, OrganisationDetail, OrganisationItem};

collection! {
    queries: organisations,
    list: "/organisations", "public/organisations.html", OrganisationItem,
    detail: "/organisations/{slug}", "public/organisation.html", OrganisationDetail,
    spec: {
        title: "Organisations",
        intro: "Ministries, agencies, universities, research institutes and companies taking part in the cooperation.",
        section: Organisations,
        filters: [Area, Country, Kind],
    },
    heading: |record| record.organisation.name,
}
