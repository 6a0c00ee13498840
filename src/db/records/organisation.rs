use super::{Record, Resolver, Stored, Target, upsert};
use crate::db::schema::{countries, organisations};
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{OrganisationContent, OrganisationForm};
use crate::domain::{Lang, Localized};
use diesel::prelude::*;

pub struct Organisations;

type Row = (
    String,
    i32,
    Localized,
    Option<String>,
    String,
    String,
    Option<String>,
    Localized,
);

impl Record for Organisations {
    type Form = OrganisationForm;
    const COLLECTION: Collection = Collection::Organisations;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<OrganisationForm>>> {
        let row: Option<Row> = organisations::table
            .inner_join(countries::table)
            .filter(organisations::id.eq(id))
            .select((
                organisations::slug,
                organisations::version,
                (
                    organisations::name,
                    organisations::name_ms,
                    organisations::name_zh,
                ),
                organisations::short_name,
                countries::code,
                organisations::kind,
                organisations::website,
                (
                    organisations::description,
                    organisations::description_ms,
                    organisations::description_zh,
                ),
            ))
            .first(conn)
            .found()?;
        Ok(row.map(
            |(slug, version, name, short_name, country, kind, website, description)| {
                let [name, name_ms, name_zh] = name.into_inputs();
                let [description, description_ms, description_zh] = description.into_inputs();
                let form = OrganisationForm {
                    name,
                    name_ms,
                    name_zh,
                    short_name: short_name.unwrap_or_default(),
                    country,
                    kind,
                    website: website.unwrap_or_default(),
                    description,
                    description_ms,
                    description_zh,
                    ..OrganisationForm::default()
                };
                Stored::new(id, slug, version, form)
            },
        ))
    }

    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &OrganisationContent,
    ) -> DbResult<i32> {
        let mut resolver = Resolver::default();
        let country_id = resolver.country(conn, "country", content.country)?;
        resolver.finish()?;
        let values = (
            (
                organisations::name.eq(content.name.input(Lang::En)),
                organisations::name_ms.eq(content.name.get(Lang::Ms)),
                organisations::name_zh.eq(content.name.get(Lang::Zh)),
            ),
            organisations::short_name.eq(&content.short_name),
            organisations::country_id.eq(country_id),
            organisations::kind.eq(content.kind),
            organisations::website.eq(&content.website),
            (
                organisations::description.eq(content.description.input(Lang::En)),
                organisations::description_ms.eq(content.description.get(Lang::Ms)),
                organisations::description_zh.eq(content.description.get(Lang::Zh)),
            ),
        );
        Ok(upsert!(conn, target, organisations, values))
    }
}
