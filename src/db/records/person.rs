use super::{Record, Resolver, Stored, Target, address, iso, upsert};
use crate::db::schema::{appointments, countries, organisations, people};
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{PersonContent, PersonForm};
use crate::domain::{Lang, Localized, PartialDate};
use diesel::prelude::*;

pub struct People;

type AppointmentRow = (
    Localized,
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
            .select((
                people::slug,
                people::version,
                (people::name, people::name_ms, people::name_zh),
                countries::code,
            ))
            .first::<(String, i32, Localized, String)>(conn)
            .found()?
        else {
            return Ok(None);
        };
        let posts: Vec<AppointmentRow> = appointments::table
            .left_join(organisations::table)
            .filter(appointments::person_id.eq(id))
            .order((appointments::starts_on, appointments::id))
            .select((
                (
                    appointments::title,
                    appointments::title_ms,
                    appointments::title_zh,
                ),
                organisations::slug.nullable(),
                appointments::starts_on,
                appointments::ends_on,
            ))
            .load(conn)?;
        let [name, name_ms, name_zh] = name.into_inputs();
        let mut form = PersonForm {
            name,
            name_ms,
            name_zh,
            country,
            ..PersonForm::default()
        };
        for (title, organisation, from, to) in posts {
            let [title, title_ms, title_zh] = title.into_inputs();
            form.appointment_title.push(title);
            form.appointment_title_ms.push(title_ms);
            form.appointment_title_zh.push(title_zh);
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
            people::name.eq(content.name.input(Lang::En)),
            people::name_ms.eq(content.name.get(Lang::Ms)),
            people::name_zh.eq(content.name.get(Lang::Zh)),
            people::country_id.eq(country_id),
        );
        let id = upsert!(conn, target, people, values);
        // Nothing refers to an appointment row, so the list is simply written anew.
        diesel::delete(appointments::table.filter(appointments::person_id.eq(id))).execute(conn)?;
        for (appointment, organisation_id) in content.appointments.iter().zip(organisation_ids) {
            diesel::insert_into(appointments::table)
                .values((
                    appointments::person_id.eq(id),
                    appointments::title.eq(appointment.title.input(Lang::En)),
                    appointments::title_ms.eq(appointment.title.get(Lang::Ms)),
                    appointments::title_zh.eq(appointment.title.get(Lang::Zh)),
                    appointments::organisation_id.eq(organisation_id),
                    appointments::starts_on.eq(appointment.starts_on),
                    appointments::ends_on.eq(appointment.ends_on),
                ))
                .execute(conn)?;
        }
        Ok(id)
    }
}
