//! Server-side sessions behind a cookie, and the extractors that guard every staff route.

use super::csrf::{is_cross_site, tokens_match};
use super::token_hash;
use crate::db::staff::{self, User};
use crate::db::{Database, Reader};
use crate::domain::Role;
use crate::error::AppError;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use chrono::{NaiveDateTime, TimeDelta, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

pub const SESSION_COOKIE: &str = "sti_session";
/// A session ends after this long without a request...
pub const IDLE_TIMEOUT: TimeDelta = TimeDelta::minutes(30);
/// ...and in any case this long after login.
pub const ABSOLUTE_TIMEOUT: TimeDelta = TimeDelta::hours(12);
/// How stale `last_seen_at` may get before a request writes it again: a write on every request
/// would make every staff page wait for the writer.
const TOUCH_AFTER: TimeDelta = TimeDelta::minutes(1);

/// Whether cookies carry the `Secure` attribute (on unless `--insecure-cookies`).
#[derive(Debug, Clone, Copy)]
pub struct CookiePolicy {
    pub secure: bool,
}

impl CookiePolicy {
    pub fn session_cookie(&self, token: String) -> Cookie<'static> {
        self.cookie(SESSION_COOKIE, token, ABSOLUTE_TIMEOUT.num_seconds())
    }

    /// The device cookie a browser gets at login (see `auth::device`).
    pub fn device_cookie(&self, value: String) -> Cookie<'static> {
        self.cookie(
            super::device::DEVICE_COOKIE,
            value,
            TimeDelta::days(super::device::DEVICE_COOKIE_DAYS).num_seconds(),
        )
    }

    pub fn cookie(
        &self,
        name: &'static str,
        value: String,
        max_age_seconds: i64,
    ) -> Cookie<'static> {
        Cookie::build(name, value)
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .max_age(CookieDuration::seconds(max_age_seconds))
            .finish()
    }

    /// A cookie that tells the browser to forget `name`.
    pub fn removal(&self, name: &'static str) -> Cookie<'static> {
        let mut cookie = self.cookie(name, String::new(), 0);
        cookie.make_removal();
        cookie
    }
}

/// A logged-in staff member, checked on this request.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: User,
    pub session_id: i32,
    pub csrf_token: String,
}

impl Staff {
    /// Refuses with 403 unless the staff member's role includes `role`.
    pub fn require(&self, role: Role) -> Result<(), AppError> {
        if self.user.role.allows(role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn may(&self, role: Role) -> bool {
        self.user.role.allows(role)
    }
}

fn is_live(record: &staff::SessionRecord, now: NaiveDateTime) -> bool {
    !record.user.disabled && now < record.expires_at && now - record.last_seen_at < IDLE_TIMEOUT
}

fn login_required(request: &HttpRequest) -> AppError {
    let next = match request.query_string() {
        "" => request.path().to_owned(),
        query => format!("{}?{query}", request.path()),
    };
    AppError::LoginRequired(next)
}

async fn current_staff(request: HttpRequest) -> Result<Staff, AppError> {
    let Some(token) = request.cookie(SESSION_COOKIE) else {
        return Err(login_required(&request));
    };
    let reader = request
        .app_data::<web::Data<Reader>>()
        .ok_or_else(|| AppError::Unreadable("no database reader".into()))?;
    let hash = token_hash(token.value());
    let record = reader.read(|conn| staff::session(conn, &hash))?;
    let now = Utc::now().naive_utc();
    let Some(record) = record.filter(|r| is_live(r, now)) else {
        return Err(login_required(&request));
    };
    if now - record.last_seen_at > TOUCH_AFTER
        && let Some(database) = request.app_data::<web::Data<Database>>()
    {
        let session_id = record.session_id;
        database
            .write(move |conn| staff::touch_session(conn, session_id))
            .await?;
    }
    Ok(Staff {
        user: record.user,
        session_id: record.session_id,
        csrf_token: record.csrf_token,
    })
}

impl FromRequest for Staff {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(current_staff(request.clone()))
    }
}

#[derive(Deserialize, Default)]
struct CsrfField {
    #[serde(default)]
    csrf_token: String,
}

/// A state-changing staff request: a logged-in staff member, a same-site request, the session's
/// CSRF token, and the form. Taking this extractor is what makes a route a checked write.
pub struct StaffForm<T> {
    pub staff: Staff,
    pub form: T,
}

impl<T: DeserializeOwned + 'static> FromRequest for StaffForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let request = request.clone();
        let body = web::Bytes::from_request(&request, payload);
        Box::pin(async move {
            let staff = current_staff(request.clone()).await?;
            if is_cross_site(&request) {
                return Err(AppError::Forbidden);
            }
            let body = body.await.map_err(AppError::from_payload)?;
            let token: CsrfField = serde_html_form::from_bytes(&body).unwrap_or_default();
            if !tokens_match(&staff.csrf_token, &token.csrf_token) {
                return Err(AppError::Forbidden);
            }
            let form = serde_html_form::from_bytes(&body)
                .map_err(|e| AppError::Unreadable(e.to_string()))?;
            Ok(StaffForm { staff, form })
        })
    }
}
