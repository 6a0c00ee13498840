//! The portal as a separate process, for what only a real process shows: being killed, being
//! stopped with a signal, and what it writes to its log.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

pub struct Portal {
    child: Child,
    pub address: String,
    log: Arc<Mutex<String>>,
}

impl Portal {
    /// Starts `sti-portal serve` on a free port and waits until it listens.
    pub fn start(database: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sti-portal"))
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--insecure-cookies",
                "--database",
            ])
            .arg(database)
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the portal starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (port_sender, port_receiver) = std::sync::mpsc::channel();
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(port) = line.split("http://127.0.0.1:").nth(1) {
                    let port: String = port.chars().take_while(char::is_ascii_digit).collect();
                    let _ = port_sender.send(port);
                }
                let mut log = lines.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let port = port_receiver
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the portal says where it listens");
        Self {
            child,
            address: format!("http://127.0.0.1:{port}"),
            log,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no chance to finish anything.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Waits for the process to exit after a signal sent to it; whether it exited with 0.
    pub fn terminate_after_signal(mut self) -> bool {
        self.child.wait().unwrap().success()
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Creates an account with the command line, as an operator would.
pub fn add_user(database: &Path, username: &str, role: &str, password: &str) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sti-portal"))
        .args([
            "user",
            "add",
            username,
            "--role",
            role,
            "--password-stdin",
            "--database",
        ])
        .arg(database)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    assert!(child.wait().unwrap().success());
}

/// A browser-like client of a portal process: keeps its cookies, logs in.
pub struct Client {
    pub address: String,
    http: awc::Client,
    cookies: Mutex<Vec<(String, String)>>,
}

pub struct Answer {
    pub status: u16,
    pub body: String,
}

impl Client {
    pub fn new(address: &str) -> Self {
        Self {
            address: address.to_owned(),
            http: awc::Client::builder()
                .disable_redirects()
                .timeout(std::time::Duration::from_secs(20))
                .finish(),
            cookies: Mutex::new(Vec::new()),
        }
    }

    pub async fn send(&self, path: &str, form: Option<&[(&str, &str)]>) -> Result<Answer, String> {
        let url = format!("{}{path}", self.address);
        let mut request = match form {
            Some(_) => self
                .http
                .post(url)
                .insert_header(("content-type", "application/x-www-form-urlencoded")),
            None => self.http.get(url),
        };
        let cookie = self
            .cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        if !cookie.is_empty() {
            request = request.insert_header(("cookie", cookie));
        }
        let sent = match form {
            Some(fields) => {
                request
                    .send_body(serde_urlencoded::to_string(fields).unwrap())
                    .await
            }
            None => request.send().await,
        };
        let mut response = sent.map_err(|e| e.to_string())?;
        for value in response.headers().get_all("set-cookie") {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            if let Some((name, value)) = pair.split_once('=') {
                let mut cookies = self.cookies.lock().unwrap();
                cookies.retain(|(n, _)| n != name);
                if !value.is_empty() {
                    cookies.push((name.to_owned(), value.to_owned()));
                }
            }
        }
        let body = response
            .body()
            .limit(4 << 20)
            .await
            .map_err(|e| e.to_string())?;
        Ok(Answer {
            status: response.status().as_u16(),
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }

    pub fn cookie_values(&self) -> Vec<String> {
        self.cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub async fn login(&self, username: &str, password: &str) {
        let form = self.send("/staff/login", None).await.unwrap();
        let token = hidden(&form.body, "csrf_token");
        let reply = self
            .send(
                "/staff/login",
                Some(&[
                    ("username", username),
                    ("password", password),
                    ("csrf_token", &token),
                    ("next", "/staff"),
                ]),
            )
            .await
            .unwrap();
        assert_eq!(reply.status, 303, "login: {}", reply.body);
    }
}

/// The value of the input named `name` in `html`.
pub fn hidden(html: &str, name: &str) -> String {
    find_input(html, name).unwrap_or_else(|| panic!("no input {name}"))
}

/// The value of the input named `name` in `html`, if the page has it (a page cut short by a
/// killed server may not).
pub fn find_input(html: &str, name: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(&format!("input[name=\"{name}\"]")).unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|i| i.value().attr("value"))
        .map(str::to_owned)
}

pub fn database_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("portal.sqlite")
}
