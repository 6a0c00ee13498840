//! Managing staff accounts, for the command line and the admin pages alike. Every change is
//! audited in the same transaction.

use crate::auth::password;
use crate::db::staff::{self, AuditEntry, User};
use crate::db::{Database, DbError};
use crate::domain::{DisplayName, InvalidInput, Password, Role, Username};

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    Invalid(#[from] InvalidInput),
    #[error("there is no account named {0}")]
    NoSuchUser(String),
    #[error("the username {0} is already taken")]
    Taken(String),
    #[error("the password could not be hashed")]
    Hashing,
    #[error(transparent)]
    Database(DbError),
}

impl From<DbError> for AccountError {
    fn from(error: DbError) -> Self {
        AccountError::Database(error)
    }
}

/// Who makes a change: a staff member, or the command line (no account).
pub type Actor = Option<i32>;

async fn hash_off_thread(password: Password) -> Result<String, AccountError> {
    actix_web::web::block(move || password::hash(&password))
        .await
        .map_err(|_| AccountError::Hashing)?
        .map_err(|_| AccountError::Hashing)
}

pub async fn add(
    database: &Database,
    actor: Actor,
    username: Username,
    display_name: DisplayName,
    role: Role,
    password: Password,
) -> Result<i32, AccountError> {
    let hash = hash_off_thread(password).await?;
    let name = username.to_string();
    database
        .write(move |conn| {
            let id = staff::add_user(conn, &username, &display_name, role, &hash)?;
            staff::audit(
                conn,
                AuditEntry {
                    user_id: actor,
                    action: "create",
                    entity: "user",
                    entity_id: Some(id),
                    summary: format!("account {username} created with role {}", role.as_str()),
                },
            )?;
            Ok(id)
        })
        .await
        .map_err(|error| match error {
            DbError::Taken => AccountError::Taken(name),
            other => other.into(),
        })
}

pub async fn list(database: &Database) -> Result<Vec<User>, AccountError> {
    Ok(database.write(staff::users).await?)
}

async fn change(
    database: &Database,
    actor: Actor,
    username: Username,
    what: &'static str,
    apply: impl FnOnce(&mut diesel::SqliteConnection, i32) -> Result<(), DbError> + Send + 'static,
) -> Result<(), AccountError> {
    let name = username.to_string();
    database
        .write(move |conn| {
            let user = staff::user_by_name(conn, &username)?.ok_or(DbError::NotFound)?;
            apply(conn, user.id)?;
            staff::audit(
                conn,
                AuditEntry {
                    user_id: actor,
                    action: "update",
                    entity: "user",
                    entity_id: Some(user.id),
                    summary: format!("account {username}: {what}"),
                },
            )
        })
        .await
        .map_err(|error| match error {
            DbError::NotFound => AccountError::NoSuchUser(name),
            other => other.into(),
        })
}

pub async fn set_disabled(
    database: &Database,
    actor: Actor,
    username: Username,
    disabled: bool,
) -> Result<(), AccountError> {
    let what = if disabled { "disabled" } else { "enabled" };
    change(database, actor, username, what, move |conn, id| {
        staff::set_disabled(conn, id, disabled)
    })
    .await
}

pub async fn set_role(
    database: &Database,
    actor: Actor,
    username: Username,
    role: Role,
) -> Result<(), AccountError> {
    let what = match role {
        Role::Writer => "role set to writer",
        Role::Editor => "role set to editor",
        Role::Admin => "role set to admin",
    };
    change(database, actor, username, what, move |conn, id| {
        staff::set_role(conn, id, role)
    })
    .await
}

pub async fn set_password(
    database: &Database,
    actor: Actor,
    username: Username,
    password: Password,
) -> Result<(), AccountError> {
    let hash = hash_off_thread(password).await?;
    change(
        database,
        actor,
        username,
        "password changed",
        move |conn, id| staff::set_password(conn, id, &hash),
    )
    .await
}
