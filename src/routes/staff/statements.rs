use super::{notice, staff_layout};
use crate::auth::{Staff, StaffForm, random_token};
use crate::db::editorial::{self, Editable, SaveOutcome, SaveRequest, StaffStatementItem};
use crate::db::reference::{Named, Page};
use crate::db::{Database, DbError, Reader, areas};
use crate::domain::forms::FormErrors;
use crate::domain::markdown;
use crate::domain::statement::{Action, StatementForm, field_in};
use crate::domain::{InvalidInput, ListFilter, ListQuery, PageNumber, Role, StatementStatus};
use crate::error::{AppError, AppResult, html, html_with_status, see_other};
use crate::i18n::{Lang, Message};
use crate::views::{Layout, Pager};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use askama::Template;
use chrono::{NaiveDateTime, Utc};
use serde::Deserialize;
use std::borrow::Cow;

pub struct Tab {
    href: String,
    label: Cow<'static, str>,
    current: bool,
}

#[derive(Template)]
#[template(path = "staff/statements.html")]
struct ListPage {
    layout: Layout,
    staff: Staff,
    tabs: Vec<Tab>,
    page: Page<StaffStatementItem>,
    pager: Pager,
}

#[derive(Deserialize)]
pub struct StatusQuery {
    status: Option<String>,
    page: Option<String>,
}

/// Every statement the staff member may edit, by status: writers see their own.
#[get("/statements")]
pub async fn list(
    lang: Lang,
    staff: Staff,
    query: web::Query<StatusQuery>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        Some(text) => Some(StatementStatus::parse(text)?),
        None => None,
    };
    let filter = ListFilter::try_from(ListQuery::default())?;
    let filter = ListFilter {
        page: match query.page.as_deref() {
            Some(page) => PageNumber::parse(page)?,
            None => PageNumber::FIRST,
        },
        ..filter
    };
    let only_mine = (!staff.may(Role::Editor)).then_some(staff.user.id);
    let page = reader.read(|conn| editorial::list(conn, only_mine, status, &filter))?;
    let list_path = lang.href("/staff/statements");
    let path = match status {
        Some(status) => format!("{list_path}?status={}&", status.as_str()),
        None => format!("{list_path}?"),
    };
    let mut pager = Pager::new(lang, "", &page, &filter);
    let with_status = |href: String| format!("{path}{}", href.trim_start_matches('?'));
    pager.previous = pager.previous.map(with_status);
    pager.next = pager.next.map(with_status);
    let tabs = std::iter::once(Tab {
        href: list_path.clone(),
        label: lang.t("staff-tab-all"),
        current: status.is_none(),
    })
    .chain(StatementStatus::ALL.iter().map(|s| Tab {
        href: format!("{list_path}?status={}", s.as_str()),
        label: lang.term("status", s.as_str()),
        current: status == Some(*s),
    }))
    .collect();
    html(ListPage {
        layout: staff_layout(lang.t("staff-statements")),
        staff,
        tabs,
        page,
        pager,
    })
}

/// The statement as the edit page shows it above the form.
pub struct EditedStatement {
    id: i32,
    slug: String,
    status: StatementStatus,
    version: i32,
    publish_at: Option<NaiveDateTime>,
}

impl EditedStatement {
    fn is_public(&self) -> bool {
        matches!(
            self.status,
            StatementStatus::Published | StatementStatus::Withdrawn
        )
    }
}

#[derive(Template)]
#[template(path = "staff/statement_form.html")]
struct EditorPage {
    layout: Layout,
    staff: Staff,
    action: String,
    statement: Option<EditedStatement>,
    form: StatementForm,
    form_token: String,
    errors: FormErrors,
    /// The statement's text in each language, side by side.
    columns: Vec<TextColumn>,
    previews: Vec<Preview>,
    /// Why the workflow refused the action.
    refusal: Option<Message>,
    /// The key of the message that confirms what was done.
    notice: Option<&'static str>,
    areas: Vec<Named>,
    /// The codes of the languages a statement can be written in.
    languages: Vec<&'static str>,
    may_save: bool,
    may_submit: bool,
    may_publish: bool,
    may_unschedule: bool,
    may_withdraw: bool,
}

/// One language's column of the editor: its title, summary, dateline and body fields, each as
/// the English field it translates (what its visible label says, under the column's language),
/// its own name, and its value.
pub struct TextColumn {
    lang: Lang,
    fields: [(&'static str, &'static str, String); 4],
}

