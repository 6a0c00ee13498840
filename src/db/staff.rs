//! Staff accounts, their sessions, the audit trail, the tokens of forms already handled, and the
//! keys login cookies are signed with.

use super::schema::{audit_events, form_submissions, sessions, signing_keys, users};
use super::{DbError, DbResult, OptionalRow};
use crate::domain::{DisplayName, Role, Username};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as QueryError};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i32,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: NaiveDateTime,
}

/// What a login needs to check a password.
#[derive(Debug, Queryable)]
pub struct Credentials {
    pub user_id: i32,
    pub password_hash: String,
    pub disabled: bool,
}

pub fn credentials(
    conn: &mut SqliteConnection,
    username: &Username,
) -> DbResult<Option<Credentials>> {
    users::table
        .filter(users::username.eq(username.as_str()))
        .select((users::id, users::password_hash, users::disabled))
        .first(conn)
        .found()
}

pub fn add_user(
    conn: &mut SqliteConnection,
    username: &Username,
    display_name: &DisplayName,
    role: Role,
    password_hash: &str,
) -> DbResult<i32> {
    let inserted = diesel::insert_into(users::table)
        .values((
            users::username.eq(username.as_str()),
            users::display_name.eq(display_name.as_str()),
            users::role.eq(role),
            users::password_hash.eq(password_hash),
        ))
        .returning(users::id)
        .get_result(conn);
    match inserted {
        Err(QueryError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Err(DbError::Taken)
        }
        other => Ok(other?),
    }
}

pub fn users(conn: &mut SqliteConnection) -> DbResult<Vec<User>> {
    Ok(users::table
        .order(users::username)
        .select(User::as_select())
        .load(conn)?)
}

pub fn user(conn: &mut SqliteConnection, id: i32) -> DbResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .found()
}

pub fn user_by_name(conn: &mut SqliteConnection, username: &Username) -> DbResult<Option<User>> {
    users::table
        .filter(users::username.eq(username.as_str()))
        .select(User::as_select())
        .first(conn)
        .found()
}

/// Disables or re-enables an account; disabling ends its sessions at once.
pub fn set_disabled(conn: &mut SqliteConnection, user_id: i32, disabled: bool) -> DbResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::disabled.eq(disabled),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    if disabled {
        end_sessions_of(conn, user_id)?;
    }
    Ok(())
}

pub fn set_role(conn: &mut SqliteConnection, user_id: i32, role: Role) -> DbResult<()> {
    diesel::update(users::table.find(user_id))
        .set((users::role.eq(role), users::updated_at.eq(diesel::dsl::now)))
        .execute(conn)?;
    Ok(())
}

/// Sets a new password hash and ends every session of the account.
pub fn set_password(
    conn: &mut SqliteConnection,
    user_id: i32,
    password_hash: &str,
) -> DbResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    end_sessions_of(conn, user_id)
}

/// A live session and the account behind it.
#[derive(Debug, Clone, Queryable)]
pub struct SessionRecord {
    pub session_id: i32,
    pub csrf_token: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub user: User,
}

pub fn session(conn: &mut SqliteConnection, token_hash: &str) -> DbResult<Option<SessionRecord>> {
    sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash))
        .select((
            sessions::id,
            sessions::csrf_token,
            sessions::created_at,
            sessions::last_seen_at,
            sessions::expires_at,
            User::as_select(),
        ))
        .first(conn)
        .found()
}

pub fn start_session(
    conn: &mut SqliteConnection,
    user_id: i32,
    token_hash: &str,
    csrf_token: &str,
    expires_at: NaiveDateTime,
) -> DbResult<()> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::user_id.eq(user_id),
            sessions::token_hash.eq(token_hash),
            sessions::csrf_token.eq(csrf_token),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn touch_session(conn: &mut SqliteConnection, session_id: i32) -> DbResult<()> {
    diesel::update(sessions::table.find(session_id))
        .set(sessions::last_seen_at.eq(diesel::dsl::now))
        .execute(conn)?;
    Ok(())
}

