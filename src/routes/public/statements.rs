use crate::db::statements::{self, StatementDetail, StatementItem};

collection! {
    queries: statements,
    list: "/statements", "public/statements.html", StatementItem,
    detail: "/statements/{slug}", "public/statement.html", StatementDetail,
    spec: {
        title: "Press statements",
        intro: "Press statements on the cooperation, newest first. Each links to the records it is about.",
        section: Statements,
        filters: [Area, Organisation, Year],
    },
    heading: |record| record.title,
}
