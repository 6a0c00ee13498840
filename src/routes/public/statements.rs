use crate::db::statements::{self, StatementDetail, StatementItem};

collection! {
    queries: statements,
    list: "/statements", "public/statements.html", StatementItem,
    detail: "/statements/{slug}", "public/statement.html", StatementDetail,
    spec: {
        kind: RecordKind::Statement,
        title: "statements-title",
        intro: "statements-intro",
        section: Section::Statements,
        filters: &[Filter::Area, Filter::Organisation, Filter::Year],
        feed: Some("/feed.atom"),
        record_feeds: false,
        comparable: true,
    },
}
