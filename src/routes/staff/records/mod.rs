//! Editing every record: an index of the collections, a searchable list of each, and one
//! create/edit form per collection, all served by the same generic handlers. Editors and admins
//! only.

mod documents;
mod fields;

use documents::DOCUMENT_TITLE;

use super::{notice, staff_layout};
use crate::auth::{Staff, StaffForm, random_token};
use crate::db::mous::DocumentRef;
use crate::db::records::{
    self, Agreements, Areas, Delegations, HistoryEvent, Meetings, Mous, Organisations, People,
    Record, RecordItem, SaveOutcome, SaveRequest, Stored, edit_path,
};
use crate::db::reference::Page;
use crate::db::{Database, DbError, Reader, areas, reference};
use crate::domain::forms::{Collection, FormErrors};
use crate::domain::records::{FormBasics, RecordForm};
use crate::domain::{InvalidInput, PageNumber, Role};
use crate::error::{AppError, AppResult, html, html_with_status, see_other};
use crate::i18n::{Lang, Message};
use crate::views::Layout;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use fields::{Choices, EditorFields, Field, Input, Translations};
use serde::Deserialize;

/// The staff list of a collection, in `lang`.
fn list_path(lang: Lang, collection: Collection) -> String {
    lang.href(&format!("/staff/records/{}", collection.path()))
}

/// A message about one collection (`staff-collection`, `staff-new-record`, ...), which names
/// it by its path.
fn about(lang: Lang, key: &'static str, collection: Collection) -> String {
    lang.say(&Message::new(key).text("collection", collection.path()))
}

/// A collection whose forms `R` serves, with the fields its form lays out.
trait Editable: Record<Form: EditorFields> {}
impl<R: Record<Form: EditorFields>> Editable for R {}

pub fn configure(config: &mut web::ServiceConfig) {
    config.route("/records", web::get().to(index));
    register::<Agreements>(config);
    register::<Meetings>(config);
    register::<Delegations>(config);
    register::<Mous>(config);
    register::<Organisations>(config);
    register::<People>(config);
    register::<Areas>(config);
    documents::configure::<Agreements>(config);
    documents::configure::<Mous>(config);
}

fn register<R: Editable>(config: &mut web::ServiceConfig) {
    let base = format!("/records/{}", R::COLLECTION.path());
    config
        .route(&base, web::get().to(list::<R>))
        .route(&base, web::post().to(create::<R>))
        .route(&format!("{base}/new"), web::get().to(new::<R>))
        .route(&format!("{base}/{{id}}/edit"), web::get().to(edit::<R>))
        .route(&format!("{base}/{{id}}"), web::post().to(update::<R>));
}

#[derive(Template)]
#[template(path = "staff/records.html")]
struct IndexPage {
    layout: Layout,
    staff: Staff,
    collections: [Collection; 7],
}

async fn index(lang: Lang, staff: Staff) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    html(IndexPage {
        layout: staff_layout(lang.t("staff-records")),
        staff,
        collections: Collection::ALL,
    })
}

#[derive(Template)]
#[template(path = "staff/record_list.html")]
struct ListPage {
    layout: Layout,
    staff: Staff,
    /// The collection, by its path (`mous`), as its messages name it.
    collection: &'static str,
    list_path: String,
    search: String,
    page: Page<RecordItem>,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize)]
struct ListQuery {
    q: Option<String>,
    page: Option<String>,
}

const MAX_SEARCH: usize = 200;

async fn list<R: Editable>(
    lang: Lang,
    staff: Staff,
    query: web::Query<ListQuery>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    let search = query.q.as_deref().unwrap_or("").trim().to_owned();
    if search.chars().count() > MAX_SEARCH {
        let reason = Message::new("invalid-too-long").number("max", MAX_SEARCH as i64);
        return Err(InvalidInput::because("q", reason).into());
    }
    let number = match query.page.as_deref() {
        Some(page) => PageNumber::parse(page)?,
        None => PageNumber::FIRST,
    };
    let page = reader.read(|conn| {
        records::staff_list(
            conn,
            R::COLLECTION,
            Some(search.as_str()).filter(|s| !s.is_empty()),
            number,
        )
    })?;
    let list_path = list_path(lang, R::COLLECTION);
    let href = |n: u32| {
        let query = serde_urlencoded::to_string([("q", search.as_str()), ("page", &n.to_string())])
            .unwrap_or_default();
        format!("{list_path}?{query}")
    };
    let current = number.get();
    html(ListPage {
        layout: staff_layout(about(lang, "staff-collection", R::COLLECTION))
            .within("/staff/records", &lang.t("staff-records")),
        previous: (current > 1).then(|| href(current.min(page.last_number() + 1) - 1)),
        next: (current < page.last_number()).then(|| href(current + 1)),
        staff,
        collection: R::COLLECTION.path(),
        list_path,
        search,
        page,
    })
}

