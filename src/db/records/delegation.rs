use super::{Record, Resolver, Stored, Target, address, iso, linked, replace_links, upsert};
use crate::db::schema::{
    countries, delegation_areas, delegation_members, delegations, focus_areas, itinerary_stops,
    meetings, mous, organisations, people,
};
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{DelegationContent, DelegationForm};
use crate::domain::{Lang, Localized, Message, PartialDate};
use chrono::NaiveDate;
use diesel::prelude::*;

pub struct Delegations;

type Row = (
    String,
    i32,
    Localized,
    Option<String>,
    i32,
    i32,
    NaiveDate,
    NaiveDate,
    Localized,
);

type StopRow = (
    i32,
    Localized,
    Option<PartialDate>,
    Localized,
    Option<String>,
    Option<String>,
    Localized,
    Localized,
);

fn country_code(conn: &mut SqliteConnection, id: i32) -> QueryResult<String> {
    countries::table
        .find(id)
        .select(countries::code)
        .first(conn)
}

fn optional_address(collection: Collection, slug: Option<String>) -> String {
    slug.map(|s| address(collection, &s)).unwrap_or_default()
}

/// A member as the form's line names them: "/people/<slug> | role | Malay | Chinese", with
/// the role's translations where there are any.
fn member_line(person: &str, role: Localized) -> String {
    let mut parts = vec![address(Collection::People, person)];
    parts.extend(role.into_inputs());
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts.join(" | ")
}

