use crate::db::people::{self, PersonDetail, PersonItem};

collection! {
    queries: people,
    list: "/people", "public/people.html", PersonItem,
    detail: "/people/{slug}", "public/person.html", PersonDetail,
    spec: {
        kind: RecordKind::Person,
        title: "People",
        intro: "Ministers, officials and others who chair, sign, lead and witness.",
        section: Section::People,
        filters: &[Filter::Organisation, Filter::Country],
        feed: None,
        record_feeds: false,
    },
}
