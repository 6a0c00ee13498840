//! The login rate limit. A browser that presents a valid device cookie for the account it tries
//! is counted on its own: the account's owner is not locked out by anyone else's failures.
//! Every other attempt is counted per account, per client address, and all together, so that
//! guessing is slow whether it aims at one account from one address or at many accounts from
//! many addresses (credential stuffing), while the real user gets in again after a short wait,
//! at once from a browser they logged in with before.

use super::client_address::TrustedProxies;
use super::device::{DEVICE_COOKIE, Device, DeviceCookies};
use actix_web::HttpRequest;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

/// Keys kept before the limiter forgets the ones that are back to full allowance.
const KEYS_BEFORE_CLEANUP: usize = 10_000;
/// The longest part of an attempted username kept as a key: the limit is per account, and no
/// account has a longer name.
const USERNAME_KEY_CHARS: usize = 64;

/// So many attempts at once, then one more every so often.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub burst: u32,
    pub one_more_every: Duration,
}

impl Limit {
    pub const fn new(burst: u32, one_more_every: Duration) -> Self {
        Self {
            burst,
            one_more_every,
        }
    }

    fn quota(self) -> Quota {
        Quota::with_period(self.one_more_every)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(self.burst).unwrap_or(NonZeroU32::MIN))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Attempts from a browser with a valid device cookie for the account.
    pub per_device: Limit,
    /// Attempts at one account from browsers without one.
    pub per_account: Limit,
    /// Attempts from one client address without one.
    pub per_address: Limit,
    /// All attempts without one, whatever the account and address: what slows an attack spread
    /// over many of both.
    pub untrusted: Limit,
    /// How long a refused attempt waits for its answer. A refusal costs the server little, but
    /// an attacker asking as fast as it is answered would still take a share of the processors
    /// from every reader; held back, its connections wait instead.
    pub refusal_pause: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_device: Limit::new(5, Duration::from_secs(60)),
            per_account: Limit::new(5, Duration::from_secs(60)),
            per_address: Limit::new(30, Duration::from_secs(2)),
            untrusted: Limit::new(60, Duration::from_secs(5)),
            refusal_pause: Duration::from_secs(1),
        }
    }
}

/// Who is trying to log in, as far as the limits can tell.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub address: Option<IpAddr>,
    /// Set when the browser's device cookie is valid for the account it tries.
    pub device: Option<Device>,
}

pub struct LoginThrottle {
    devices: DefaultKeyedRateLimiter<Device>,
    accounts: DefaultKeyedRateLimiter<String>,
    addresses: DefaultKeyedRateLimiter<IpAddr>,
    untrusted: DefaultDirectRateLimiter,
    device_cookies: DeviceCookies,
    proxies: TrustedProxies,
    refusal_pause: Duration,
}

impl LoginThrottle {
    pub fn new(limits: Limits, device_cookies: DeviceCookies, proxies: TrustedProxies) -> Self {
        Self {
            devices: RateLimiter::keyed(limits.per_device.quota()),
            accounts: RateLimiter::keyed(limits.per_account.quota()),
            addresses: RateLimiter::keyed(limits.per_address.quota()),
            untrusted: RateLimiter::direct(limits.untrusted.quota()),
            device_cookies,
            proxies,
            refusal_pause: limits.refusal_pause,
        }
    }

    /// Counts one attempt by the client behind `request` at `username`; refused with how long
    /// to wait when a limit is reached. Counting before the password is checked keeps refused
    /// guesses from costing a hash.
    pub fn attempt(&self, request: &HttpRequest, username: &str) -> Result<(), Duration> {
        let client = Client {
            address: self.proxies.client_address(request),
            device: request
                .cookie(DEVICE_COOKIE)
                .and_then(|cookie| self.device_cookies.vouch(cookie.value(), username)),
        };
        self.count(username, &client)
    }

    /// How long a refused attempt waits before it is answered.
    pub fn refusal_pause(&self) -> Duration {
        self.refusal_pause
    }

    /// The device cookie for a browser that has just logged in as `username`.
    pub fn device_cookie(&self, username: &str) -> String {
        self.device_cookies.issue(username)
    }

    fn count(&self, username: &str, client: &Client) -> Result<(), Duration> {
        self.forget_idle_keys();
        let now = DefaultClock::default().now();
        let wait = |not_until: governor::NotUntil<_>| not_until.wait_time_from(now);
        if let Some(device) = &client.device {
            return self.devices.check_key(device).map_err(wait);
        }
        // The narrow limits first, so that attempts they refuse do not use up the shared one.
        if let Some(address) = client.address {
            self.addresses.check_key(&address).map_err(wait)?;
        }
        let account: String = username
            .trim()
            .to_lowercase()
            .chars()
            .take(USERNAME_KEY_CHARS)
            .collect();
        self.accounts.check_key(&account).map_err(wait)?;
        self.untrusted.check().map_err(wait)
    }

