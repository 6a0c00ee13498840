//! Editing every record: an index of the collections, a searchable list of each, and one
//! create/edit form per collection, all served by the same generic handlers. Editors and admins
//! only.

mod documents;
mod fields;

use super::{notice, staff_layout};
use crate::auth::{Staff, StaffForm, random_token};
use crate::db::mous::DocumentRef;
use crate::db::records::{
    self, Agreements, Areas, Delegations, Meetings, Mous, Organisations, People, Record,
    RecordItem, SaveOutcome, SaveRequest, Stored, edit_path,
};
use crate::db::reference::Page;
use crate::db::{Database, DbError, Reader, areas, reference};
use crate::domain::forms::{Collection, FormErrors};
use crate::domain::records::{FormBasics, RecordForm};
use crate::domain::{InvalidInput, PageNumber, Role};
use crate::error::{AppError, AppResult, html, html_with_status, see_other};
use crate::views::Layout;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use fields::{Choices, EditorFields, Field, Input};
use serde::Deserialize;

/// A collection as the staff pages name it.
struct Names {
    collection: Collection,
    plural: &'static str,
    singular: &'static str,
}

impl Names {
    fn of(collection: Collection) -> Self {
        let (plural, singular) = match collection {
            Collection::Agreements => ("Agreements", "agreement"),
            Collection::Meetings => ("Meetings", "meeting"),
            Collection::Delegations => ("Delegations", "delegation"),
            Collection::Mous => ("MoUs", "MoU"),
            Collection::Organisations => ("Organisations", "organisation"),
            Collection::People => ("People", "person"),
            Collection::Areas => ("Focus areas", "focus area"),
        };
        Self {
            collection,
            plural,
            singular,
        }
    }

    fn list_path(&self) -> String {
        format!("/staff/records/{}", self.collection.path())
    }
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
    collections: Vec<Names>,
}

async fn index(staff: Staff) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    html(IndexPage {
        layout: staff_layout("Records"),
        staff,
        collections: Collection::ALL.into_iter().map(Names::of).collect(),
    })
}

#[derive(Template)]
#[template(path = "staff/record_list.html")]
struct ListPage {
    layout: Layout,
    staff: Staff,
    names: Names,
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
    staff: Staff,
    query: web::Query<ListQuery>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    let search = query.q.as_deref().unwrap_or("").trim().to_owned();
    if search.chars().count() > MAX_SEARCH {
        return Err(InvalidInput::new("q", "must be at most 200 characters").into());
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
    let names = Names::of(R::COLLECTION);
    let href = |n: u32| {
        let query = serde_urlencoded::to_string([("q", search.as_str()), ("page", &n.to_string())])
            .unwrap_or_default();
        format!("{}?{query}", names.list_path())
    };
    let current = number.get();
    html(ListPage {
        layout: staff_layout(names.plural).within("/staff/records", "Records"),
        previous: (current > 1).then(|| href(current.min(page.last_number() + 1) - 1)),
        next: (current < page.last_number()).then(|| href(current + 1)),
        staff,
        names,
        search,
        page,
    })
}

/// The documents part of an agreement's or MoU's edit page.
struct Upload {
    action: String,
    form_token: String,
    title: String,
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
    notice: Option<&'static str>,
    record: Option<Edited>,
}

/// What the edit page shows besides the form's values.
struct PageState<'a, F> {
    stored: Option<&'a Stored<F>>,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// The title typed into the upload form, kept when the upload is refused.
    document_title: String,
}

