use super::{Record, Stored, Target, upsert};
use crate::db::schema::focus_areas;
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{AreaContent, AreaForm};
use crate::domain::{Lang, Localized};
use diesel::prelude::*;

pub struct Areas;

impl Record for Areas {
    type Form = AreaForm;
    const COLLECTION: Collection = Collection::Areas;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<AreaForm>>> {
        let row: Option<(String, i32, (Localized, Localized))> = focus_areas::table
            .find(id)
            .select((
                focus_areas::slug,
                focus_areas::version,
                crate::db::areas::texts(),
            ))
            .first(conn)
            .found()?;
        Ok(row.map(|(slug, version, (name, description))| {
            let [name, name_ms, name_zh] = name.into_inputs();
            let [description, description_ms, description_zh] = description.into_inputs();
            let form = AreaForm {
                name,
                name_ms,
                name_zh,
                description,
                description_ms,
                description_zh,
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
            focus_areas::name.eq(content.name.input(Lang::En)),
            focus_areas::name_ms.eq(content.name.get(Lang::Ms)),
            focus_areas::name_zh.eq(content.name.get(Lang::Zh)),
            focus_areas::description.eq(content.description.input(Lang::En)),
            focus_areas::description_ms.eq(content.description.get(Lang::Ms)),
            focus_areas::description_zh.eq(content.description.get(Lang::Zh)),
        );
        Ok(upsert!(conn, target, focus_areas, values))
    }
}
