use super::{
    Record, Resolver, Stored, Target, address, addresses, iso, linked, replace_links, upsert,
};
use crate::db::schema::{
    agreements, focus_areas, meeting_areas, meeting_co_chairs, meeting_organisations, meetings,
    organisations, people,
};
use crate::db::{DbResult, OptionalRow};
use crate::domain::PartialDate;
use crate::domain::forms::Collection;
use crate::domain::records::{MeetingContent, MeetingForm};
use diesel::prelude::*;

pub struct Meetings;

type Row = (
    String,
    i32,
    String,
    String,
    Option<i32>,
    Option<String>,
    Option<PartialDate>,
    Option<String>,
    String,
    String,
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
                meetings::title,
                meetings::joint_body,
                meetings::ordinal,
                agreements::slug.nullable(),
                meetings::held_on,
                meetings::place,
                meetings::summary,
                meetings::outcomes,
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
        let form = MeetingForm {
            title,
            joint_body,
            ordinal: ordinal.map(|n| n.to_string()).unwrap_or_default(),
            agreement: agreement
                .map(|slug| address(Collection::Agreements, &slug))
                .unwrap_or_default(),
            held_on: iso(held_on),
            place: place.unwrap_or_default(),
            summary,
            outcomes,
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
            meetings::title.eq(&content.title),
            meetings::joint_body.eq(&content.joint_body),
            meetings::ordinal.eq(content.ordinal),
            meetings::agreement_id.eq(agreement_id),
            meetings::held_on.eq(content.held_on),
            meetings::place.eq(&content.place),
            meetings::summary.eq(&content.summary),
            meetings::outcomes.eq(&content.outcomes),
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