/// The documents part of an agreement's or MoU's edit page.
struct Upload {
    action: String,
    form_token: String,
    title: Translations,
    documents: Vec<DocumentRef>,
}

/// The record being edited, as its page shows it above and below the form.
struct Edited {
    public_href: String,
    version: i32,
    history: Vec<String>,
    upload: Option<Upload>,
}

#[derive(Template)]
#[template(path = "staff/record_form.html")]
struct EditorPage {
    layout: Layout,
    staff: Staff,
    action: String,
    form_token: String,
    version: String,
    fields: Vec<Field>,
    errors: FormErrors,
    /// The key of the message that confirms what was done.
    notice: Option<&'static str>,
    record: Option<Edited>,
}

/// What the edit page shows besides the form's values.
struct PageState<'a, F> {
    stored: Option<&'a Stored<F>>,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// The title typed into the upload form in each language, kept when the upload is refused.
    document_title: [String; 3],
}

impl<'a, F> PageState<'a, F> {
    fn of(stored: Option<&'a Stored<F>>) -> Self {
        Self {
            stored,
            errors: FormErrors::default(),
            notice: None,
            document_title: Default::default(),
        }
    }

    fn with_errors(stored: Option<&'a Stored<F>>, errors: FormErrors) -> Self {
        Self {
            errors,
            ..Self::of(stored)
        }
    }
}

fn takes_documents(collection: Collection) -> bool {
    matches!(collection, Collection::Agreements | Collection::Mous)
}

/// Renders a record's form: blank for a new record, or over the stored record.
fn editor<R: Editable>(
    lang: Lang,
    status: StatusCode,
    staff: Staff,
    reader: &Reader,
    form: &R::Form,
    state: PageState<'_, R::Form>,
) -> AppResult<HttpResponse> {
    let choices = reader.read(|conn| {
        Ok(Choices {
            lang,
            countries: reference::filter_choices(conn)?.countries.clone(),
            areas: areas::names(conn)?,
        })
    })?;
    let path = R::COLLECTION.path();
    let list_path = list_path(lang, R::COLLECTION);
    let title = match state.stored {
        Some(_) => "staff-edit-record",
        None => "staff-new-record",
    };
    let record = state.stored.map(|stored| Edited {
        public_href: format!("/{path}/{}", stored.slug),
        version: stored.version,
        history: stored
            .history
            .iter()
            .map(|event| history_line(lang, event))
            .collect(),
        upload: takes_documents(R::COLLECTION).then(|| Upload {
            action: format!("{list_path}/{}/documents", stored.id),
            form_token: random_token(),
            title: Translations::new((
                DOCUMENT_TITLE,
                state.document_title.each_ref().map(String::as_str),
            )),
            documents: stored.documents.clone(),
        }),
    });
    html_with_status(
        status,
        EditorPage {
            layout: staff_layout(about(lang, title, R::COLLECTION))
                .within("/staff/records", &lang.t("staff-records"))
                .within(
                    &format!("/staff/records/{path}"),
                    &about(lang, "staff-collection", R::COLLECTION),
                ),
            staff,
            action: state
                .stored
                .map_or_else(|| list_path.clone(), |s| format!("{list_path}/{}", s.id)),
            form_token: random_token(),
            version: state
                .stored
                .map(|s| s.version.to_string())
                .unwrap_or_default(),
            fields: form.fields(&choices),
            errors: state.errors,
            notice: state.notice,
            record,
        },
    )
}

async fn new<R: Editable>(
    lang: Lang,
    staff: Staff,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    editor::<R>(
        lang,
        StatusCode::OK,
        staff,
        &reader,
        &R::Form::blank(),
        PageState::of(None),
    )
}

fn load<R: Editable>(reader: &Reader, id: i32) -> AppResult<Stored<R::Form>> {
    reader
        .read(|conn| R::load(conn, id))?
        .ok_or(AppError::NotFound)
}

