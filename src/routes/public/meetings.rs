use crate::db::meetings::{self, MeetingDetail, MeetingItem};

collection! {
    queries: meetings,
    list: "/meetings", "public/meetings.html", MeetingItem,
    detail: "/meetings/{slug}", "public/meeting.html", MeetingDetail,
    spec: {
        kind: RecordKind::Meeting,
        title: "Meetings",
        intro: "Sessions of the joint committees and groups set up under the agreements.",
        section: Section::Meetings,
        filters: &[Filter::Area, Filter::Organisation, Filter::Country, Filter::Year],
        feed: None,
        record_feeds: false,
    },
}