impl TextColumn {
    fn of(form: &StatementForm) -> Vec<Self> {
        Lang::ALL
            .into_iter()
            .map(|lang| {
                let [title, summary, dateline, body] = form.column(lang);
                let field = |name, value: &str| (name, field_in(name, lang), value.to_owned());
                Self {
                    lang,
                    fields: [
                        field("title", title),
                        field("summary", summary),
                        field("dateline", dateline),
                        field("body", body),
                    ],
                }
            })
            .collect()
    }
}

/// One language's text rendered as the public page will show it.
pub struct Preview {
    lang: Lang,
    html: String,
}

/// What the editor page shows besides the form values.
struct EditorState {
    statement: Option<EditedStatement>,
    errors: FormErrors,
    previews: Vec<Preview>,
    refusal: Option<Message>,
    notice: Option<&'static str>,
}

impl EditorState {
    fn blank(statement: Option<EditedStatement>) -> Self {
        Self {
            statement,
            errors: FormErrors::default(),
            previews: Vec::new(),
            refusal: None,
            notice: None,
        }
    }
}

fn editor(
    lang: Lang,
    status: StatusCode,
    staff: Staff,
    reader: &Reader,
    form: StatementForm,
    state: EditorState,
) -> AppResult<HttpResponse> {
    let areas = reader.read(areas::names)?;
    let current = state.statement.as_ref().map(|s| s.status);
    let editor = staff.may(Role::Editor);
    let editable = !matches!(current, Some(StatementStatus::Withdrawn));
    let title = match &state.statement {
        Some(_) => "staff-edit-statement",
        None => "staff-new-statement",
    };
    html_with_status(
        status,
        EditorPage {
            layout: staff_layout(lang.t(title))
                .within("/staff/statements", &lang.t("staff-statements")),
            action: lang.href(&state.statement.as_ref().map_or_else(
                || "/staff/statements".to_owned(),
                |s| format!("/staff/statements/{}", s.id),
            )),
            may_save: editable
                && (editor
                    || matches!(
                        current,
                        None | Some(StatementStatus::Draft | StatementStatus::Submitted)
                    )),
            may_submit: matches!(current, None | Some(StatementStatus::Draft)),
            may_publish: editor && editable && current != Some(StatementStatus::Published),
            may_unschedule: editor && current == Some(StatementStatus::Scheduled),
            may_withdraw: editor && current == Some(StatementStatus::Published),
            statement: state.statement,
            form_token: random_token(),
            columns: TextColumn::of(&form),
            form,
            errors: state.errors,
            previews: state.previews,
            refusal: state.refusal,
            notice: state.notice,
            areas,
            languages: Lang::ALL.iter().map(|l| l.code()).collect(),
            staff,
        },
    )
}

#[get("/statements/new")]
pub async fn new(lang: Lang, staff: Staff, reader: web::Data<Reader>) -> AppResult<HttpResponse> {
    let form = StatementForm {
        language: Lang::En.code().into(),
        ..StatementForm::default()
    };
    editor(
        lang,
        StatusCode::OK,
        staff,
        &reader,
        form,
        EditorState::blank(None),
    )
}