impl<'a, F> PageState<'a, F> {
    fn of(stored: Option<&'a Stored<F>>) -> Self {
        Self {
            stored,
            errors: FormErrors::default(),
            notice: None,
            document_title: String::new(),
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
    status: StatusCode,
    staff: Staff,
    reader: &Reader,
    form: &R::Form,
    state: PageState<'_, R::Form>,
) -> AppResult<HttpResponse> {
    let choices = reader.read(|conn| {
        Ok(Choices {
            countries: reference::filter_choices(conn)?.countries,
            areas: areas::names(conn)?,
        })
    })?;
    let names = Names::of(R::COLLECTION);
    let path = R::COLLECTION.path();
    let title = match state.stored {
        Some(_) => format!("Edit {}", names.singular),
        None => format!("New {}", names.singular),
    };
    let record = state.stored.map(|stored| Edited {
        public_href: format!("/{path}/{}", stored.slug),
        version: stored.version,
        history: stored.history.clone(),
        upload: takes_documents(R::COLLECTION).then(|| Upload {
            action: format!("/staff/records/{path}/{}/documents", stored.id),
            form_token: random_token(),
            title: state.document_title.clone(),
            documents: stored.documents.clone(),
        }),
    });
    html_with_status(
        status,
        EditorPage {
            layout: staff_layout(title)
                .within("/staff/records", "Records")
                .within(&names.list_path(), names.plural),
            staff,
            action: state.stored.map_or_else(
                || names.list_path(),
                |s| format!("{}/{}", names.list_path(), s.id),
            ),
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

async fn new<R: Editable>(staff: Staff, reader: web::Data<Reader>) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    editor::<R>(
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

const NOTICES: [(&str, &str); 4] = [
    ("created", "Created. The public page shows it now."),
    ("saved", "Saved. The public page shows the change now."),
    ("attached", "The document was attached and is public now."),
    (
        "repeated",
        "This form had already been sent; nothing was saved twice.",
    ),
];

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn edit<R: Editable>(
    staff: Staff,
    path: web::Path<i32>,
    query: web::Query<Done>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    staff.require(Role::Editor)?;
    let stored = load::<R>(&reader, path.into_inner())?;
    let mut state = PageState::of(Some(&stored));
    state.notice = notice(query.done.as_deref(), &NOTICES);
    editor::<R>(StatusCode::OK, staff, &reader, &stored.form, state)
}

async fn create<R: Editable>(
    request: StaffForm<R::Form>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    request.staff.require(Role::Editor)?;
    save::<R>(request, None, &reader, &database).await
}

async fn update<R: Editable>(
    path: web::Path<i32>,
    request: StaffForm<R::Form>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    request.staff.require(Role::Editor)?;
    let stored = load::<R>(&reader, path.into_inner())?;
    save::<R>(request, Some(stored), &reader, &database).await
}

#[derive(Template)]
#[template(path = "staff/record_conflict.html")]
struct ConflictPage {
    layout: Layout,
    staff: Staff,
    singular: &'static str,
    edit_href: String,
    version: i32,
    /// Each field: its label, the saved value, your value.
    rows: Vec<(&'static str, String, String)>,
}

/// Validates the form and saves it in one transaction; the reply comes only after the commit.
async fn save<R: Editable>(
    request: StaffForm<R::Form>,
    current: Option<Stored<R::Form>>,
    reader: &Reader,
    database: &Database,
) -> AppResult<HttpResponse> {
    let StaffForm { staff, form } = request;
    let refused = |staff, errors| {
        editor::<R>(
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
        errors.add(InvalidInput::new(
            "form_token",
            "is missing; reload the form",
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
        Ok(SaveOutcome::Saved(id)) => Ok(see_other(&format!(
            "{}?done={done}",
            edit_path(R::COLLECTION, id)
        ))),
        Ok(SaveOutcome::Repeated(location)) => Ok(repeated(&location)),
        Ok(SaveOutcome::Conflict(theirs)) => {
            let rows = theirs
                .form
                .labelled()
                .into_iter()
                .zip(form.labelled())
                .map(|((label, saved), (_, yours))| (label, saved, yours))
                .collect();
            html_with_status(
                StatusCode::CONFLICT,
                ConflictPage {
                    layout: staff_layout("Edit conflict"),
                    staff,
                    singular: Names::of(R::COLLECTION).singular,
                    edit_href: edit_path(R::COLLECTION, theirs.id),
                    version: theirs.version,
                    rows,
                },
            )
        }
        Err(DbError::Invalid(errors)) => refused(staff, errors),
        Err(other) => Err(other.into()),
    }
}

/// Where a form sent a second time goes: where its first submission led, saying so.
fn repeated(location: &str) -> HttpResponse {
    let separator = if location.contains('?') { '&' } else { '?' };
    see_other(&format!("{location}{separator}done=repeated"))
}
