//! Device cookies, OWASP's answer to online password guessing: after a successful login the
//! browser is given a signed cookie naming the account. A later attempt at that account which
//! presents it comes from a browser the account's owner has used, so the login rate limit counts
//! it apart from everyone else's attempts, and an attacker's failures never lock the owner out.

use crate::db::{Database, DbError, staff};
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const DEVICE_COOKIE: &str = "sti_device";
/// How long a browser stays known after its last successful login. The cookie goes to the whole
/// site (path `/`), so that a login form under a language prefix (`/ms/…`) receives it too.
pub const DEVICE_COOKIE_DAYS: i64 = 180;

/// Under this name `signing_keys` keeps the device cookies' key.
const KEY_PURPOSE: &str = "device-cookie";

/// A browser known to have logged in to an account: the random part of its device cookie, which
/// the rate limit counts attempts by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Device(String);

/// Issues and checks device cookies with the portal's secret key.
pub struct DeviceCookies {
    key: Vec<u8>,
}

impl DeviceCookies {
    /// With the database's key, made at random the first time.
    pub async fn load(database: &Database) -> Result<Self, DbError> {
        let fresh = super::random_bytes();
        let key = database
            .write(move |conn| staff::signing_key(conn, KEY_PURPOSE, &fresh))
            .await?;
        Ok(Self::with_key(key))
    }

    pub fn with_key(key: Vec<u8>) -> Self {
        Self { key }
    }

    fn signature(&self, username: &str, nonce: &str) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        mac.update(username.as_bytes());
        mac.update(b".");
        mac.update(nonce.as_bytes());
        mac
    }

    /// A new cookie value for a browser that has just logged in as `username`:
    /// `<username>.<nonce>.<signature>`.
    pub fn issue(&self, username: &str) -> String {
        let nonce = super::random_token();
        let signature = self.signature(username, &nonce).finalize().into_bytes();
        format!("{username}.{nonce}.{}", super::url_safe(&signature))
    }

    /// The device a cookie value stands for, if this portal signed it for `username`; a forged
    /// cookie, or one of another account, vouches for nothing.
    pub fn vouch(&self, cookie: &str, username: &str) -> Option<Device> {
        let mut parts = cookie.rsplitn(3, '.');
        let (signature, nonce, named) = (parts.next()?, parts.next()?, parts.next()?);
        if named != username.trim() {
            return None;
        }
        let signature = super::from_url_safe(signature)?;
        self.signature(named, nonce)
            .verify_slice(&signature)
            .ok()
            .map(|()| Device(nonce.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cookies() -> DeviceCookies {
        DeviceCookies::with_key(b"a key for the tests only".to_vec())
    }

    #[test]
    fn a_cookie_vouches_for_its_own_account_only() {
        let cookies = cookies();
        let cookie = cookies.issue("ann");
        assert!(cookies.vouch(&cookie, "ann").is_some());
        assert!(
            cookies.vouch(&cookie, " ann ").is_some(),
            "as the form trims it"
        );
        assert_eq!(cookies.vouch(&cookie, "bob"), None);
        assert_ne!(
            cookies.vouch(&cookie, "ann"),
            cookies.vouch(&cookies.issue("ann"), "ann"),
            "each login makes a new device"
        );
    }

    #[test]
    fn a_forged_or_altered_cookie_vouches_for_nothing() {
        let cookies = cookies();
        let cookie = cookies.issue("ann");
        let (_, nonce_and_signature) = cookie.split_once('.').unwrap();
        let renamed = format!("bob.{nonce_and_signature}");
        let other_key = DeviceCookies::with_key(b"another key".to_vec()).issue("ann");
        for forged in [
            renamed.as_str(),
            other_key.as_str(),
            "ann.AAAA.AAAA",
            "ann",
            "",
            "..",
            &format!("{cookie}x"),
        ] {
            let named = forged.split('.').next().unwrap_or("");
            assert_eq!(cookies.vouch(forged, named), None, "{forged}");
        }
    }
}
