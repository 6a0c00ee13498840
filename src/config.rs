use crate::auth::throttle::Limits;
use crate::domain::PublicUrl;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

/// How one portal runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address and port to listen on; port 0 picks a free one.
    pub bind: String,
    pub database: PathBuf,
    /// Fill a new, empty database with the demo records.
    pub demo_data: bool,
    /// Give cookies the `Secure` attribute.
    pub secure_cookies: bool,
    /// Where the stylesheet and images are served from.
    pub static_dir: PathBuf,
    /// Keep rendered public pages in memory until the next write.
    pub page_cache: bool,
    /// How often scheduled statements are checked for being due.
    pub publish_check_interval: Duration,
    /// Where the public reaches the portal: the base of every absolute URL it gives (feeds,
    /// sitemap, canonical links, linked data, the API).
    pub public_url: PublicUrl,
    /// Reverse proxies whose `X-Forwarded-For` names the client (none: the peer is the client).
    pub trusted_proxies: Vec<IpAddr>,
    /// How many login attempts are let through, and how refusals are answered.
    pub login_limits: Limits,
}

impl Config {
    pub const DEFAULT_PUBLISH_CHECK_INTERVAL: Duration = Duration::from_secs(15);

    pub fn default_static_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static")
    }
}
