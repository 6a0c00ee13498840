use crate::db::meetings::{self, MeetingDetail, MeetingItem};

collection! {
    queries: meetings,
    list: "/meetings", "public/meetings.html", MeetingItem,
    detail: "/meetings/{slug}", "public/meeting.html", MeetingDetail,
    spec: {
        kind: RecordKind::Meeting,
        title: "meetings-title",
        intro: "meetings-intro",
        section: Section::Meetings,
        filters: &[Filter::Area, Filter::Organisation, Filter::Country, Filter::Year],
        feed: None,
        record_feeds: false,
        comparable: false,
    },
}
