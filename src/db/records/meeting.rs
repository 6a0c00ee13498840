use super::{
    Record, Resolver, Stored, Target, address, addresses, iso, linked, replace_links, upsert,
};
use crate::db::schema::{
    agreements, focus_areas, meeting_areas, meeting_co_chairs, meeting_organisations, meetings,
    organisations, people,
};
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{MeetingContent, MeetingForm};
use crate::domain::{Lang, Localized, PartialDate};
use diesel::prelude::*;

pub struct Meetings;

type Row = (
    String,
    i32,
    Localized,
    Localized,
    Option<i32>,
    Option<String>,
    Option<PartialDate>,
    Localized,
    Localized,
    Localized,
);

impl Record for Meetings {
    type Form = MeetingForm;
    const COLLECTION: Collection = Collection::Meetings;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<MeetingForm>>> {
        let Some(row) = meetings::table
            .left_join(agreements::table)
            .filter(meetings::id.eq(id))
            .select((
                meetings::slug,
                meetings::version,
                (meetings::title, meetings::title_ms, meetings::title_zh),
                (
                    meetings::joint_body,
                    meetings::joint_body_ms,
                    meetings::joint_body_zh,
                ),
                meetings::ordinal,
                agreements::slug.nullable(),
                meetings::held_on,
                (meetings::place, meetings::place_ms, meetings::place_zh),
                (
                    meetings::summary,
                    meetings::summary_ms,
                    meetings::summary_zh,
                ),
                (
                    meetings::outcomes,
                    meetings::outcomes_ms,
                    meetings::outcomes_zh,
                ),
            ))
            .first::<Row>(conn)
            .found()?
        else {
            return Ok(None);
        };
        let (
            slug,
            version,
            title,
            joint_body,
            ordinal,
            agreement,
            held_on,
            place,
            summary,
            outcomes,
        ) = row;
        let co_chairs: Vec<String> = linked!(conn, meeting_co_chairs.meeting_id = id,
            people.slug, order by meeting_co_chairs::position);
        let organisations: Vec<String> = linked!(conn, meeting_organisations.meeting_id = id,
            organisations.slug, order by organisations::name);
        let [title, title_ms, title_zh] = title.into_inputs();
        let [joint_body, joint_body_ms, joint_body_zh] = joint_body.into_inputs();
        let [place, place_ms, place_zh] = place.into_inputs();
        let [summary, summary_ms, summary_zh] = summary.into_inputs();
        let [outcomes, outcomes_ms, outcomes_zh] = outcomes.into_inputs();
        let form = MeetingForm {
            title,
            title_ms,
            title_zh,
            joint_body,
            joint_body_ms,
            joint_body_zh,
            ordinal: ordinal.map(|n| n.to_string()).unwrap_or_default(),
            agreement: agreement
                .map(|slug| address(Collection::Agreements, &slug))
                .unwrap_or_default(),
            held_on: iso(held_on),
            place,
            place_ms,
            place_zh,
            summary,
            summary_ms,
            summary_zh,
            outcomes,
            outcomes_ms,
            outcomes_zh,
            co_chairs: addresses(Collection::People, &co_chairs),
            organisations: addresses(Collection::Organisations, &organisations),
            areas: linked!(conn, meeting_areas.meeting_id = id,
                focus_areas.slug, order by focus_areas::slug),
            ..MeetingForm::default()
        };
        Ok(Some(Stored::new(id, slug, version, form)))
    }

    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &MeetingContent,
    ) -> DbResult<i32> {
        let mut resolver = Resolver::default();
        let agreement_id = resolver.one(
            conn,
            "agreement",
            Collection::Agreements,
            content.agreement.as_ref(),
        )?;
        let co_chairs = resolver.all(conn, "co_chairs", Collection::People, &content.co_chairs)?;
        let organisations = resolver.all(
            conn,
            "organisations",
            Collection::Organisations,
            &content.organisations,
        )?;
        let areas = resolver.all(conn, "areas", Collection::Areas, &content.areas)?;
        resolver.finish()?;
        let values = (
            (
                meetings::title.eq(content.title.input(Lang::En)),
                meetings::title_ms.eq(content.title.get(Lang::Ms)),
                meetings::title_zh.eq(content.title.get(Lang::Zh)),
            ),
            (
                meetings::joint_body.eq(content.joint_body.input(Lang::En)),
                meetings::joint_body_ms.eq(content.joint_body.get(Lang::Ms)),
                meetings::joint_body_zh.eq(content.joint_body.get(Lang::Zh)),
            ),
            meetings::ordinal.eq(content.ordinal),
            meetings::agreement_id.eq(agreement_id),
            meetings::held_on.eq(content.held_on),
            (
                meetings::place.eq(content.place.get(Lang::En)),
                meetings::place_ms.eq(content.place.get(Lang::Ms)),
                meetings::place_zh.eq(content.place.get(Lang::Zh)),
            ),
            (
                meetings::summary.eq(content.summary.input(Lang::En)),
                meetings::summary_ms.eq(content.summary.get(Lang::Ms)),
                meetings::summary_zh.eq(content.summary.get(Lang::Zh)),
            ),
            (
                meetings::outcomes.eq(content.outcomes.input(Lang::En)),
                meetings::outcomes_ms.eq(content.outcomes.get(Lang::Ms)),
                meetings::outcomes_zh.eq(content.outcomes.get(Lang::Zh)),
            ),
        );
        let id = upsert!(conn, target, meetings, values);
        replace_links!(conn, meeting_co_chairs, meeting_id = id, person_id in &co_chairs,
            ordered by position);
        replace_links!(conn, meeting_organisations, meeting_id = id,
            organisation_id in &organisations);
        replace_links!(conn, meeting_areas, meeting_id = id, area_id in &areas);
        Ok(id)
    }
}
