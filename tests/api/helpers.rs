use diesel::RunQueryDsl;
use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};
use sti_portal::auth::throttle::Limits;
use sti_portal::config::Config;
use sti_portal::db::{Database, seed};
use sti_portal::domain::{DisplayName, Password, Role, Username};
use sti_portal::startup::Application;
use tempfile::TempDir;

/// Whether the long versions of the fault, load and hostile-input tests run: set
/// `PORTAL_LONG_TESTS=1` (`tests/long` does).
pub fn long_tests() -> bool {
    std::env::var_os("PORTAL_LONG_TESTS").is_some_and(|value| value == "1")
}

/// The public address the test portals are configured with; absolute URLs start with it.
pub const PUBLIC_URL: &str = "https://sti.example.my";

pub struct TestApp {
    pub address: String,
    pub database: PathBuf,
    client: awc::Client,
    server: actix_web::dev::ServerHandle,
    /// Cookies the portal has set, sent back with every request like a browser would.
    cookies: Mutex<BTreeMap<String, String>>,
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

    /// The value of the first hidden (or other) input named `name`.
    pub fn hidden(&self, name: &str) -> String {
        let selector = Selector::parse(&format!("input[name=\"{name}\"]")).unwrap();
        self.document()
            .select(&selector)
            .next()
            .and_then(|input| input.value().attr("value").map(str::to_owned))
            .unwrap_or_else(|| panic!("no input named {name}"))
    }

    pub fn location(&self) -> String {
        self.headers
            .get("location")
            .map(|l| l.to_str().unwrap().to_owned())
            .unwrap_or_default()
    }

    /// The page without its schema.org block (`<script type="application/ld+json">`), which is
    /// data, not code: what remains must hold no script at all.
    pub fn body_without_linked_data(&self) -> String {
        let marker = "<script type=\"application/ld+json\">";
        match self.body.split_once(marker) {
            Some((before, after)) => {
                let rest = after.split_once("</script>").map_or("", |(_, rest)| rest);
                format!("{before}{rest}")
            }
            None => self.body.clone(),
        }
    }

    pub fn heading(&self) -> String {
        self.texts("h1").into_iter().next().unwrap_or_default()
    }
}