impl Record for Delegations {
    type Form = DelegationForm;
    const COLLECTION: Collection = Collection::Delegations;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<DelegationForm>>> {
        let Some(row) = delegations::table
            .left_join(people::table)
            .filter(delegations::id.eq(id))
            .select((
                delegations::slug,
                delegations::version,
                (
                    delegations::title,
                    delegations::title_ms,
                    delegations::title_zh,
                ),
                people::slug.nullable(),
                delegations::from_country_id,
                delegations::host_country_id,
                delegations::starts_on,
                delegations::ends_on,
                (
                    delegations::purpose,
                    delegations::purpose_ms,
                    delegations::purpose_zh,
                ),
            ))
            .first::<Row>(conn)
            .found()?
        else {
            return Ok(None);
        };
        let (slug, version, title, leader, from_id, host_id, starts_on, ends_on, purpose) = row;
        let members: Vec<(String, Localized)> = delegation_members::table
            .inner_join(people::table)
            .filter(delegation_members::delegation_id.eq(id))
            .order(people::name)
            .select((
                people::slug,
                (
                    delegation_members::role,
                    delegation_members::role_ms,
                    delegation_members::role_zh,
                ),
            ))
            .load(conn)?;
        let [title, title_ms, title_zh] = title.into_inputs();
        let [purpose, purpose_ms, purpose_zh] = purpose.into_inputs();
        let mut form = DelegationForm {
            title,
            title_ms,
            title_zh,
            leader: optional_address(Collection::People, leader),
            from_country: country_code(conn, from_id)?,
            host_country: country_code(conn, host_id)?,
            starts_on: starts_on.to_string(),
            ends_on: ends_on.to_string(),
            purpose,
            purpose_ms,
            purpose_zh,
            members: members
                .into_iter()
                .map(|(person, role)| member_line(&person, role))
                .collect::<Vec<_>>()
                .join("\n"),
            areas: linked!(conn, delegation_areas.delegation_id = id,
                focus_areas.slug, order by focus_areas::slug),
            ..DelegationForm::default()
        };
        let stops: Vec<StopRow> = itinerary_stops::table
            .left_join(organisations::table)
            .left_join(meetings::table)
            .filter(itinerary_stops::delegation_id.eq(id))
            .order(itinerary_stops::position)
            .select((
                itinerary_stops::id,
                (
                    itinerary_stops::title,
                    itinerary_stops::title_ms,
                    itinerary_stops::title_zh,
                ),
                itinerary_stops::stop_on,
                (
                    itinerary_stops::place,
                    itinerary_stops::place_ms,
                    itinerary_stops::place_zh,
                ),
                organisations::slug.nullable(),
                meetings::slug.nullable(),
                (
                    itinerary_stops::event_name,
                    itinerary_stops::event_name_ms,
                    itinerary_stops::event_name_zh,
                ),
                (
                    itinerary_stops::summary,
                    itinerary_stops::summary_ms,
                    itinerary_stops::summary_zh,
                ),
            ))
            .load(conn)?;
        for (number, (stop_id, title, on, place, organisation, meeting, event, summary)) in
            (1..).zip(stops)
        {
            form.stop_id.push(stop_id.to_string());
            form.stop_position.push(format!("{number}"));
            let [title, title_ms, title_zh] = title.into_inputs();
            form.stop_title.push(title);
            form.stop_title_ms.push(title_ms);
            form.stop_title_zh.push(title_zh);
            form.stop_on.push(iso(on));
            let [place, place_ms, place_zh] = place.into_inputs();
            form.stop_place.push(place);
            form.stop_place_ms.push(place_ms);
            form.stop_place_zh.push(place_zh);
            form.stop_organisation
                .push(optional_address(Collection::Organisations, organisation));
            form.stop_meeting
                .push(optional_address(Collection::Meetings, meeting));
            let [event, event_ms, event_zh] = event.into_inputs();
            form.stop_event.push(event);
            form.stop_event_ms.push(event_ms);
            form.stop_event_zh.push(event_zh);
            let [summary, summary_ms, summary_zh] = summary.into_inputs();
            form.stop_summary.push(summary);
            form.stop_summary_ms.push(summary_ms);
            form.stop_summary_zh.push(summary_zh);
        }
        Ok(Some(Stored::new(id, slug, version, form)))
    }

    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &DelegationContent,
    ) -> DbResult<i32> {
        let mut resolver = Resolver::default();
        let leader_id =
            resolver.one(conn, "leader", Collection::People, content.leader.as_ref())?;
        let from_country_id = resolver.country(conn, "from_country", content.from_country)?;
        let host_country_id = resolver.country(conn, "host_country", content.host_country)?;
        let mut members = Vec::with_capacity(content.members.len());
        for member in &content.members {
            let person = resolver.one(conn, "members", Collection::People, Some(&member.person))?;
            members.push((person.unwrap_or_default(), &member.role));
        }
        let areas = resolver.all(conn, "areas", Collection::Areas, &content.areas)?;
        let current: Vec<(i32, String)> = match target {
            Target::Existing(id) => itinerary_stops::table
                .filter(itinerary_stops::delegation_id.eq(id))
                .select((itinerary_stops::id, itinerary_stops::title))
                .load(conn)?,
            Target::New(_) => Vec::new(),
        };
        let kept: Vec<i32> = content.stops.iter().filter_map(|s| s.id).collect();
        if kept.iter().any(|id| !current.iter().any(|(c, _)| c == id)) {
            resolver.refuse("itinerary", Message::new("invalid-stop-elsewhere"));
        }
        let mut removed = Vec::new();
        for (stop_id, title) in current.iter().filter(|(c, _)| !kept.contains(c)) {
            let signed_there: Vec<String> = mous::table
                .filter(mous::itinerary_stop_id.eq(stop_id))
                .select(mous::slug)
                .load(conn)?;
            match signed_there.first() {
                Some(mou) => resolver.refuse(
                    "itinerary",
                    Message::new("invalid-stop-signed-at")
                        .text("stop", title)
                        .text("address", format!("/mous/{mou}")),
                ),
                None => removed.push(*stop_id),
            }
        }
        let mut stop_links = Vec::with_capacity(content.stops.len());
        for stop in &content.stops {
            let organisation = resolver.one(
                conn,
                "itinerary",
                Collection::Organisations,
                stop.organisation.as_ref(),
            )?;
            let meeting = resolver.one(
                conn,
                "itinerary",
                Collection::Meetings,
                stop.meeting.as_ref(),
            )?;
            stop_links.push((organisation, meeting));
        }
        resolver.finish()?;
        let values = (
            (
                delegations::title.eq(content.title.input(Lang::En)),
                delegations::title_ms.eq(content.title.get(Lang::Ms)),
                delegations::title_zh.eq(content.title.get(Lang::Zh)),
            ),
            delegations::leader_id.eq(leader_id),
            delegations::from_country_id.eq(from_country_id),
            delegations::host_country_id.eq(host_country_id),
            delegations::starts_on.eq(content.starts_on),
            delegations::ends_on.eq(content.ends_on),
            (
                delegations::purpose.eq(content.purpose.input(Lang::En)),
                delegations::purpose_ms.eq(content.purpose.get(Lang::Ms)),
                delegations::purpose_zh.eq(content.purpose.get(Lang::Zh)),
            ),
        );
        let id = upsert!(conn, target, delegations, values);
        diesel::delete(delegation_members::table.filter(delegation_members::delegation_id.eq(id)))
            .execute(conn)?;
        for (person_id, role) in members {
            diesel::insert_into(delegation_members::table)
                .values((
                    delegation_members::delegation_id.eq(id),
                    delegation_members::person_id.eq(person_id),
                    delegation_members::role.eq(role.input(Lang::En)),
                    delegation_members::role_ms.eq(role.get(Lang::Ms)),
                    delegation_members::role_zh.eq(role.get(Lang::Zh)),
                ))
                .execute(conn)?;
        }
        replace_links!(conn, delegation_areas, delegation_id = id, area_id in &areas);
        diesel::delete(itinerary_stops::table.filter(itinerary_stops::id.eq_any(&removed)))
            .execute(conn)?;
        // Stops keep their ids (MoUs point at them); moving the kept ones out of the way first
        // lets the new order be written without two stops ever sharing a position.
        diesel::update(itinerary_stops::table.filter(itinerary_stops::delegation_id.eq(id)))
            .set(itinerary_stops::position.eq(itinerary_stops::position * -1))
            .execute(conn)?;
        for (position, (stop, (organisation_id, meeting_id))) in
            (1..).zip(content.stops.iter().zip(stop_links))
        {
            let values = (
                itinerary_stops::position.eq(position),
                (
                    itinerary_stops::title.eq(stop.title.input(Lang::En)),
                    itinerary_stops::title_ms.eq(stop.title.get(Lang::Ms)),
                    itinerary_stops::title_zh.eq(stop.title.get(Lang::Zh)),
                ),
                itinerary_stops::stop_on.eq(stop.stop_on),
                (
                    itinerary_stops::place.eq(stop.place.get(Lang::En)),
                    itinerary_stops::place_ms.eq(stop.place.get(Lang::Ms)),
                    itinerary_stops::place_zh.eq(stop.place.get(Lang::Zh)),
                ),
                itinerary_stops::organisation_id.eq(organisation_id),
                itinerary_stops::meeting_id.eq(meeting_id),
                (
                    itinerary_stops::event_name.eq(stop.event_name.get(Lang::En)),
                    itinerary_stops::event_name_ms.eq(stop.event_name.get(Lang::Ms)),
                    itinerary_stops::event_name_zh.eq(stop.event_name.get(Lang::Zh)),
                ),
                (
                    itinerary_stops::summary.eq(stop.summary.input(Lang::En)),
                    itinerary_stops::summary_ms.eq(stop.summary.get(Lang::Ms)),
                    itinerary_stops::summary_zh.eq(stop.summary.get(Lang::Zh)),
                ),
            );
            match stop.id {
                Some(stop_id) => {
                    diesel::update(itinerary_stops::table.find(stop_id))
                        .set((values, itinerary_stops::updated_at.eq(diesel::dsl::now)))
                        .execute(conn)?;
                }
                None => {
                    diesel::insert_into(itinerary_stops::table)
                        .values((values, itinerary_stops::delegation_id.eq(id)))
                        .execute(conn)?;
                }
            }
        }
        Ok(id)
    }
}
