//! Password hashes: argon2id with the recommended parameters (19 MiB, 2 passes, 1 lane).

use crate::domain::Password;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand_core::OsRng;
use std::sync::{Arc, LazyLock, Mutex, mpsc};
use tokio::sync::oneshot;

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

/// What one password check needs, and where its answer goes.
type Check = (String, Option<String>, oneshot::Sender<bool>);

/// Runs password checks on a few threads of their own, one check at a time on each, so that a
/// storm of logins can take neither the threads that serve pages nor more than a core each.
/// Their own threads, too, because each check needs 19 MiB: a check on any of the many blocking
/// threads would leave that much behind in that thread's allocator arena.
#[derive(Clone)]
pub struct PasswordChecker {
    checks: mpsc::Sender<Check>,
}

impl PasswordChecker {
    pub fn new(at_once: usize) -> Self {
        let (checks, queue) = mpsc::channel::<Check>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..at_once.max(1) {
            let queue = queue.clone();
            // A thread that cannot start leaves the checks to the others; with none, every
            // check fails closed (the queue is gone, so `verify` says no).
            let _ = std::thread::Builder::new()
                .name(format!("password-check-{n}"))
                .spawn(move || {
                    loop {
                        let next = queue.lock().map(|queue| queue.recv());
                        let Ok(Ok((candidate, stored, answer))) = next else {
                            return;
                        };
                        let _ = answer.send(verify(&candidate, stored.as_deref()));
                    }
                });
        }
        Self { checks }
    }

    pub async fn verify(&self, candidate: String, stored: Option<String>) -> bool {
        let (answer, answered) = oneshot::channel();
        if self.checks.send((candidate, stored, answer)).is_err() {
            return false;
        }
        answered.await.unwrap_or(false)
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