/// A database migrated, and filled with the demo records or left without records, once per test
/// run: each portal starts on a copy of one, since migrating and seeding anew took most of the
/// time of a test.
fn template(demo_data: bool) -> &'static Path {
    static TEMPLATES: OnceLock<(TempDir, [PathBuf; 2])> = OnceLock::new();
    let (_, paths) = TEMPLATES.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let paths = [false, true].map(|demo| {
            let path = dir.path().join(format!("template-{demo}.sqlite"));
            let database = Database::open(&path).unwrap();
            let mut conn = database.connection().unwrap();
            if demo {
                seed::seed_demo_if_empty(&mut conn).unwrap();
            }
            // Everything into the main file, which is all a copy takes.
            diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&mut conn)
                .unwrap();
            path
        });
        (dir, paths)
    });
    &paths[usize::from(demo_data)]
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

    /// The portal as deployed: cookies with the `Secure` attribute.
    pub async fn spawn_with_secure_cookies() -> Self {
        Self::spawn_configured(true, |config| config.secure_cookies = true).await
    }

    /// The portal behind a reverse proxy on 127.0.0.1 (`--trusted-proxy 127.0.0.1`): the test
    /// plays the proxy, and names any client address in `X-Forwarded-For`.
    pub async fn spawn_behind_proxy() -> Self {
        Self::spawn_configured(true, |config| {
            config.trusted_proxies = vec![[127, 0, 0, 1].into()]
        })
        .await
    }

    /// The portal behind the proxy, answering refused logins only after `pause`, as deployed.
    pub async fn spawn_with_refusal_pause(pause: std::time::Duration) -> Self {
        Self::spawn_configured(true, |config| {
            config.trusted_proxies = vec![[127, 0, 0, 1].into()];
            config.login_limits.refusal_pause = pause;
        })
        .await
    }

    async fn spawn_with(demo_data: bool) -> Self {
        Self::spawn_configured(demo_data, |_| ()).await
    }

    /// A portal on a copy of the migrated database, with or without the demo records.
    async fn spawn_configured(demo_data: bool, adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
        let database = dir.path().join("portal.sqlite");
        std::fs::copy(template(demo_data), &database).unwrap();
        Self::start(database, dir, |config| {
            config.demo_data = demo_data;
            adjust(config);
        })
        .await
    }

    /// The portal on a database made beforehand (a large synthetic one, say) in `dir`.
    pub async fn spawn_on(dir: TempDir, database: PathBuf) -> Self {
        Self::start(database, std::sync::Arc::new(dir), |_| ()).await
    }

    /// The portal on a database made beforehand, making every page afresh (`--no-page-cache`).
    pub async fn spawn_on_without_page_cache(dir: TempDir, database: PathBuf) -> Self {
        Self::start(database, std::sync::Arc::new(dir), |config| {
            config.page_cache = false
        })
        .await
    }

    /// Stops this portal and starts another on its database file, as after a restart.
    pub async fn restart(&self) -> Self {
        self.stop().await;
        Self::start(self.database.clone(), self._dir.clone(), |_| ()).await
    }

    /// Stops the portal gracefully, as SIGTERM does, releasing its database.
    pub async fn stop(&self) {
        self.server.stop(true).await;
        // The server's task drops the database lock once it has run to its end.
        for _ in 0..200 {
            if sti_portal::db::maintenance::ServerLock::acquire(&self.database).is_ok() {
                return;
            }
            actix_web::rt::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the stopped portal kept its database locked");
    }

    /// Starts a portal on `database`, configured as in tests (demo data, plain cookies) and then
    /// as `adjust` says.
    async fn start(
        database: PathBuf,
        dir: std::sync::Arc<TempDir>,
        adjust: impl FnOnce(&mut Config),
    ) -> Self {
        let mut config = Config {
            bind: "127.0.0.1:0".into(),
            database: database.clone(),
            demo_data: true,
            secure_cookies: false,
            page_cache: true,
            static_dir: Config::default_static_dir(),
            publish_check_interval: std::time::Duration::from_millis(200),
            public_url: PUBLIC_URL.parse().unwrap(),
            trusted_proxies: Vec::new(),
            // The limits of a real portal, but refusals answered at once: the tests make hundreds.
            login_limits: Limits {
                refusal_pause: std::time::Duration::ZERO,
                ..Limits::default()
            },
        };
        adjust(&mut config);
        let application = Application::build(config).await.expect("the portal starts");
        let address = format!("http://127.0.0.1:{}", application.port());
        let server = application.handle();
        actix_web::rt::spawn(application.run_until_stopped());
        Self {
            address,
            database,
            client: awc::Client::builder()
                .disable_redirects()
                .timeout(std::time::Duration::from_secs(30))
                .finish(),
            server,
            cookies: Mutex::new(BTreeMap::new()),
            _dir: dir,
        }
    }

    fn cookie_header(&self) -> String {
        let cookies = self.cookies.lock().unwrap();
        cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn get(&self, path: &str) -> Reply {
        let request = self.client.get(format!("{}{path}", self.address));
        self.send(request, None).await
    }

    /// The answer to a client that already holds the page at `path` tagged `etag`.
    pub async fn get_holding(&self, path: &str, etag: &str) -> Reply {
        let request = self
            .request(awc::http::Method::GET, path)
            .insert_header(("if-none-match", etag));
        self.send(request, None).await
    }

    /// How long `at_once` requests for `long`, made together, took, and the slowest of six
    /// requests for `short` made one after another meanwhile. Each request goes on a connection
    /// of its own, as different readers make them, so that they are shared among all the
    /// workers, `long`'s too.
    pub async fn while_answering(
        &self,
        long: &str,
        at_once: usize,
        short: &str,
    ) -> (Duration, Duration) {
        let fetch = |path: &str| {
            let request = awc::Client::default().get(format!("{}{path}", self.address));
            async move {
                let started = Instant::now();
                let reply = request.send().await.unwrap();
                assert_eq!(reply.status(), 200);
                started.elapsed()
            }
        };
        // The first requests set up what later ones use: the client's resolver, each worker's
        // connection to the database.
        for _ in 0..4 {
            fetch(short).await;
        }
        let longs = async {
            let started = Instant::now();
            futures_util::future::join_all((0..at_once).map(|_| fetch(long))).await;
            started.elapsed()
        };
        futures_util::join!(longs, async {
            let mut slowest = Duration::ZERO;
            for _ in 0..6 {
                slowest = slowest.max(fetch(short).await);
            }
            slowest
        })
    }

    /// Sends `fields` as a URL-encoded form, like a browser submitting it.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let request = self
            .client
            .post(format!("{}{path}", self.address))
            .insert_header(("content-type", "application/x-www-form-urlencoded"));
        self.send(request, Some(body)).await
    }

    pub fn request(&self, method: awc::http::Method, path: &str) -> awc::ClientRequest {
        self.client
            .request(method, format!("{}{path}", self.address))
    }

    /// Sends `request` with the stored cookies (unless it sets its own), keeping what it sets.
    pub async fn send(&self, mut request: awc::ClientRequest, body: Option<String>) -> Reply {
        let cookies = self.cookie_header();
        if !cookies.is_empty() && !request.headers().contains_key("cookie") {
            request = request.insert_header(("cookie", cookies));
        }
        let result = match body {
            Some(body) => request.send_body(body).await,
            None => request.send().await,
        };
        let mut response = result.unwrap_or_else(|e| panic!("request failed: {e}"));
        for set_cookie in response.headers().get_all("set-cookie") {
            let text = set_cookie.to_str().unwrap();
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            let mut cookies = self.cookies.lock().unwrap();
            if value.is_empty() || attributes.contains("Max-Age=0") {
                cookies.remove(name);
            } else {
                cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let body = response.body().limit(4 * 1024 * 1024).await.unwrap();
        Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: String::from_utf8(body.to_vec()).expect("pages are UTF-8"),
        }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies
            .lock()
            .unwrap()
            .insert(name.to_owned(), value.to_owned());
    }

    pub fn forget_cookies(&self) {
        self.cookies.lock().unwrap().clear();
    }

    /// Creates a staff account directly, as `sti-portal user add` does.
    pub async fn add_user(&self, username: &str, role: Role) -> String {
        let password = format!("{username} has a long password");
        let database = Database::open(&self.database).unwrap();
        sti_portal::accounts::add(
            &database,
            None,
            Username::parse(username).unwrap(),
            DisplayName::parse(username).unwrap(),
            role,
            Password::parse(&password).unwrap(),
        )
        .await
        .unwrap();
        password
    }

    /// Logs in through the login form, as a browser would.
    pub async fn login(&self, username: &str, password: &str) -> Reply {
        let form = self.page("/staff/login").await;
        let token = form.hidden("csrf_token");
        self.post_form(
            "/staff/login",
            &[
                ("username", username),
                ("password", password),
                ("csrf_token", &token),
                ("next", "/staff"),
            ],
        )
        .await
    }

    /// A new account with `role`, logged in; returns its username.
    pub async fn login_as(&self, username: &str, role: Role) -> String {
        let password = self.add_user(username, role).await;
        let reply = self.login(username, &password).await;
        assert_eq!(reply.status, 303, "login as {username}");
        username.to_owned()
    }

    /// The session's CSRF token, as every staff form carries it.
    pub async fn csrf_token(&self) -> String {
        self.page("/staff").await.hidden("csrf_token")
    }

    /// GETs a page that must exist.
    pub async fn page(&self, path: &str) -> Reply {
        let reply = self.get(path).await;
        assert_eq!(reply.status, 200, "GET {path} answered {}", reply.status);
        reply
    }

    /// A direct connection to the database, for arranging data no page can create yet.
    /// A connection of the test's own to the portal's database; it waits its turn behind the
    /// portal's writes (the scheduled publisher writes every 200 ms) as the portal's own do.
    pub fn connection(&self) -> diesel::SqliteConnection {
        use diesel::Connection;
        let mut conn =
            diesel::SqliteConnection::establish(self.database.to_str().unwrap()).unwrap();
        diesel::sql_query("PRAGMA busy_timeout = 5000")
            .execute(&mut conn)
            .unwrap();
        conn
    }
}
