use crate::db::mous::{self, MouDetail, MouItem};

collection! {
    queries: mous,
    list: "/mous", "public/mous.html", MouItem,
    detail: "/mous/{slug}", "public/mou.html", MouDetail,
    spec: {
        title: "Memoranda of understanding",
        intro: "Memoranda of understanding signed between universities, agencies and companies of the two countries.",
        section: Mous,
        filters: [Area, Organisation, Country, Status, Year],
    },
    heading: |record| record.title,
}
