use crate::db::people::{self, PersonDetail, PersonItem};

collection! {
    queries: people,
    list: "/people", "public/people.html", PersonItem,
    detail: "/people/{slug}", "public/person.html", PersonDetail,
    spec: {
        title: "People",
        intro: "Ministers, officials and others who chair, sign, lead and witness.",
        section: People,
        filters: [Organisation, Country],
    },
    heading: |record| record.name,
}