/// What each `?done=` says, by the key of its message.
const NOTICES: [(&str, &str); 4] = [
    ("created", "notice-record-created"),
    ("saved", "notice-record-saved"),
    ("attached", "notice-document-attached"),
    ("repeated", "notice-repeated"),
];

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn edit<R: Editable>(
    lang: Lang,
    staff: Staff,
    path: web::Path<i32>,
    query: web::Query<Done>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    let stored = load::<R>(&reader, path.into_inner())?;
    let mut state = PageState::of(Some(&stored));
    state.notice = notice(query.done.as_deref(), &NOTICES);
    editor::<R>(lang, StatusCode::OK, staff, &reader, &stored.form, state)
}

async fn create<R: Editable>(
    lang: Lang,
    request: StaffForm<R::Form>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    request.staff.require(Role::Editor)?;
    save::<R>(lang, request, None, &reader, &database).await
}

async fn update<R: Editable>(
    lang: Lang,
    path: web::Path<i32>,
    request: StaffForm<R::Form>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    request.staff.require(Role::Editor)?;
    let stored = load::<R>(&reader, path.into_inner())?;
    save::<R>(lang, request, Some(stored), &reader, &database).await
}

#[derive(Template)]
#[template(path = "staff/record_conflict.html")]
struct ConflictPage {
    layout: Layout,
    staff: Staff,
    /// The collection, by its path (`mous`), as its messages name it.
    collection: &'static str,
    edit_href: String,
    version: i32,
    /// Each field: its name, the saved value, your value.
    rows: Vec<(&'static str, String, String)>,
}

/// Validates the form and saves it in one transaction; the reply comes only after the commit.
async fn save<R: Editable>(
    lang: Lang,
    request: StaffForm<R::Form>,
    current: Option<Stored<R::Form>>,
    reader: &Reader,
    database: &Database,
) -> AppResult<HttpResponse> {
    let StaffForm { staff, form } = request;
    let refused = |staff, errors| {
        editor::<R>(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            staff,
            reader,
            &form,
            PageState::with_errors(current.as_ref(), errors),
        )
    };
    let content = match form.content() {
        Ok(content) => content,
        Err(errors) => return refused(staff, errors),
    };
    if form.form_token().len() < 16 {
        let mut errors = FormErrors::default();
        errors.add(InvalidInput::because(
            "form_token",
            Message::new("invalid-form-token"),
        ));
        return refused(staff, errors);
    }
    let save_request = SaveRequest {
        id: current.as_ref().map(|c| c.id),
        expected_version: form.version(),
        content,
        actor_id: staff.user.id,
        form_token: form.form_token().to_owned(),
    };
    let done = if current.is_some() {
        "saved"
    } else {
        "created"
    };
    match database
        .write(move |conn| records::save::<R>(conn, save_request))
        .await
    {
        Ok(SaveOutcome::Saved(id)) => Ok(see_other(
            &lang.href(&format!("{}?done={done}", edit_path(R::COLLECTION, id))),
        )),
        Ok(SaveOutcome::Repeated(location)) => Ok(repeated(lang, &location)),
        Ok(SaveOutcome::Conflict(theirs)) => {
            let rows = theirs
                .form
                .values()
                .into_iter()
                .zip(form.values())
                .map(|((name, saved), (_, yours))| (name, saved, yours))
                .collect();
            html_with_status(
                StatusCode::CONFLICT,
                ConflictPage {
                    layout: staff_layout(lang.t("conflict-title")),
                    staff,
                    collection: R::COLLECTION.path(),
                    edit_href: lang.href(&edit_path(R::COLLECTION, theirs.id)),
                    version: theirs.version,
                    rows,
                },
            )
        }
        Err(DbError::Invalid(errors)) => refused(staff, errors),
        Err(other) => Err(other.into()),
    }
}

/// Where a form sent a second time goes: where its first submission led (in `lang`), saying so.
fn repeated(lang: Lang, location: &str) -> HttpResponse {
    let separator = if location.contains('?') { '&' } else { '?' };
    see_other(&lang.href(&format!("{location}{separator}done=repeated")))
}

/// A line of a record's status history in `lang`, its note in that language where translated.
fn history_line(lang: Lang, event: &HistoryEvent) -> String {
    let date = match &event.occurred_on {
        None => lang.t("date-unknown").into_owned(),
        Some(on) => on.format(lang).to_string(),
    };
    let status = lang.term("status", event.status.as_str());
    match event.note.shown(lang).text {
        "" => lang.t_with(
            "history-line",
            &[("date", date.into()), ("status", status.into())],
        ),
        note => lang.t_with(
            "history-line-with-note",
            &[
                ("date", date.into()),
                ("status", status.into()),
                ("note", note.into()),
            ],
        ),
    }
}
