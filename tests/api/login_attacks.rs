//! Attacks on the login form from many places at once: credential stuffing spread over many
//! accounts and client addresses is slowed, while the real user, from a browser she logged in
//! with before, still gets in.

use crate::helpers::{Reply, TestApp};
use std::time::{Duration, Instant};
use sti_portal::domain::Role;

/// What the portal allows, all together, to attempts from browsers it does not know (README,
/// "How staff requests are protected"): 60 at once, then one every 5 seconds.
const UNTRUSTED_BURST: usize = 60;
const UNTRUSTED_EVERY_SECONDS: u64 = 5;

/// One login attempt through the form, from a fresh browser that holds only `device_cookie`,
/// forwarded by the proxy for `client_address`.
async fn attempt(
    app: &TestApp,
    username: &str,
    password: &str,
    client_address: &str,
    device_cookie: Option<&str>,
) -> Reply {
    app.forget_cookies();
    if let Some(cookie) = device_cookie {
        app.set_cookie("sti_device", cookie);
    }
    let token = app.page("/staff/login").await.hidden("csrf_token");
    let body = serde_urlencoded::to_string([
        ("username", username),
        ("password", password),
        ("csrf_token", &token),
    ])
    .unwrap();
    app.send(
        app.request(awc::http::Method::POST, "/staff/login")
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .insert_header(("x-forwarded-for", client_address)),
        Some(body),
    )
    .await
}

/// Logs in as `username` and keeps what the browser is given: the device cookie.
async fn device_cookie_of(app: &TestApp, username: &str, password: &str) -> String {
    let reply = attempt(app, username, password, "192.0.2.1", None).await;
    assert_eq!(reply.status, 303, "{username} logs in");
    let cookie = reply
        .headers
        .get_all("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("sti_device="))
        .expect("a device cookie after login");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    app.cookie("sti_device").unwrap()
}

#[actix_web::test]
async fn credential_stuffing_over_many_accounts_and_addresses_is_slowed_but_a_known_browser_gets_in()
 {
    let app = TestApp::spawn_behind_proxy().await;
    let ann = app.add_user("ann", Role::Editor).await;
    let bob = app.add_user("bob", Role::Editor).await;
    let anns_browser = device_cookie_of(&app, "ann", &ann).await;
    let bobs_browser = device_cookie_of(&app, "bob", &bob).await;

    // A list of leaked names and passwords, each tried once from its own address; ann's name
    // comes up now and then.
    let started = Instant::now();
    let mut checked = 0;
    let mut others_slowed = 0;
    for n in 0..120 {
        let username = match n % 10 {
            0 => "ann".to_owned(),
            _ => format!("leaked-{n}"),
        };
        let address = format!("203.0.113.{}", n + 1);
        let reply = attempt(&app, &username, "a leaked password", &address, None).await;
        match reply.status {
            401 => checked += 1,
            429 => {
                assert!(reply.headers.contains_key("retry-after"), "{username}");
                if username != "ann" {
                    others_slowed += 1;
                }
            }
            other => panic!("attempt {n} answered {other}"),
        }
    }
    let allowance =
        UNTRUSTED_BURST + (started.elapsed().as_secs() / UNTRUSTED_EVERY_SECONDS) as usize + 1;

    // Every one of those names and addresses was new, so only the limit on all unknown browsers
    // together can have refused them.
    assert!(checked <= allowance, "{checked} passwords were checked");
    assert!(
        others_slowed >= 120 - 12 - allowance,
        "only {others_slowed} attempts at other accounts were slowed"
    );

    let from_her_browser = attempt(&app, "ann", &ann, "198.51.100.7", Some(&anns_browser)).await;
    assert_eq!(
        from_her_browser.status, 303,
        "the real user gets in from a browser she used before"
    );
    let from_a_new_browser = attempt(&app, "ann", &ann, "198.51.100.7", None).await;
    assert_eq!(
        from_a_new_browser.status, 429,
        "an unknown browser waits with everyone else"
    );
    let forged = attempt(
        &app,
        "ann",
        &ann,
        "198.51.100.7",
        Some("ann.bm90LWEtcmVhbC1ub25jZQ.bm90LWEtcmVhbC1zaWduYXR1cmU"),
    )
    .await;
    assert_eq!(
        forged.status, 429,
        "a forged device cookie gives no allowance"
    );
    let someone_elses = attempt(&app, "ann", &ann, "198.51.100.7", Some(&bobs_browser)).await;
    assert_eq!(
        someone_elses.status, 429,
        "another account's device cookie gives no allowance"
    );
    let renamed = bobs_browser.replacen("bob.", "ann.", 1);
    let renamed = attempt(&app, "ann", &ann, "198.51.100.7", Some(&renamed)).await;
    assert_eq!(
        renamed.status, 429,
        "an altered device cookie gives no allowance"
    );
}

#[actix_web::test]
async fn an_attacker_hammering_one_account_does_not_lock_out_its_owner() {
    let app = TestApp::spawn_behind_proxy().await;
    let ann = app.add_user("ann", Role::Editor).await;
    let anns_browser = device_cookie_of(&app, "ann", &ann).await;

    for n in 0..8 {
        let address = format!("203.0.113.{}", n + 1);
        attempt(&app, "ann", "one guess after another", &address, None).await;
    }
    let attacker = attempt(&app, "ann", &ann, "203.0.113.99", None).await;
    let owner = attempt(&app, "ann", &ann, "198.51.100.7", Some(&anns_browser)).await;

    assert_eq!(
        attacker.status, 429,
        "the account is closed to unknown browsers"
    );
    assert_eq!(owner.status, 303, "but open to its owner's");
}

/// How many of 40 attempts, each at a new account and naming a new address, are slowed.
async fn slowed_of_forty_from_new_addresses(app: &TestApp) -> usize {
    let mut slowed = 0;
    for n in 0..40 {
        let username = format!("leaked-{n}");
        let address = format!("203.0.113.{}", n + 1);
        let reply = attempt(app, &username, "a leaked password", &address, None).await;
        slowed += usize::from(reply.status == 429);
    }
    slowed
}

#[actix_web::test]
async fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
    let direct = TestApp::spawn().await;
    let direct_slowed = slowed_of_forty_from_new_addresses(&direct).await;
    let proxied = TestApp::spawn_behind_proxy().await;
    let proxied_slowed = slowed_of_forty_from_new_addresses(&proxied).await;

    assert!(
        direct_slowed > 0,
        "without a trusted proxy every attempt comes from the peer, whatever the header says, \
         and one address has 30 at once"
    );
    assert_eq!(
        proxied_slowed, 0,
        "behind the proxy each address has its own allowance"
    );
}

#[actix_web::test]
async fn a_refused_login_is_answered_only_after_a_pause() {
    let pause = Duration::from_millis(400);
    let app = TestApp::spawn_with_refusal_pause(pause).await;
    for _ in 0..5 {
        let checked = attempt(&app, "ann", "one guess after another", "203.0.113.1", None).await;
        assert_eq!(checked.status, 401);
    }

    let started = Instant::now();
    let refused = attempt(&app, "ann", "one guess after another", "203.0.113.1", None).await;

    assert_eq!(refused.status, 429);
    assert!(
        started.elapsed() >= pause,
        "refused after {:?}, before the pause of {pause:?}",
        started.elapsed()
    );
}
