//! Password hashes: argon2id with the recommended parameters (19 MiB, 2 passes, 1 lane).

use crate::domain::Password;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand_core::OsRng;
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(password: &Password) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher()
        .hash_password(password.expose().as_bytes(), &salt)?
        .to_string())
}

/// Checked in place of a missing account's hash, so that a login for an unknown name takes as
/// long as one for a real name and timing tells nothing.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    Password::parse("no account has this password")
        .ok()
        .and_then(|p| hash(&p).ok())
        .unwrap_or_default()
});

/// Whether `candidate` matches `stored`; with no stored hash, does the same work and says no.
pub fn verify(candidate: &str, stored: Option<&str>) -> bool {
    let stored_or_dummy = stored.unwrap_or(&DUMMY_HASH);
    let matches = PasswordHash::new(stored_or_dummy)
        .map(|parsed| {
            hasher()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false);
    matches && stored.is_some()
}

/// Runs password checks on the blocking pool, at most a few at a time, so that a storm of logins
/// cannot take the memory or the threads that serve pages.
#[derive(Clone)]
pub struct PasswordChecker {
    permits: Arc<Semaphore>,
}

impl PasswordChecker {
    pub fn new(at_once: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(at_once.max(1))),
        }
    }

    pub async fn verify(&self, candidate: String, stored: Option<String>) -> bool {
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        actix_web::web::block(move || verify(&candidate, stored.as_deref()))
            .await
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_argon2id_with_the_recommended_cost() {
        let stored = hash(&Password::parse("correct horse battery").unwrap()).unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
    }

    #[test]
    fn only_the_right_password_verifies() {
        let stored = hash(&Password::parse("correct horse battery").unwrap()).unwrap();
        assert!(verify("correct horse battery", Some(&stored)));
        assert!(!verify("correct horse batterY", Some(&stored)));
        assert!(!verify("correct horse battery", None));
        assert!(!verify("anything", Some("not a hash")));
    }
}
