use super::{
    Record, Resolver, Stored, Target, address, addresses, iso, linked, replace_links,
    status_history, upsert,
};
use crate::db::documents::{self, Owner};
use crate::db::schema::{
    delegations, focus_areas, itinerary_stops, meetings, mou_areas, mou_parties, mou_status_events,
    mou_witnesses, mous, organisations, people,
};
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{MouContent, MouForm, SigningPlace, StatusEvent};
use crate::domain::{Lang, Localized, Message, PartialDate, RecordStatus};
use chrono::NaiveDate;
use diesel::prelude::*;

pub struct Mous;

status_history!(mou_status_events, mou_id, mous);

type Row = (
    String,
    i32,
    Localized,
    Option<PartialDate>,
    Localized,
    Option<i32>,
    Option<i32>,
    Localized,
    Option<NaiveDate>,
    Option<i32>,
);

/// Where the MoU was signed, as the form names it: a meeting's address, or a visit's address
/// with the stop's number in its itinerary.
fn signing_place(
    conn: &mut SqliteConnection,
    meeting_id: Option<i32>,
    stop_id: Option<i32>,
) -> DbResult<String> {
    if let Some(meeting_id) = meeting_id {
        let slug: String = meetings::table
            .find(meeting_id)
            .select(meetings::slug)
            .first(conn)?;
        return Ok(address(Collection::Meetings, &slug));
    }
    let Some(stop_id) = stop_id else {
        return Ok(String::new());
    };
    let (delegation_id, slug, position): (i32, String, i32) = itinerary_stops::table
        .inner_join(delegations::table)
        .filter(itinerary_stops::id.eq(stop_id))
        .select((
            delegations::id,
            delegations::slug,
            itinerary_stops::position,
        ))
        .first(conn)?;
    let number: i64 = itinerary_stops::table
        .filter(itinerary_stops::delegation_id.eq(delegation_id))
        .filter(itinerary_stops::position.le(position))
        .count()
        .get_result(conn)?;
    Ok(format!(
        "{}#stop-{number}",
        address(Collection::Delegations, &slug)
    ))
}

impl Record for Mous {
    type Form = MouForm;
    const COLLECTION: Collection = Collection::Mous;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<MouForm>>> {
        let Some(row) = mous::table
            .find(id)
            .select((
                mous::slug,
                mous::version,
                (mous::title, mous::title_ms, mous::title_zh),
                mous::signed_on,
                (mous::place, mous::place_ms, mous::place_zh),
                mous::meeting_id,
                mous::itinerary_stop_id,
                (mous::purpose, mous::purpose_ms, mous::purpose_zh),
                mous::valid_until,
                mous::renews_mou_id,
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
            signed_on,
            place,
            meeting_id,
            stop_id,
            purpose,
            valid_until,
            renews,
        ) = row;
        let parties: Vec<String> = linked!(conn, mou_parties.mou_id = id,
            organisations.slug, order by mou_parties::position);
        let witnesses: Vec<String> =
            linked!(conn, mou_witnesses.mou_id = id, people.slug, order by people::name);
        let renews: Option<String> = match renews {
            Some(renewed) => Some(mous::table.find(renewed).select(mous::slug).first(conn)?),
            None => None,
        };
        let [title, title_ms, title_zh] = title.into_inputs();
        let [place, place_ms, place_zh] = place.into_inputs();
        let [purpose, purpose_ms, purpose_zh] = purpose.into_inputs();
        let form = MouForm {
            title,
            title_ms,
            title_zh,
            signed_on: iso(signed_on),
            place,
            place_ms,
            place_zh,
            signed_at: signing_place(conn, meeting_id, stop_id)?,
            purpose,
            purpose_ms,
            purpose_zh,
            parties: addresses(Collection::Organisations, &parties),
            witnesses: addresses(Collection::People, &witnesses),
            areas: linked!(conn, mou_areas.mou_id = id,
                focus_areas.slug, order by focus_areas::slug),
            valid_until: valid_until.map(|d| d.to_string()).unwrap_or_default(),
            renews: renews
                .map(|slug| address(Collection::Mous, &slug))
                .unwrap_or_default(),
            ..MouForm::default()
        };
        let mut stored = Stored::new(id, slug, version, form);
        stored.history = history(conn, id)?;
        stored.documents = documents::attached(conn, Owner::Mou(id))?;
        Ok(Some(stored))
    }

    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &MouContent,
    ) -> DbResult<i32> {
        let mut resolver = Resolver::default();
        let (meeting_id, stop_id) = match &content.signed_at {
            None => (None, None),
            Some(SigningPlace::Meeting(slug)) => (
                resolver.one(conn, "signed_at", Collection::Meetings, Some(slug))?,
                None,
            ),
            Some(place @ SigningPlace::Stop { delegation, number }) => {
                let delegation_id =
                    resolver.one(conn, "signed_at", Collection::Delegations, Some(delegation))?;
                let stop_id: Option<i32> = match delegation_id {
                    Some(delegation_id) => itinerary_stops::table
                        .filter(itinerary_stops::delegation_id.eq(delegation_id))
                        .order(itinerary_stops::position)
                        .offset(i64::from(*number) - 1)
                        .select(itinerary_stops::id)
                        .first(conn)
                        .found()?,
                    None => None,
                };
                if delegation_id.is_some() && stop_id.is_none() {
                    resolver.refuse(
                        "signed_at",
                        Message::new("invalid-missing-stop").text("address", place.address()),
                    );
                }
                (None, stop_id)
            }
        };
        let parties = resolver.all(conn, "parties", Collection::Organisations, &content.parties)?;
        let witnesses = resolver.all(conn, "witnesses", Collection::People, &content.witnesses)?;
        let areas = resolver.all(conn, "areas", Collection::Areas, &content.areas)?;
        let renews = resolver.one(conn, "renews", Collection::Mous, content.renews.as_ref())?;
        if let (Some(renewed), Target::Existing(id)) = (renews, target)
            && renewed == id
        {
            resolver.refuse("renews", Message::new("invalid-renews-itself"));
        }
        let status = resolver.first_status(target, content.new_event.as_ref());
        resolver.finish()?;
        let values = (
            (
                mous::title.eq(content.title.input(Lang::En)),
                mous::title_ms.eq(content.title.get(Lang::Ms)),
                mous::title_zh.eq(content.title.get(Lang::Zh)),
            ),
            mous::signed_on.eq(content.signed_on),
            (
                mous::place.eq(content.place.get(Lang::En)),
                mous::place_ms.eq(content.place.get(Lang::Ms)),
                mous::place_zh.eq(content.place.get(Lang::Zh)),
            ),
            mous::meeting_id.eq(meeting_id),
            mous::itinerary_stop_id.eq(stop_id),
            (
                mous::purpose.eq(content.purpose.input(Lang::En)),
                mous::purpose_ms.eq(content.purpose.get(Lang::Ms)),
                mous::purpose_zh.eq(content.purpose.get(Lang::Zh)),
            ),
            mous::valid_until.eq(content.valid_until),
            mous::renews_mou_id.eq(renews),
        );
        // The status column mirrors the history, which starts with the form's event.
        let id = upsert!(conn, target, mous, values, new: mous::status.eq(status));
        replace_links!(conn, mou_parties, mou_id = id, organisation_id in &parties,
            ordered by position);
        replace_links!(conn, mou_witnesses, mou_id = id, person_id in &witnesses);
        replace_links!(conn, mou_areas, mou_id = id, area_id in &areas);
        if let Some(event) = &content.new_event {
            add_event(conn, id, event)?;
        }
        Ok(id)
    }
}
