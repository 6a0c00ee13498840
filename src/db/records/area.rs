use super::{Record, Stored, Target, upsert};
use crate::db::schema::focus_areas;
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{AreaContent, AreaForm};
use diesel::prelude::*;

pub struct Areas;

impl Record for Areas {
    type Form = AreaForm;
    const COLLECTION: Collection = Collection::Areas;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<AreaForm>>> {
        let row: Option<(String, i32, String, String)> = focus_areas::table
            .find(id)
            .select((
                focus_areas::slug,
                focus_areas::version,
                focus_areas::name,
                focus_areas::description,
            ))
            .first(conn)
            .found()?;
        Ok(row.map(|(slug, version, name, description)| {
            let form = AreaForm {
                name,
                description,
                ..AreaForm::default()
            };
            Stored::new(id, slug, version, form)
        }))
    }

    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &AreaContent,
    ) -> DbResult<i32> {
        let values = (
            focus_areas::name.eq(&content.name),
            focus_areas::description.eq(&content.description),
        );
        Ok(upsert!(conn, target, focus_areas, values))
    }
}
