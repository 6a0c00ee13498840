use super::staff_layout;
use crate::auth::Staff;
use crate::db::Reader;
use crate::db::staff::{AuditItem, audit_trail};
use crate::domain::Role;
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::Layout;
use actix_web::{HttpResponse, get, web};
use askama::Template;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    layout: Layout,
    staff: Staff,
    events: Vec<AuditItem>,
    next: Option<i32>,
}

#[derive(Deserialize)]
pub struct Before {
    before: Option<i32>,
}

/// Who did what and when, for admins.
#[get("/audit")]
pub async fn trail(
    lang: Lang,
    staff: Staff,
    query: web::Query<Before>,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    staff.require(Role::Admin)?;
    let (events, next) = reader.read(|conn| audit_trail(conn, query.before))?;
    html(AuditPage {
        layout: staff_layout(lang.t("staff-audit")),
        staff,
        events,
        next,
    })
}
