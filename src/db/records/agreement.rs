use super::{
    Record, Resolver, Stored, Target, addresses, iso, linked, replace_links, status_history, upsert,
};
use crate::db::documents::{self, Owner};
use crate::db::schema::{
    agreement_areas, agreement_parties, agreement_signatories, agreement_status_events, agreements,
    countries, focus_areas, people,
};
use crate::db::{DbResult, OptionalRow};
use crate::domain::forms::Collection;
use crate::domain::records::{AgreementContent, AgreementForm, StatusEvent};
use crate::domain::{Lang, Localized, PartialDate, RecordStatus};
use diesel::prelude::*;

pub struct Agreements;

status_history!(agreement_status_events, agreement_id, agreements);

type Row = (
    String,
    i32,
    Localized,
    Option<PartialDate>,
    Localized,
    Localized,
);

impl Record for Agreements {
    type Form = AgreementForm;
    const COLLECTION: Collection = Collection::Agreements;

    fn load(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<Stored<AgreementForm>>> {
        let Some((slug, version, title, signed_on, signed_at, summary)) = agreements::table
            .find(id)
            .select((
                agreements::slug,
                agreements::version,
                (
                    agreements::title,
                    agreements::title_ms,
                    agreements::title_zh,
                ),
                agreements::signed_on,
                (
                    agreements::signed_at,
                    agreements::signed_at_ms,
                    agreements::signed_at_zh,
                ),
                (
                    agreements::summary,
                    agreements::summary_ms,
                    agreements::summary_zh,
                ),
            ))
            .first::<Row>(conn)
            .found()?
        else {
            return Ok(None);
        };
        let signatories: Vec<String> = linked!(conn, agreement_signatories.agreement_id = id,
            people.slug, order by people::name);
        let [title, title_ms, title_zh] = title.into_inputs();
        let [signed_at, signed_at_ms, signed_at_zh] = signed_at.into_inputs();
        let [summary, summary_ms, summary_zh] = summary.into_inputs();
        let form = AgreementForm {
            title,
            title_ms,
            title_zh,
            signed_on: iso(signed_on),
            signed_at,
            signed_at_ms,
            signed_at_zh,
            summary,
            summary_ms,
            summary_zh,
            parties: linked!(conn, agreement_parties.agreement_id = id,
                countries.code, order by countries::code),
            signatories: addresses(Collection::People, &signatories),
            areas: linked!(conn, agreement_areas.agreement_id = id,
                focus_areas.slug, order by focus_areas::slug),
            ..AgreementForm::default()
        };
        let mut stored = Stored::new(id, slug, version, form);
        stored.history = history(conn, id)?;
        stored.documents = documents::attached(conn, Owner::Agreement(id))?;
        Ok(Some(stored))
    }

    fn write(
        conn: &mut SqliteConnection,
        target: Target<'_>,
        content: &AgreementContent,
    ) -> DbResult<i32> {
        let mut resolver = Resolver::default();
        let parties = resolver.countries(conn, "parties", &content.parties)?;
        let signatories = resolver.all(
            conn,
            "signatories",
            Collection::People,
            &content.signatories,
        )?;
        let areas = resolver.all(conn, "areas", Collection::Areas, &content.areas)?;
        let status = resolver.first_status(target, content.new_event.as_ref());
        resolver.finish()?;
        let values = (
            agreements::title.eq(content.title.input(Lang::En)),
            agreements::title_ms.eq(content.title.get(Lang::Ms)),
            agreements::title_zh.eq(content.title.get(Lang::Zh)),
            agreements::signed_on.eq(content.signed_on),
            agreements::signed_at.eq(content.signed_at.get(Lang::En)),
            agreements::signed_at_ms.eq(content.signed_at.get(Lang::Ms)),
            agreements::signed_at_zh.eq(content.signed_at.get(Lang::Zh)),
            agreements::summary.eq(content.summary.input(Lang::En)),
            agreements::summary_ms.eq(content.summary.get(Lang::Ms)),
            agreements::summary_zh.eq(content.summary.get(Lang::Zh)),
        );
        // The status column mirrors the history, which starts with the form's event.
        let id = upsert!(conn, target, agreements, values, new: agreements::status.eq(status));
        replace_links!(conn, agreement_parties, agreement_id = id, country_id in &parties);
        replace_links!(conn, agreement_signatories, agreement_id = id, person_id in &signatories);
        replace_links!(conn, agreement_areas, agreement_id = id, area_id in &areas);
        if let Some(event) = &content.new_event {
            add_event(conn, id, event)?;
        }
        Ok(id)
    }
}
