use super::{Record, Resolver, Stored, Target, address, iso, linked, replace_links, upsert};
use crate::db::schema::{
    countries, delegation_areas, delegation_members, delegations, focus_areas, itinerary_stops,
    meetings, mous, organisations, people,
};
use crate::db::{DbResult, OptionalRow};
use crate::domain::PartialDate;
use crate::domain::forms::Collection;
use crate::domain::records::{DelegationContent, DelegationForm};
use chrono::NaiveDate;
use diesel::prelude::*;

pub struct Delegations;

type Row = (
    String,
    i32,
    String,
    Option<String>,
    i32,
    i32,
    NaiveDate,
    NaiveDate,
    String,
);

type StopRow = (
    i32,
    String,
    Option<PartialDate>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
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
                delegations::title,
                people::slug.nullable(),
                delegations::from_country_id,
                delegations::host_country_id,
                delegations::starts_on,
                delegations::ends_on,
                delegations::purpose,
            ))
            .first::<Row>(conn)
            .found()?
        else {
            return Ok(None);
        };
        let (slug, version, title, leader, from_id, host_id, starts_on, ends_on, purpose) = row;
        let members: Vec<(String, String)> = delegation_members::table
            .inner_join(people::table)
            .filter(delegation_members::delegation_id.eq(id))
            .order(people::name)
            .select((people::slug, delegation_members::role))
            .load(conn)?;
        let mut form = DelegationForm {
            title,
            leader: optional_address(Collection::People, leader),
            from_country: country_code(conn, from_id)?,
            host_country: country_code(conn, host_id)?,
            starts_on: starts_on.to_string(),
            ends_on: ends_on.to_string(),
            purpose,
            members: members
                .into_iter()
                .map(|(person, role)| match role.as_str() {
                    "" => address(Collection::People, &person),
                    role => format!("{} | {role}", address(Collection::People, &person)),
                })
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
                itinerary_stops::title,
                itinerary_stops::stop_on,
                itinerary_stops::place,
                organisations::slug.nullable(),
                meetings::slug.nullable(),
                itinerary_stops::event_name,
                itinerary_stops::summary,
            ))
            .load(conn)?;
        for (number, (stop_id, title, on, place, organisation, meeting, event, summary)) in
            (1..).zip(stops)
        {
            form.stop_id.push(stop_id.to_string());
            form.stop_position.push(format!("{number}"));
            form.stop_title.push(title);
            form.stop_on.push(iso(on));
            form.stop_place.push(place.unwrap_or_default());
            form.stop_organisation
                .push(optional_address(Collection::Organisations, organisation));
            form.stop_meeting
                .push(optional_address(Collection::Meetings, meeting));
            form.stop_event.push(event.unwrap_or_default());
            form.stop_summary.push(summary);
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
            resolver.refuse(
                "itinerary",
                "lists a stop that is not part of this visit; reload the form".into(),
            );
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
                    format!(
                        "cannot lose the stop “{title}”: /mous/{mou} was signed there; \
                         change that MoU first"
                    ),
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
            delegations::title.eq(&content.title),
            delegations::leader_id.eq(leader_id),
            delegations::from_country_id.eq(from_country_id),
            delegations::host_country_id.eq(host_country_id),
            delegations::starts_on.eq(content.starts_on),
            delegations::ends_on.eq(content.ends_on),
            delegations::purpose.eq(&content.purpose),
        );
        let id = upsert!(conn, target, delegations, values);
        diesel::delete(delegation_members::table.filter(delegation_members::delegation_id.eq(id)))
            .execute(conn)?;
        for (person_id, role) in members {
            diesel::insert_into(delegation_members::table)
                .values((
                    delegation_members::delegation_id.eq(id),
                    delegation_members::person_id.eq(person_id),
                    delegation_members::role.eq(role),
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
                itinerary_stops::title.eq(&stop.title),
                itinerary_stops::stop_on.eq(stop.stop_on),
                itinerary_stops::place.eq(&stop.place),
                itinerary_stops::organisation_id.eq(organisation_id),
                itinerary_stops::meeting_id.eq(meeting_id),
                itinerary_stops::event_name.eq(&stop.event_name),
                itinerary_stops::summary.eq(&stop.summary),
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
