use super::staff_layout;
use crate::auth::Staff;
use crate::db::Reader;
use crate::db::editorial::{self, StaffStatementItem};
use crate::db::reference::Page;
use crate::domain::{ListFilter, Role, StatementStatus};
use crate::error::{AppResult, html};
use crate::views::Layout;
use actix_web::{HttpResponse, get, web};
use askama::Template;

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct DashboardPage {
    layout: Layout,
    staff: Staff,
    sections: Vec<(&'static str, Page<StaffStatementItem>, String)>,
}

/// What needs attention: drafts, statements waiting for review, what is scheduled, what went out.
#[get("")]
pub async fn dashboard(staff: Staff, reader: web::Data<Reader>) -> AppResult<HttpResponse> {
    let only_mine = (!staff.may(Role::Editor)).then_some(staff.user.id);
    let wanted = [
        ("Drafts", StatementStatus::Draft),
        ("Submitted for review", StatementStatus::Submitted),
        ("Scheduled", StatementStatus::Scheduled),
        ("Published", StatementStatus::Published),
    ];
    let sections = reader.read(|conn| {
        wanted
            .into_iter()
            .map(|(heading, status)| {
                let page = editorial::list(conn, only_mine, Some(status), &ListFilter::default())?;
                Ok((
                    heading,
                    page,
                    format!("/staff/statements?status={}", status.as_str()),
                ))
            })
            .collect()
    })?;
    html(DashboardPage {
        layout: staff_layout("Dashboard"),
        staff,
        sections,
    })
}