fn form_from(statement: &Editable) -> StatementForm {
    let column = |lang| {
        statement.text(lang).map_or_else(Default::default, |text| {
            [
                text.title.clone(),
                text.summary.clone(),
                text.dateline.clone().unwrap_or_default(),
                text.body.clone(),
            ]
        })
    };
    let [title, summary, dateline, body] = column(Lang::En);
    let [title_ms, summary_ms, dateline_ms, body_ms] = column(Lang::Ms);
    let [title_zh, summary_zh, dateline_zh, body_zh] = column(Lang::Zh);
    StatementForm {
        title,
        summary,
        dateline,
        body,
        title_ms,
        summary_ms,
        dateline_ms,
        body_ms,
        title_zh,
        summary_zh,
        dateline_zh,
        body_zh,
        language: statement.language.code().into(),
        related: statement.related.join("\n"),
        areas: statement.areas.clone(),
        version: statement.version.to_string(),
        withdrawn_reason: statement.withdrawn_reason.clone().unwrap_or_default(),
        publish_at: statement
            .publish_at
            .map(|at| at.format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default(),
        ..StatementForm::default()
    }
}

fn edited(statement: &Editable) -> EditedStatement {
    EditedStatement {
        id: statement.id,
        slug: statement.slug.clone(),
        status: statement.status,
        version: statement.version,
        publish_at: statement.publish_at,
    }
}

/// Loads a statement the staff member may edit: writers only their own.
fn load(staff: &Staff, reader: &Reader, id: i32) -> AppResult<Editable> {
    let statement = reader
        .read(|conn| editorial::editable(conn, id))?
        .ok_or(AppError::NotFound)?;
    if statement.author_id != Some(staff.user.id) {
        staff.require(Role::Editor)?;
    }
    Ok(statement)
}

/// What each `?done=` says, by the key of its message.
const NOTICES: [(&str, &str); 6] = [
    ("draft", "notice-statement-draft"),
    ("submitted", "notice-statement-submitted"),
    ("scheduled", "notice-statement-scheduled"),
    ("published", "notice-statement-published"),
    ("withdrawn", "notice-statement-withdrawn"),
    ("repeated", "notice-repeated"),
];

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

#[get("/statements/{id}/edit")]
pub async fn edit(
    lang: Lang,
    staff: Staff,
    path: web::Path<i32>,
    query: web::Query<Done>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    let statement = load(&staff, &reader, path.into_inner())?;
    let mut state = EditorState::blank(Some(edited(&statement)));
    state.notice = notice(query.done.as_deref(), &NOTICES);
    editor(
        lang,
        StatusCode::OK,
        staff,
        &reader,
        form_from(&statement),
        state,
    )
}

#[post("/statements")]
pub async fn create(
    lang: Lang,
    request: StaffForm<StatementForm>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    save(lang, request, None, &reader, &database).await
}

#[post("/statements/{id}")]
pub async fn update(
    lang: Lang,
    path: web::Path<i32>,
    request: StaffForm<StatementForm>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    let current = load(&request.staff, &reader, path.into_inner())?;
    save(lang, request, Some(current), &reader, &database).await
}

#[derive(Template)]
#[template(path = "staff/conflict.html")]
struct ConflictPage {
    layout: Layout,
    staff: Staff,
    theirs: Editable,
    yours: StatementForm,
}

/// Validates the form, then previews it or saves it as one transaction; the reply comes only
/// after the commit.
async fn save(
    lang: Lang,
    request: StaffForm<StatementForm>,
    current: Option<Editable>,
    reader: &Reader,
    database: &Database,
) -> AppResult<HttpResponse> {
    let StaffForm { staff, form } = request;
    let now = Utc::now().naive_utc();
    let statement = current.as_ref().map(edited);
    let action = form.action(now);
    let content = form.content();
    let (content, action) = match (content, action) {
        (Ok(content), Ok(action)) => (content, action),
        (content, action) => {
            let mut errors = content.err().unwrap_or_default();
            if let Err(invalid) = action {
                errors.add(invalid);
            }
            let mut state = EditorState::blank(statement);
            state.errors = errors;
            return editor(
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                staff,
                reader,
                form,
                state,
            );
        }
    };
    if action == Action::Preview {
        let mut state = EditorState::blank(statement);
        state.previews = content
            .texts
            .iter()
            .map(|text| Preview {
                lang: text.lang,
                html: markdown::render(&text.body),
            })
            .collect();
        return editor(lang, StatusCode::OK, staff, reader, form, state);
    }
    let save_request = SaveRequest {
        statement_id: current.as_ref().map(|c| c.id),
        expected_version: form.version(),
        content,
        action,
        actor_id: staff.user.id,
        actor_role: staff.user.role,
        form_token: form.form_token.clone(),
        now,
    };
    if save_request.form_token.len() < 16 {
        return Err(InvalidInput::because("form_token", Message::new("invalid-form-token")).into());
    }
    match database
        .write(move |conn| editorial::save(conn, save_request))
        .await
    {
        Ok(SaveOutcome::Saved { id, status }) => Ok(see_other(&lang.href(&format!(
            "/staff/statements/{id}/edit?done={}",
            status.as_str()
        )))),
        Ok(SaveOutcome::Repeated(location)) => {
            let separator = if location.contains('?') { '&' } else { '?' };
            Ok(see_other(
                &lang.href(&format!("{location}{separator}done=repeated")),
            ))
        }
        Ok(SaveOutcome::Refused(refusal)) => {
            let mut state = EditorState::blank(statement);
            state.refusal = Some(refusal.message());
            let status = match refusal {
                crate::domain::statement::Refusal::Role => StatusCode::FORBIDDEN,
                crate::domain::statement::Refusal::State(_) => StatusCode::CONFLICT,
            };
            editor(lang, status, staff, reader, form, state)
        }
        Ok(SaveOutcome::Conflict(theirs)) => html_with_status(
            StatusCode::CONFLICT,
            ConflictPage {
                layout: staff_layout(lang.t("conflict-title")),
                staff,
                theirs: *theirs,
                yours: form,
            },
        ),
        Err(DbError::UnknownRecord(path)) => {
            let mut state = EditorState::blank(statement);
            state.errors.add(InvalidInput::because(
                "related",
                Message::new("invalid-unknown-record").text("address", path),
            ));
            editor(
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                staff,
                reader,
                form,
                state,
            )
        }
        Err(other) => Err(other.into()),
    }
}
