use crate::db::people::{self, PersonDetail, PersonItem};

collection! {
    queries: people,
    list: "/people", "public/people.html", PersonItem,
    detail: "/people/{slug}", "public/person.html", PersonDetail,
    spec: {
        kind: RecordKind::Person,
        title: "people-title",
        intro: "people-intro",
        section: Section::People,
        filters: &[Filter::Organisation, Filter::Country],
        feed: None,
        record_feeds: false,
        comparable: false,
    },
}
