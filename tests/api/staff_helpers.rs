//! A logged-in staff member's browser: it keeps the session cookie, knows the session's CSRF
//! token, and fills in forms as a browser would send them.

use crate::helpers::{Reply, TestApp};
use scraper::{ElementRef, Html, Selector};
use sti_portal::db::Database;
use sti_portal::domain::{DisplayName, Password, Role, Username};

pub const PASSWORD: &str = "correct horse battery staple";

pub struct StaffClient {
    address: String,
    client: awc::Client,
    session: String,
    pub csrf: String,
}

/// A reply whose body may be any bytes (a PDF).
pub struct RawReply {
    pub status: u16,
    pub headers: awc::http::header::HeaderMap,
    pub body: Vec<u8>,
}

fn cookie_value(headers: &awc::http::header::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next()?.split_once('='))
        .find(|(key, _)| key.trim() == name)
        .map(|(_, value)| value.to_owned())
}

fn hidden_csrf(body: &str) -> String {
    let document = Html::parse_document(body);
    let selector = Selector::parse("input[name=csrf_token]").unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|input| input.value().attr("value"))
        .expect("the page has a CSRF token")
        .to_owned()
}

/// Creates an account with `role` straight through the accounts module.
pub async fn add_user(app: &TestApp, username: &str, role: Role) {
    let database = Database::open(&app.database).unwrap();
    sti_portal::accounts::add(
        &database,
        None,
        Username::parse(username).unwrap(),
        DisplayName::parse(username).unwrap(),
        role,
        Password::parse(PASSWORD).unwrap(),
    )
    .await
    .unwrap();
}

/// A new account with `role`, logged in through the login form.
pub async fn log_in(app: &TestApp, username: &str, role: Role) -> StaffClient {
    add_user(app, username, role).await;
    // As patient as a browser: under a burst of writes, a save may wait its turn for seconds.
    let client = awc::Client::builder()
        .disable_redirects()
        .timeout(std::time::Duration::from_secs(30))
        .finish();
    let mut form = client
        .get(format!("{}/staff/login", app.address))
        .send()
        .await
        .unwrap();
    let login_cookie = cookie_value(form.headers(), "sti_login_csrf").expect("a login cookie");
    let token = hidden_csrf(std::str::from_utf8(&form.body().await.unwrap()).unwrap());
    let reply = client
        .post(format!("{}/staff/login", app.address))
        .insert_header(("cookie", format!("sti_login_csrf={login_cookie}")))
        .send_form(&[
            ("username", username),
            ("password", PASSWORD),
            ("csrf_token", &token),
        ])
        .await
        .unwrap();
    assert_eq!(reply.status().as_u16(), 303, "the login succeeds");
    let session = cookie_value(reply.headers(), "sti_session").expect("a session cookie");
    let mut staff = StaffClient {
        address: app.address.clone(),
        client,
        session,
        csrf: String::new(),
    };
    let dashboard = staff.get("/staff").await;
    staff.csrf = hidden_csrf(&dashboard.body);
    staff
}

