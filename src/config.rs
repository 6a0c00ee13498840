use crate::domain::PublicUrl;
use std::path::PathBuf;

/// How one portal runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address and port to listen on; port 0 picks a free one.
    pub bind: String,
    pub database: PathBuf,
    /// Fill a new, empty database with the demo records.
    pub demo_data: bool,
    /// Where the stylesheet and images are served from.
    pub static_dir: PathBuf,
    /// Where the public reaches the portal: the base of every absolute URL it gives (feeds,
    /// sitemap, canonical links, linked data, the API).
    pub public_url: PublicUrl,
}

impl Config {
    pub fn default_static_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static")
    }
}
