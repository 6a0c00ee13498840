use crate::db::statements::{self, StatementDetail, StatementItem};

collection! {
    queries: statements,
    list: "/statements", "public/statements.html", StatementItem,
    detail: "/statements/{slug}", "public/statement.html", StatementDetail,
    spec: {
        kind: RecordKind::Statement,
        title: "Press statements",
        intro: "Press statements on the cooperation, newest first. Each links to the records it is about.",
        section: Section::Statements,
        filters: &[Filter::Area, Filter::Organisation, Filter::Year],
        feed: Some("/feed.atom"),
        record_feeds: false,
    },
}
