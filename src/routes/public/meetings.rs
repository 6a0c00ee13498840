use crate::db::meetings::{self, MeetingDetail, MeetingItem};

collection! {
    queries: meetings,
    list: "/meetings", "public/meetings.html", MeetingItem,
    detail: "/meetings/{slug}", "public/meeting.html", MeetingDetail,
    spec: {
        title: "Meetings",
        intro: "Sessions of the joint committees and groups set up under the agreements.",
        section: Meetings,
        filters: [Area, Organisation, Country, Year],
    },
    heading: |record| record.meeting.title,
}
