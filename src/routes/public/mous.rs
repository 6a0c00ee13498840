use crate::db::mous::{self, MouDetail, MouItem};

collection! {
    queries: mous,
    list: "/mous", "public/mous.html", MouItem,
    detail: "/mous/{slug}", "public/mou.html", MouDetail,
    spec: {
        kind: RecordKind::Mou,
        title: "mous-title",
        intro: "mous-intro",
        section: Section::Mous,
        filters: &[Filter::Area, Filter::Organisation, Filter::Country, Filter::Status, Filter::Year],
        feed: None,
        record_feeds: false,
        comparable: true,
    },
}