    fn forget_idle_keys(&self) {
        if self.devices.len() > KEYS_BEFORE_CLEANUP {
            self.devices.retain_recent();
        }
        if self.accounts.len() > KEYS_BEFORE_CLEANUP {
            self.accounts.retain_recent();
        }
        if self.addresses.len() > KEYS_BEFORE_CLEANUP {
            self.addresses.retain_recent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLENTY: Limit = Limit::new(1000, Duration::from_millis(1));
    const MINUTE: Duration = Duration::from_secs(60);

    fn throttle(limits: Limits) -> LoginThrottle {
        LoginThrottle::new(
            limits,
            DeviceCookies::with_key(b"test key".to_vec()),
            TrustedProxies::default(),
        )
    }

    fn from(address: [u8; 4]) -> Client {
        Client {
            address: Some(IpAddr::from(address)),
            device: None,
        }
    }

    fn trusted(throttle: &LoginThrottle, username: &str) -> Client {
        let cookie = throttle.device_cookie(username);
        Client {
            address: Some(IpAddr::from([127, 0, 0, 1])),
            device: throttle.device_cookies.vouch(&cookie, username),
        }
    }

    #[test]
    fn an_account_is_slowed_after_its_burst_but_others_are_not() {
        let throttle = throttle(Limits {
            per_account: Limit::new(3, MINUTE),
            per_address: PLENTY,
            untrusted: PLENTY,
            per_device: PLENTY,
            refusal_pause: Duration::ZERO,
        });
        let client = from([127, 0, 0, 1]);
        for _ in 0..3 {
            assert!(throttle.count("editor", &client).is_ok());
        }
        let wait = throttle.count("Editor", &client).unwrap_err();
        assert!(wait > Duration::from_secs(30) && wait <= MINUTE);
        assert!(throttle.count("someone-else", &client).is_ok());
    }

    #[test]
    fn an_address_is_slowed_across_accounts() {
        let throttle = throttle(Limits {
            per_address: Limit::new(2, MINUTE),
            per_account: PLENTY,
            untrusted: PLENTY,
            per_device: PLENTY,
            refusal_pause: Duration::ZERO,
        });
        let client = from([10, 0, 0, 1]);
        assert!(throttle.count("a", &client).is_ok());
        assert!(throttle.count("b", &client).is_ok());
        assert!(throttle.count("c", &client).is_err());
        assert!(throttle.count("c", &from([10, 0, 0, 2])).is_ok());
    }

    #[test]
    fn an_attack_over_many_accounts_and_addresses_is_slowed_all_together() {
        let throttle = throttle(Limits {
            untrusted: Limit::new(10, MINUTE),
            ..Limits::default()
        });
        let refused = (0..20u8)
            .filter(|n| {
                throttle
                    .count(&format!("user{n}"), &from([203, 0, 113, *n]))
                    .is_err()
            })
            .count();
        assert_eq!(refused, 10);
    }

    #[test]
    fn a_known_browser_gets_in_while_everyone_else_is_refused() {
        let throttle = throttle(Limits {
            untrusted: Limit::new(1, MINUTE),
            per_account: Limit::new(1, MINUTE),
            ..Limits::default()
        });
        assert!(throttle.count("ann", &from([203, 0, 113, 1])).is_ok());
        assert!(throttle.count("ann", &from([203, 0, 113, 2])).is_err());
        assert!(throttle.count("bob", &from([203, 0, 113, 3])).is_err());

        assert!(throttle.count("ann", &trusted(&throttle, "ann")).is_ok());
    }

    #[test]
    fn a_known_browser_is_slowed_on_its_own_after_its_burst() {
        let throttle = throttle(Limits {
            per_device: Limit::new(2, MINUTE),
            ..Limits::default()
        });
        let browser = trusted(&throttle, "ann");
        assert!(throttle.count("ann", &browser).is_ok());
        assert!(throttle.count("ann", &browser).is_ok());
        assert!(throttle.count("ann", &browser).is_err());
        assert!(
            throttle.count("ann", &trusted(&throttle, "ann")).is_ok(),
            "another of the owner's browsers is not held back"
        );
        assert!(throttle.count("ann", &from([203, 0, 113, 1])).is_ok());
    }
}
