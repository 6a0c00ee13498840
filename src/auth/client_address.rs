//! Which address a request comes from, for the login rate limit. The peer of the connection,
//! unless that peer is a reverse proxy the operator has named (`--trusted-proxy`): then the
//! address that proxy says it forwards for, in `X-Forwarded-For`. A header from anyone else is
//! ignored, since any client can write one.

use actix_web::HttpRequest;
use std::net::IpAddr;

const FORWARDED_FOR: &str = "x-forwarded-for";

/// The reverse proxies whose `X-Forwarded-For` is believed; none by default.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpAddr>);

impl TrustedProxies {
    pub fn new(proxies: Vec<IpAddr>) -> Self {
        Self(proxies.into_iter().map(|ip| ip.to_canonical()).collect())
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.contains(&address.to_canonical())
    }

    /// The address of the client behind `request`.
    pub fn client_address(&self, request: &HttpRequest) -> Option<IpAddr> {
        let peer = request.peer_addr()?.ip().to_canonical();
        let forwarded = request
            .headers()
            .get_all(FORWARDED_FOR)
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .collect::<Vec<_>>();
        Some(self.client_behind(peer, &forwarded))
    }

    /// Walks the chain of hops from the nearest: each proxy we trust appended the address it
    /// heard from, so the first hop that is not one of ours is the client. Anything to its left
    /// came from the client itself and is worth nothing; an entry that is not an address stops
    /// the walk at the proxy that wrote it.
    fn client_behind(&self, peer: IpAddr, forwarded: &[&str]) -> IpAddr {
        let mut client = peer;
        for hop in forwarded.iter().rev() {
            if !self.trusts(client) {
                break;
            }
            match hop.trim().parse::<IpAddr>() {
                Ok(address) => client = address.to_canonical(),
                Err(_) => break,
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let proxies = TrustedProxies::default();
        assert_eq!(
            proxies.client_behind(ip("192.0.2.7"), &["203.0.113.9"]),
            ip("192.0.2.7")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_is_the_address_it_forwards_for() {
        let proxies = TrustedProxies::new(vec![ip("127.0.0.1")]);
        let peer = ip("127.0.0.1");
        assert_eq!(
            proxies.client_behind(peer, &["203.0.113.9"]),
            ip("203.0.113.9")
        );
        assert_eq!(
            proxies.client_behind(peer, &["6.6.6.6", " 203.0.113.9"]),
            ip("203.0.113.9"),
            "what the client wrote itself, to the left, is not believed"
        );
        assert_eq!(proxies.client_behind(peer, &[]), peer);
        assert_eq!(proxies.client_behind(peer, &["not an address"]), peer);
        assert_eq!(
            proxies.client_behind(ip("::ffff:127.0.0.1"), &["2001:db8::1"]),
            ip("2001:db8::1")
        );
    }

    #[test]
    fn a_chain_of_trusted_proxies_is_walked_to_the_first_stranger() {
        let proxies = TrustedProxies::new(vec![ip("127.0.0.1"), ip("10.0.0.2")]);
        assert_eq!(
            proxies.client_behind(ip("127.0.0.1"), &["6.6.6.6", "203.0.113.9", "10.0.0.2"]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn an_untrusted_peer_cannot_claim_another_address() {
        let proxies = TrustedProxies::new(vec![ip("127.0.0.1")]);
        assert_eq!(
            proxies.client_behind(ip("198.51.100.4"), &["127.0.0.1"]),
            ip("198.51.100.4")
        );
    }
}
