//! Who is asking: password hashing, sessions, CSRF tokens, the staff guard, the client's address,
//! device cookies and the login rate limit.

pub mod client_address;
pub mod csrf;
pub mod device;
pub mod password;
pub mod session;
pub mod throttle;

pub use session::{SESSION_COOKIE, Staff, StaffForm};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// 256 random bits.
pub fn random_bytes() -> Vec<u8> {
    use rand_core::{OsRng, RngCore};
    let mut bytes = vec![0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

/// A random token of 256 bits, URL-safe.
pub fn random_token() -> String {
    url_safe(&random_bytes())
}

fn url_safe(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn from_url_safe(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// What the database keeps of a session token: its SHA-256, so a copy of the database cannot be
/// used to take over a session.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
    }

    #[test]
    fn a_token_hash_is_stable_and_hides_the_token() {
        let hash = token_hash("abc");
        assert_eq!(hash, token_hash("abc"));
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains("abc"));
    }
}
