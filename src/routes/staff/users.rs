use super::{notice, staff_layout};
use crate::accounts::{self, AccountError};
use crate::auth::{Staff, StaffForm};
use crate::db::staff::{self as staff_db, User};
use crate::db::{Database, Reader};
use crate::domain::forms::FormErrors;
use crate::domain::{DisplayName, InvalidInput, MIN_PASSWORD_CHARS, Password, Role, Username};
use crate::error::{AppError, AppResult, html_with_status, see_other};
use crate::i18n::{Lang, Message};
use crate::views::Layout;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use askama::Template;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewUserForm {
    username: String,
    display_name: String,
    role: String,
    password: String,
}

#[derive(Template)]
#[template(path = "staff/users.html")]
struct UsersPage {
    layout: Layout,
    staff: Staff,
    users: Vec<User>,
    form: NewUserForm,
    errors: FormErrors,
    /// The roles an account can have, by their words.
    roles: Vec<&'static str>,
    min_password: usize,
    /// The key of the message that confirms what was done.
    notice: Option<&'static str>,
}

/// What each `?done=` says, by the key of its message.
const NOTICES: [(&str, &str); 4] = [
    ("added", "notice-user-added"),
    ("changed", "notice-user-changed"),
    ("self", "notice-user-self"),
    ("missing", "notice-user-missing"),
];

fn users_page(
    lang: Lang,
    status: StatusCode,
    staff: Staff,
    reader: &Reader,
    form: NewUserForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> AppResult<HttpResponse> {
    let users = reader.read(staff_db::users)?;
    html_with_status(
        status,
        UsersPage {
            layout: staff_layout(lang.t("staff-users")),
            staff,
            users,
            form,
            errors,
            roles: Role::ALL.iter().map(Role::as_str).collect(),
            min_password: MIN_PASSWORD_CHARS,
            notice,
        },
    )
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

#[get("/users")]
pub async fn list(
    lang: Lang,
    staff: Staff,
    query: web::Query<Done>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    staff.require(Role::Admin)?;
    let message = notice(query.done.as_deref(), &NOTICES);
    let form = NewUserForm {
        role: Role::Writer.as_str().into(),
        ..NewUserForm::default()
    };
    users_page(
        lang,
        StatusCode::OK,
        staff,
        &reader,
        form,
        FormErrors::default(),
        message,
    )
}

#[post("/users")]
pub async fn add(
    lang: Lang,
    request: StaffForm<NewUserForm>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    let StaffForm { staff, form } = request;
    staff.require(Role::Admin)?;
    let mut errors = FormErrors::default();
    let username = errors.check(Username::parse(&form.username));
    let display_name = errors.check(DisplayName::parse(&form.display_name));
    let role = errors.check(Role::parse(&form.role));
    let password = errors.check(Password::parse(&form.password));
    let (Some(username), Some(display_name), Some(role), Some(password)) =
        (username, display_name, role, password)
    else {
        return users_page(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            staff,
            &reader,
            form,
            errors,
            None,
        );
    };
    match accounts::add(
        &database,
        Some(staff.user.id),
        username,
        display_name,
        role,
        password,
    )
    .await
    {
        Ok(_) => Ok(see_other(&lang.href("/staff/users?done=added"))),
        Err(AccountError::Taken(_)) => {
            errors.add(InvalidInput::because(
                "username",
                Message::new("invalid-username-taken"),
            ));
            users_page(
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                staff,
                &reader,
                form,
                errors,
                None,
            )
        }
        Err(other) => Err(account_failure(other)),
    }
}

fn account_failure(error: AccountError) -> AppError {
    match error {
        AccountError::Database(db) => AppError::Database(db),
        AccountError::Invalid(invalid) => AppError::BadRequest(invalid),
        AccountError::NoSuchUser(_) => AppError::NotFound,
        other => AppError::Unreadable(other.to_string()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UserChange {
    role: String,
    change: String,
}

/// Sets a role, or disables or enables an account (which ends its sessions at once).
#[post("/users/{username}")]
pub async fn change(
    lang: Lang,
    path: web::Path<String>,
    request: StaffForm<UserChange>,
    database: web::Data<Database>,
) -> AppResult<HttpResponse> {
    let StaffForm { staff, form } = request;
    staff.require(Role::Admin)?;
    let username = Username::parse(&path.into_inner()).map_err(|_| AppError::NotFound)?;
    let is_self = username.as_str() == staff.user.username;
    let actor = Some(staff.user.id);
    let result = match form.change.as_str() {
        "role" => {
            let role = Role::parse(&form.role)?;
            if is_self && role != Role::Admin {
                return Ok(see_other(&lang.href("/staff/users?done=self")));
            }
            accounts::set_role(&database, actor, username, role).await
        }
        "disable" if is_self => return Ok(see_other(&lang.href("/staff/users?done=self"))),
        "disable" => accounts::set_disabled(&database, actor, username, true).await,
        "enable" => accounts::set_disabled(&database, actor, username, false).await,
        _ => {
            let reason = Message::new("invalid-one-of").text("choices", "role disable enable");
            return Err(InvalidInput::because("change", reason).into());
        }
    };
    match result {
        Ok(()) => Ok(see_other(&lang.href("/staff/users?done=changed"))),
        Err(AccountError::NoSuchUser(_)) => Ok(see_other(&lang.href("/staff/users?done=missing"))),
        Err(other) => Err(account_failure(other)),
    }
}
