//! The login rate limit: per account and per client address, so that guessing is slow while the
//! real user gets in again after a short wait.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

/// Keys kept before the limiter forgets the ones that are back to full allowance.
const KEYS_BEFORE_CLEANUP: usize = 10_000;

pub struct LoginThrottle {
    accounts: DefaultKeyedRateLimiter<String>,
    addresses: DefaultKeyedRateLimiter<IpAddr>,
}

fn quota(burst: u32, one_more_every: Duration) -> Quota {
    Quota::with_period(one_more_every)
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN))
}

impl Default for LoginThrottle {
    /// Five tries per account, then one a minute; thirty per address, then one every two seconds.
    fn default() -> Self {
        Self::new((5, Duration::from_secs(60)), (30, Duration::from_secs(2)))
    }
}

impl LoginThrottle {
    pub fn new(per_account: (u32, Duration), per_address: (u32, Duration)) -> Self {
        Self {
            accounts: RateLimiter::keyed(quota(per_account.0, per_account.1)),
            addresses: RateLimiter::keyed(quota(per_address.0, per_address.1)),
        }
    }

    /// Counts one login attempt; refused with how long to wait when either limit is reached.
    /// Counting before the password is checked keeps refused guesses from costing a hash.
    pub fn attempt(&self, username: &str, address: Option<IpAddr>) -> Result<(), Duration> {
        if self.accounts.len() > KEYS_BEFORE_CLEANUP {
            self.accounts.retain_recent();
        }
        if self.addresses.len() > KEYS_BEFORE_CLEANUP {
            self.addresses.retain_recent();
        }
        let now = DefaultClock::default().now();
        if let Some(address) = address {
            self.addresses
                .check_key(&address)
                .map_err(|not_until| not_until.wait_time_from(now))?;
        }
        self.accounts
            .check_key(&username.to_lowercase())
            .map_err(|not_until| not_until.wait_time_from(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_slowed_after_its_burst_but_others_are_not() {
        let throttle =
            LoginThrottle::new((3, Duration::from_secs(60)), (100, Duration::from_secs(1)));
        let address = Some(IpAddr::from([127, 0, 0, 1]));
        for _ in 0..3 {
            assert!(throttle.attempt("editor", address).is_ok());
        }
        let wait = throttle.attempt("editor", address).unwrap_err();
        assert!(wait > Duration::from_secs(30) && wait <= Duration::from_secs(60));
        assert!(throttle.attempt("someone-else", address).is_ok());
    }

    #[test]
    fn an_address_is_slowed_across_accounts() {
        let throttle =
            LoginThrottle::new((100, Duration::from_secs(1)), (2, Duration::from_secs(60)));
        let address = Some(IpAddr::from([10, 0, 0, 1]));
        assert!(throttle.attempt("a", address).is_ok());
        assert!(throttle.attempt("b", address).is_ok());
        assert!(throttle.attempt("c", address).is_err());
        assert!(
            throttle
                .attempt("c", Some(IpAddr::from([10, 0, 0, 2])))
                .is_ok()
        );
    }
}
