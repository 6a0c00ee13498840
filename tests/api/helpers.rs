use scraper::{Html, Selector};
use std::path::PathBuf;
use sti_portal::config::Config;
use sti_portal::startup::Application;
use tempfile::TempDir;

/// The public address the test portals are configured with; absolute URLs start with it.
pub const PUBLIC_URL: &str = "https://sti.example.my";

pub struct TestApp {
    pub address: String,
    pub database: PathBuf,
    client: awc::Client,
    _dir: std::sync::Arc<TempDir>,
}

pub struct Reply {
    pub status: u16,
    pub headers: awc::http::header::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn document(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// The `href` of every link on the page.
    pub fn links(&self) -> Vec<String> {
        let selector = Selector::parse("a[href]").unwrap();
        self.document()
            .select(&selector)
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect()
    }

    pub fn links_to(&self, href: &str) -> bool {
        self.links().iter().any(|link| link == href)
    }

    /// The text of the elements `css` selects.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let selector = Selector::parse(css).unwrap();
        self.document()
            .select(&selector)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn heading(&self) -> String {
        self.texts("h1").into_iter().next().unwrap_or_default()
    }
}

impl TestApp {
    /// The portal with the demo data, as `cargo run` serves it.
    pub async fn spawn() -> Self {
        Self::spawn_with(true).await
    }

    /// The portal on a database with no records.
    pub async fn spawn_empty() -> Self {
        Self::spawn_with(false).await
    }

    async fn spawn_with(demo_data: bool) -> Self {
        let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
        let database = dir.path().join("portal.sqlite");
        Self::start(database, demo_data, dir).await
    }

    /// Another portal on this one's database file, as after a restart.
    pub async fn restart(&self) -> Self {
        Self::start(self.database.clone(), true, self._dir.clone()).await
    }

    async fn start(database: PathBuf, demo_data: bool, dir: std::sync::Arc<TempDir>) -> Self {
        let config = Config {
            bind: "127.0.0.1:0".into(),
            database: database.clone(),
            demo_data,
            static_dir: Config::default_static_dir(),
            public_url: PUBLIC_URL.parse().unwrap(),
        };
        let application = Application::build(config).await.expect("the portal starts");
        let address = format!("http://127.0.0.1:{}", application.port());
        actix_web::rt::spawn(application.run_until_stopped());
        Self {
            address,
            database,
            client: awc::Client::builder().disable_redirects().finish(),
            _dir: dir,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        let mut response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path} failed: {e}"));
        let body = response.body().limit(4 * 1024 * 1024).await.unwrap();
        Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: String::from_utf8(body.to_vec()).expect("pages are UTF-8"),
        }
    }

    /// GETs a page that must exist.
    pub async fn page(&self, path: &str) -> Reply {
        let reply = self.get(path).await;
        assert_eq!(reply.status, 200, "GET {path} answered {}", reply.status);
        reply
    }

    /// A direct connection to the database, for arranging data no page can create yet.
    pub fn connection(&self) -> diesel::SqliteConnection {
        use diesel::Connection;
        diesel::SqliteConnection::establish(self.database.to_str().unwrap()).unwrap()
    }
}