impl StaffClient {
    async fn send(&self, request: awc::ClientRequest, body: Vec<u8>) -> RawReply {
        let mut response = request
            .insert_header(("cookie", format!("sti_session={}", self.session)))
            .send_body(body)
            .await
            .unwrap_or_else(|e| panic!("the request failed: {e}"));
        let body = response.body().limit(32 * 1024 * 1024).await.unwrap();
        RawReply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: body.to_vec(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get_raw(&self, path: &str) -> RawReply {
        self.send(self.client.get(self.url(path)), Vec::new()).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.get_raw(path).await.into()
    }

    /// POSTs `body` as it is, for requests no browser would send.
    pub async fn post_body(&self, path: &str, content_type: &str, body: Vec<u8>) -> Reply {
        let request = self
            .client
            .post(self.url(path))
            .insert_header(("content-type", content_type));
        self.send(request, body).await.into()
    }

    /// POSTs a form as a browser sends it; the fields must carry the CSRF token themselves
    /// (forms read from a page do).
    pub async fn post_form(&self, path: &str, fields: &Fields) -> Reply {
        let body = serde_urlencoded::to_string(&fields.0).unwrap();
        self.post_body(path, "application/x-www-form-urlencoded", body.into_bytes())
            .await
    }

    /// POSTs a multipart form: text parts, and file parts with their name and type.
    pub async fn post_multipart(&self, path: &str, parts: &[Part<'_>]) -> Reply {
        let boundary = "----sti-portal-test-boundary-7d1f";
        let mut body = Vec::new();
        for part in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            match part {
                Part::Text(name, value) => {
                    body.extend_from_slice(
                        format!("content-disposition: form-data; name=\"{name}\"\r\n\r\n")
                            .as_bytes(),
                    );
                    body.extend_from_slice(value.as_bytes());
                }
                Part::File(name, file_name, media_type, bytes) => {
                    body.extend_from_slice(
                        format!(
                            "content-disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\ncontent-type: {media_type}\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    body.extend_from_slice(bytes);
                }
            }
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.post_body(
            path,
            &format!("multipart/form-data; boundary={boundary}"),
            body,
        )
        .await
    }

    /// The form at `action` on the page at `path`, filled in as the page fills it.
    pub async fn form(&self, path: &str, action: &str) -> Fields {
        let page = self.get(path).await;
        assert_eq!(page.status, 200, "GET {path} answered {}", page.status);
        Fields::of(&page, action)
    }
}

impl From<RawReply> for Reply {
    fn from(raw: RawReply) -> Self {
        Reply {
            status: raw.status,
            headers: raw.headers,
            body: String::from_utf8(raw.body).expect("pages are UTF-8"),
        }
    }
}

pub enum Part<'a> {
    Text(&'a str, &'a str),
    /// Field name, file name, media type, contents.
    File(&'a str, &'a str, &'a str, &'a [u8]),
}

/// The name–value pairs a browser would send for a form, in order.
#[derive(Debug, Clone, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    /// Reads the form whose `action` is given from a page: text inputs, hidden inputs, ticked
    /// boxes, selected options and text areas.
    pub fn of(page: &Reply, action: &str) -> Self {
        let document = page.document();
        let form_selector = Selector::parse(&format!("form[action=\"{action}\"]")).unwrap();
        let form = document
            .select(&form_selector)
            .next()
            .unwrap_or_else(|| panic!("the page has a form for {action}"));
        let controls = Selector::parse("input, select, textarea").unwrap();
        let mut fields = Vec::new();
        for control in form.select(&controls) {
            let element = control.value();
            let Some(name) = element.attr("name") else {
                continue;
            };
            let value = match element.name() {
                "textarea" => Some(control.text().collect::<String>()),
                "select" => selected_option(control),
                _ => match element.attr("type").unwrap_or("text") {
                    "checkbox" | "radio" => element
                        .attr("checked")
                        .map(|_| element.attr("value").unwrap_or("on").to_owned()),
                    "submit" | "file" => None,
                    _ => Some(element.attr("value").unwrap_or("").to_owned()),
                },
            };
            if let Some(value) = value {
                fields.push((name.to_owned(), value));
            }
        }
        Self(fields)
    }

    /// Sets the first field called `name`, adding it if the form has none.
    pub fn set(&mut self, name: &str, value: &str) -> &mut Self {
        self.set_nth(name, 0, value)
    }

    /// Sets the `n`-th field called `name` (a row of a repeated group).
    pub fn set_nth(&mut self, name: &str, n: usize, value: &str) -> &mut Self {
        match self.0.iter_mut().filter(|(key, _)| key == name).nth(n) {
            Some(field) => field.1 = value.to_owned(),
            None => self.0.push((name.to_owned(), value.to_owned())),
        }
        self
    }

    /// Adds another value for `name`, as a ticked box does.
    pub fn add(&mut self, name: &str, value: &str) -> &mut Self {
        self.0.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Leaves out every field called `name`.
    pub fn remove(&mut self, name: &str) -> &mut Self {
        self.0.retain(|(key, _)| key != name);
        self
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

fn selected_option(select: ElementRef<'_>) -> Option<String> {
    let options = Selector::parse("option").unwrap();
    let mut all = select.select(&options);
    let chosen = select
        .select(&options)
        .find(|o| o.value().attr("selected").is_some())
        .or_else(|| all.next())?;
    Some(chosen.value().attr("value").unwrap_or("").to_owned())
}

/// The message shown beside the field `name`, if any.
pub fn field_error(page: &Reply, name: &str) -> Option<String> {
    page.texts(&format!("#error-{name}")).into_iter().next()
}

/// Where a 303 leads.
pub fn location(reply: &Reply) -> String {
    reply
        .headers
        .get("location")
        .expect("a Location header")
        .to_str()
        .unwrap()
        .to_owned()
}
