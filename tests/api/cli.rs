use std::io::Write;
use std::process::{Command, Output, Stdio};

fn portal(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sti-portal"))
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn accounts_are_managed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("portal.sqlite");
    let db = database.to_str().unwrap();

    let short = portal(
        &[
            "user",
            "add",
            "ann",
            "--role",
            "editor",
            "--password-stdin",
            "--database",
            db,
        ],
        "short\n",
    );
    let added = portal(
        &[
            "user",
            "add",
            "ann",
            "--role",
            "editor",
            "--password-stdin",
            "--database",
            db,
        ],
        "a long enough password\n",
    );
    let again = portal(
        &[
            "user",
            "add",
            "ann",
            "--role",
            "writer",
            "--password-stdin",
            "--database",
            db,
        ],
        "a long enough password\n",
    );
    let disabled = portal(&["user", "disable", "ann", "--database", db], "");
    let reset = portal(
        &[
            "user",
            "set-password",
            "ann",
            "--password-stdin",
            "--database",
            db,
        ],
        "another long password\n",
    );
    let missing = portal(&["user", "disable", "bob", "--database", db], "");
    let listed = portal(&["user", "list", "--database", db], "");

    assert!(!short.status.success());
    assert!(
        text(&short.stderr).contains("at least 12 characters"),
        "{}",
        text(&short.stderr)
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already taken"));
    assert!(disabled.status.success());
    assert!(reset.status.success());
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("no account named bob"));
    let list = text(&listed.stdout);
    assert!(
        list.contains("ann") && list.contains("editor") && list.contains("disabled"),
        "{list}"
    );
}

#[test]
fn user_add_insists_on_the_password_coming_from_stdin() {
    let output = portal(&["user", "add", "ann", "--role", "editor"], "");

    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("--password-stdin"));
}
