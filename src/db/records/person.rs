use super::{Record, Resolver, Stored, Target, address, iso, upsert};
use crate::db::schema::{appointments, countries, organisations, people};
use crate::db::{DbResult, OptionalRow};
use crate::domain::PartialDate;
use crate::domain::forms::Collection;
use crate::domain::records::{PersonContent, PersonForm};
use diesel::prelude::*;

pub struct People;

type AppointmentRow = (
    String,
    Option<String>,
    Option<PartialDate>,
    Option<PartialDate>,
);

impl Record for People {
    type Form = PersonForm;
    const COLLECTION: Collection = Collection::People;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<PersonForm>>> {
        let Some((slug, version, name, country)) = people::table
            .inner_join(countries::table)
            .filter(people::id.eq(id))
            .select((people::slug, people::version, people::name, countries::code))
            .first::<(String, i32, String, String)>(conn)
            .found()?
        else {
            return Ok(None);
        };
        let posts: Vec<AppointmentRow> = appointments::table
            .left_join(organisations::table)
            .filter(appointments::person_id.eq(id))
            .order((appointments::starts_on, appointments::id))
            .select((
                appointments::title,
                organisations::slug.nullable(),
                appointments::starts_on,
                appointments::ends_on,
            ))
            .load(conn)?;
        let mut form = PersonForm {
            name,
            country,
            ..PersonForm::default()
        };
        for (title, organisation, from, to) in posts {
            form.appointment_title.push(title);
            form.appointment_organisation.push(
                organisation.map_or_else(String::new, |o| address(Collection::Organisations, &o)),
            );
            form.appointment_from.push(iso(from));
            form.appointment_to.push(iso(to));
        }
        Ok(Some(Stored::new(id, slug, version, form)))
    }

    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &PersonContent,
    ) -> DbResult<i32> {
        let mut resolver = Resolver::default();
        let country_id = resolver.country(conn, "country", content.country)?;
        let mut organisation_ids = Vec::with_capacity(content.appointments.len());
        for appointment in &content.appointments {
            organisation_ids.push(resolver.one(
                conn,
                "appointments",
                Collection::Organisations,
                appointment.organisation.as_ref(),
            )?);
        }
        resolver.finish()?;
        let values = (
            people::name.eq(&content.name),
            people::country_id.eq(country_id),
        );
        let id = upsert!(conn, target, people, values);
        // Nothing refers to an appointment row, so the list is simply written anew.
        diesel::delete(appointments::table.filter(appointments::person_id.eq(id))).execute(conn)?;
        for (appointment, organisation_id) in content.appointments.iter().zip(organisation_ids) {
            diesel::insert_into(appointments::table)
                .values((
                    appointments::person_id.eq(id),
                    appointments::title.eq(&appointment.title),
                    appointments::organisation_id.eq(organisation_id),
                    appointments::starts_on.eq(appointment.starts_on),
                    appointments::ends_on.eq(appointment.ends_on),
                ))
                .execute(conn)?;
        }
        Ok(id)
    }
}