pub fn end_session(conn: &mut SqliteConnection, session_id: i32) -> DbResult<()> {
    diesel::delete(sessions::table.find(session_id)).execute(conn)?;
    Ok(())
}

fn end_sessions_of(conn: &mut SqliteConnection, user_id: i32) -> DbResult<()> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?;
    Ok(())
}

/// Removes sessions past their absolute end, so the table does not grow without bound.
pub fn purge_expired_sessions(conn: &mut SqliteConnection, now: NaiveDateTime) -> DbResult<usize> {
    Ok(diesel::delete(sessions::table.filter(sessions::expires_at.lt(now))).execute(conn)?)
}

/// One staff write, or a login, as the audit trail records it.
pub struct AuditEntry<'a> {
    pub user_id: Option<i32>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i32>,
    pub summary: String,
}

/// Records `entry`; call it inside the transaction of the write it describes.
pub fn audit(conn: &mut SqliteConnection, entry: AuditEntry<'_>) -> DbResult<()> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::user_id.eq(entry.user_id),
            audit_events::action.eq(entry.action),
            audit_events::entity.eq(entry.entity),
            audit_events::entity_id.eq(entry.entity_id),
            audit_events::summary.eq(entry.summary),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Queryable)]
pub struct AuditItem {
    pub occurred_at: NaiveDateTime,
    pub username: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i32>,
    pub summary: String,
}

pub const AUDIT_PAGE_SIZE: i64 = 50;

/// The newest audit events, a page at a time; `before` is the id the previous page ended at.
pub fn audit_trail(
    conn: &mut SqliteConnection,
    before: Option<i32>,
) -> DbResult<(Vec<AuditItem>, Option<i32>)> {
    let mut query = audit_events::table
        .left_join(users::table)
        .order(audit_events::id.desc())
        .limit(AUDIT_PAGE_SIZE + 1)
        .select((
            audit_events::id,
            (
                audit_events::occurred_at,
                users::username.nullable(),
                audit_events::action,
                audit_events::entity,
                audit_events::entity_id,
                audit_events::summary,
            ),
        ))
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(audit_events::id.lt(before));
    }
    let mut rows: Vec<(i32, AuditItem)> = query.load(conn)?;
    let next = if rows.len() as i64 > AUDIT_PAGE_SIZE {
        rows.truncate(AUDIT_PAGE_SIZE as usize);
        rows.last().map(|(id, _)| *id)
    } else {
        None
    };
    Ok((rows.into_iter().map(|(_, item)| item).collect(), next))
}

/// Where a form's first submission led, if this one-time token was used before: a repeat (a
/// double click, a retry) then changes nothing.
pub fn earlier_submission(conn: &mut SqliteConnection, token: &str) -> DbResult<Option<String>> {
    form_submissions::table
        .find(token)
        .select(form_submissions::location)
        .first(conn)
        .found()
}

/// Marks a form's one-time token as used, leading to `location`; call it in the transaction of
/// the write the form makes.
pub fn claim_form(
    conn: &mut SqliteConnection,
    token: &str,
    user_id: i32,
    location: &str,
) -> DbResult<()> {
    diesel::insert_into(form_submissions::table)
        .values((
            form_submissions::token.eq(token),
            form_submissions::user_id.eq(user_id),
            form_submissions::location.eq(location),
        ))
        .execute(conn)?;
    Ok(())
}

/// The secret kept for `purpose`: the one stored, or else `fresh`, stored now. Call it in a write
/// transaction, so that two portals starting at once agree on one secret.
pub fn signing_key(conn: &mut SqliteConnection, purpose: &str, fresh: &[u8]) -> DbResult<Vec<u8>> {
    diesel::insert_or_ignore_into(signing_keys::table)
        .values((
            signing_keys::purpose.eq(purpose),
            signing_keys::secret.eq(fresh),
        ))
        .execute(conn)?;
    Ok(signing_keys::table
        .find(purpose)
        .select(signing_keys::secret)
        .first(conn)?)
}
