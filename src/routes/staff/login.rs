use crate::auth::csrf::{LOGIN_CSRF_COOKIE, is_cross_site, tokens_match};
use crate::auth::password::PasswordChecker;
use crate::auth::session::CookiePolicy;
use crate::auth::throttle::LoginThrottle;
use crate::auth::{SESSION_COOKIE, StaffForm, random_token, token_hash};
use crate::db::staff::{self, AuditEntry};
use crate::db::{Database, Reader};
use crate::domain::{SitePath, Username};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    layout: Layout,
    csrf_token: String,
    next: String,
    username: String,
    /// The key of the message that says why the login failed.
    failure: Option<&'static str>,
}

/// Where to go after login: only a staff page of this site (in any language), never another
/// site; otherwise the dashboard in `lang`.
fn safe_next(next: Option<&str>, lang: Lang) -> String {
    let staff_page = next
        .and_then(|next| SitePath::parse(next).ok())
        .filter(|next| {
            let page = Lang::split_path(next.path()).1;
            let staff = page == "/staff" || page.starts_with("/staff/");
            staff && !page.starts_with("/staff/login") && !next.as_str().contains("//")
        });
    match staff_page {
        Some(next) => next.as_str().to_owned(),
        None => lang.href("/staff"),
    }
}

fn login_page(
    lang: Lang,
    status: StatusCode,
    policy: &CookiePolicy,
    csrf_token: String,
    next: String,
    username: String,
    failure: Option<&'static str>,
) -> AppResult<HttpResponse> {
    let page = LoginPage {
        layout: Layout::new(lang.t("staff-login-title"), Section::None),
        csrf_token: csrf_token.clone(),
        next,
        username,
        failure,
    };
    Ok(HttpResponse::build(status)
        .cookie(policy.cookie(LOGIN_CSRF_COOKIE, csrf_token, 3600))
        .content_type(ContentType::html())
        .body(page.render()?))
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// The login form. Before there is a session, its CSRF token lives in a cookie of its own.
#[get("/login")]
pub async fn login_form(
    lang: Lang,
    request: HttpRequest,
    query: web::Query<NextQuery>,
    policy: web::Data<CookiePolicy>,
) -> AppResult<HttpResponse> {
    let token = request
        .cookie(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|t| t.len() == 43)
        .unwrap_or_else(random_token);
    let next = safe_next(query.next.as_deref(), lang);
    login_page(
        lang,
        StatusCode::OK,
        &policy,
        token,
        next,
        String::new(),
        None,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    username: String,
    password: String,
    csrf_token: String,
    next: String,
}

#[post("/login")]
pub async fn login(
    request: HttpRequest,
    form: web::Form<LoginForm>,
    reader: web::Data<Reader>,
    database: web::Data<Database>,
    throttle: web::Data<LoginThrottle>,
    checker: web::Data<PasswordChecker>,
    policy: web::Data<CookiePolicy>,
) -> AppResult<HttpResponse> {
    let lang = Lang::of(&request);
    let form = form.into_inner();
    let cookie_token = request
        .cookie(LOGIN_CSRF_COOKIE)
        .map(|c| c.value().to_owned());
    if is_cross_site(&request)
        || !tokens_match(cookie_token.as_deref().unwrap_or(""), &form.csrf_token)
    {
        return Err(AppError::Forbidden);
    }
    if let Err(wait) = throttle.attempt(&request, &form.username) {
        actix_web::rt::time::sleep(throttle.refusal_pause()).await;
        return Err(AppError::TooManyAttempts(wait));
    }
    let username = Username::parse(&form.username).ok();
    let credentials = match &username {
        Some(name) => reader.read(|conn| staff::credentials(conn, name))?,
        None => None,
    };
    let stored = credentials.as_ref().map(|c| c.password_hash.clone());
    let password_ok = checker.verify(form.password, stored).await;
    let account = credentials
        .filter(|c| password_ok && !c.disabled)
        .zip(username);
    let Some((account, username)) = account else {
        let attempted = form.username.chars().take(64).collect::<String>();
        database
            .write(move |conn| {
                staff::audit(
                    conn,
                    AuditEntry {
                        user_id: None,
                        action: "login-failed",
                        entity: "session",
                        entity_id: None,
                        summary: format!("failed login as “{attempted}”"),
                    },
                )
            })
            .await?;
        let token = cookie_token.unwrap_or_else(random_token);
        return login_page(
            lang,
            StatusCode::UNAUTHORIZED,
            &policy,
            token,
            safe_next(Some(&form.next), lang),
            form.username,
            Some("staff-login-failed"),
        );
    };
    // A new session, with a new token and a new CSRF token, at every login: a token planted
    // before login is worth nothing after it.
    let session_token = random_token();
    let hash = token_hash(&session_token);
    let csrf = random_token();
    let expires_at = Utc::now().naive_utc() + crate::auth::session::ABSOLUTE_TIMEOUT;
    let user_id = account.user_id;
    let device_cookie = throttle.device_cookie(username.as_str());
    database
        .write(move |conn| {
            staff::start_session(conn, user_id, &hash, &csrf, expires_at)?;
            staff::audit(
                conn,
                AuditEntry {
                    user_id: Some(user_id),
                    action: "login",
                    entity: "session",
                    entity_id: None,
                    summary: "logged in".into(),
                },
            )
        })
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, safe_next(Some(&form.next), lang)))
        .cookie(policy.session_cookie(session_token))
        .cookie(policy.device_cookie(device_cookie))
        .cookie(policy.removal(LOGIN_CSRF_COOKIE))
        .finish())
}

#[derive(Deserialize)]
pub struct Nothing {}

/// Ends the session at once: the row goes, so the cookie is worthless even if kept.
#[post("/logout")]
pub async fn logout(
    lang: Lang,
    request: StaffForm<Nothing>,
    database: web::Data<Database>,
    policy: web::Data<CookiePolicy>,
) -> AppResult<HttpResponse> {
    let staff = request.staff;
    database
        .write(move |conn| {
            staff::end_session(conn, staff.session_id)?;
            staff::audit(
                conn,
                AuditEntry {
                    user_id: Some(staff.user.id),
                    action: "logout",
                    entity: "session",
                    entity_id: None,
                    summary: "logged out".into(),
                },
            )
        })
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, lang.href("/")))
        .cookie(policy.removal(SESSION_COOKIE))
        .finish())
}

#[cfg(test)]
mod tests {
    use super::safe_next;
    use crate::i18n::Lang;

    #[test]
    fn after_login_only_staff_pages_of_this_site_are_reachable() {
        assert_eq!(
            safe_next(Some("/staff/statements?status=draft"), Lang::En),
            "/staff/statements?status=draft"
        );
        for hostile in [
            "https://evil.example",
            "//evil.example",
            "/staff//evil",
            "/\\evil",
            "/mous",
            "/staff/login",
            "/staffroom",
            "/zh/staff/login?next=/zh/staff",
            "/ms/mous",
        ] {
            assert_eq!(safe_next(Some(hostile), Lang::En), "/staff", "{hostile}");
        }
        assert_eq!(safe_next(None, Lang::En), "/staff");
    }

    #[test]
    fn staff_pages_in_every_language_are_reachable_after_login() {
        assert_eq!(
            safe_next(Some("/zh/staff/records?q=x"), Lang::Zh),
            "/zh/staff/records?q=x"
        );
        assert_eq!(safe_next(Some("/ms/staff"), Lang::Ms), "/ms/staff");
        assert_eq!(safe_next(Some("//evil.example"), Lang::Ms), "/ms/staff");
        assert_eq!(safe_next(None, Lang::Zh), "/zh/staff");
    }
}
