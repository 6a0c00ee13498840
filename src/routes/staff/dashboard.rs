use super::staff_layout;
use crate::auth::Staff;
use crate::db::Reader;
use crate::db::editorial::{self, StaffStatementItem};
use crate::db::reference::Page;
use crate::domain::{ListFilter, Role, StatementStatus};
use crate::error::{AppResult, html};
use crate::i18n::Lang;
use crate::views::Layout;
use actix_web::{HttpResponse, get, web};
use askama::Template;

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct DashboardPage {
    layout: Layout,
    staff: Staff,
    /// Each section: the message key of its heading, its first statements, and where all of
    /// them are listed.
    sections: Vec<(&'static str, Page<StaffStatementItem>, String)>,
}

/// What needs attention: drafts, statements waiting for review, what is scheduled, what went out.
#[get("")]
pub async fn dashboard(
    lang: Lang,
    staff: Staff,
    reader: web::Data<Reader>,
) -> AppResult<HttpResponse> {
    let only_mine = (!staff.may(Role::Editor)).then_some(staff.user.id);
    let wanted = [
        ("dashboard-drafts", StatementStatus::Draft),
        ("dashboard-submitted", StatementStatus::Submitted),
        ("dashboard-scheduled", StatementStatus::Scheduled),
        ("dashboard-published", StatementStatus::Published),
    ];
    let sections = reader.read(|conn| {
        wanted
            .into_iter()
            .map(|(heading, status)| {
                let page = editorial::list(conn, only_mine, Some(status), &ListFilter::default())?;
                Ok((
                    heading,
                    page,
                    lang.href(&format!("/staff/statements?status={}", status.as_str())),
                ))
            })
            .collect()
    })?;
    html(DashboardPage {
        layout: staff_layout(lang.t("staff-dashboard")),
        staff,
        sections,
    })
}
