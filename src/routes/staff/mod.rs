//! The staff side: login, the statement workflow, the record forms, accounts and the audit log.
//! Every route here takes `Staff` (a live session) or `StaffForm` (a live session, same site, and
//! the CSRF token; the document upload checks the token of its multipart form itself), and
//! answers with `Cache-Control: no-store`.

mod audit;
mod dashboard;
mod login;
mod records;
mod statements;
mod users;

use crate::i18n::Lang;
use crate::views::{Layout, Section};
use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;
use actix_web::web;

/// Registers the staff pages at `/staff`, and again under each other language's prefix.
pub fn configure(config: &mut web::ServiceConfig) {
    for lang in Lang::ALL {
        config.service(
            web::scope(&lang.href("/staff"))
                .wrap(
                    DefaultHeaders::new()
                        .add((header::CACHE_CONTROL, "no-store"))
                        .add(("x-robots-tag", "noindex")),
                )
                .service(login::login_form)
                .service(login::login)
                .service(login::logout)
                .service(dashboard::dashboard)
                .service(statements::list)
                .service(statements::new)
                .service(statements::create)
                .service(statements::edit)
                .service(statements::update)
                .service(users::list)
                .service(users::add)
                .service(users::change)
                .service(audit::trail)
                .configure(records::configure),
        );
    }
}

/// The layout of a staff page: its title under the "Staff" crumb.
fn staff_layout(title: impl Into<String>) -> Layout {
    let layout = Layout::new(title, Section::None);
    let staff = layout.lang.t("staff-crumb");
    layout.within("/staff", &staff)
}

/// A one-line confirmation shown after a redirect (`?done=…`): the key of its message, from a
/// fixed list so that the address cannot put arbitrary text on the page.
fn notice(done: Option<&str>, messages: &[(&str, &'static str)]) -> Option<&'static str> {
    let done = done?;
    messages
        .iter()
        .find(|(key, _)| *key == done)
        .map(|(_, message)| *message)
}
