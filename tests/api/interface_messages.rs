//! Every interface message the code asks for exists, and a Malay or Chinese page, public or
//! staff, shows no interface text in English: only record content may be English there.

use crate::helpers::{Reply, TestApp};
use crate::staff_helpers::Fields;
use diesel::prelude::*;
use diesel::sql_types::Text;
use fluent_syntax::ast;
use scraper::{ElementRef, Html, Node};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use sti_portal::domain::Role;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The messages of a language, by key, each as the pieces of text it is written with (the text
/// between its placeables, and that of every variant).
fn messages(tag: &str) -> BTreeMap<String, Vec<String>> {
    let mut messages = BTreeMap::new();
    for entry in std::fs::read_dir(Path::new(ROOT).join("locales").join(tag)).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str()).expect("the file parses");
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut pieces = Vec::new();
                if let Some(pattern) = &message.value {
                    pieces_of(pattern, &mut pieces);
                }
                messages.insert(message.id.name.to_owned(), pieces);
            }
        }
    }
    messages
}

fn pieces_of(pattern: &ast::Pattern<&str>, pieces: &mut Vec<String>) {
    let mut current = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => current.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    current.push_str(value);
                }
                ast::Expression::Select { variants, .. } => {
                    pieces.push(std::mem::take(&mut current));
                    for variant in variants {
                        pieces_of(&variant.value, pieces);
                    }
                }
                ast::Expression::Inline(_) => pieces.push(std::mem::take(&mut current)),
            },
        }
    }
    pieces.push(current);
    pieces.retain(|piece| !piece.trim().is_empty());
}

fn files_under(dir: &Path, extension: &str, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, extension, files);
        } else if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
}

/// The first string literal after each `call(` in `source`.
fn literals_after<'a>(source: &'a str, call: &str) -> Vec<&'a str> {
    source
        .match_indices(call)
        .filter_map(|(at, _)| {
            let rest = source[at + call.len()..].strip_prefix('"')?;
            rest.split_once('"').map(|(literal, _)| literal)
        })
        .collect()
}

/// Every string literal of `source` shaped like a message key (`nav-home`), outside comments
/// and unit tests.
fn key_shaped_literals(source: &str) -> Vec<&str> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| line.split('"').skip(1).step_by(2))
        .filter(|literal| {
            let mut segments = literal.split('-');
            let first = segments.next().unwrap_or("");
            !first.is_empty()
                && first.bytes().all(|b| b.is_ascii_lowercase())
                && literal.contains('-')
                && literal
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
        .collect()
}

#[test]
fn every_message_key_the_templates_and_the_code_use_exists_in_english() {
    let english = messages("en");
    let exists = |key: &str| english.contains_key(key);
    let is_group = |group: &str| english.keys().any(|k| k.starts_with(&format!("{group}-")));
    let mut missing = BTreeSet::new();

    let mut templates = Vec::new();
    files_under(&Path::new(ROOT).join("templates"), "html", &mut templates);
    let mut code = Vec::new();
    files_under(&Path::new(ROOT).join("src"), "rs", &mut code);
    // The database layer speaks no interface language.
    code.retain(|path| !path.starts_with(Path::new(ROOT).join("src/db")));
    for path in templates.iter().chain(&code) {
        let whole = std::fs::read_to_string(path).unwrap();
        // Unit tests may ask for keys that do not exist, to see what happens.
        let source = whole.split("#[cfg(test)]").next().unwrap_or(&whole);
        let name = path.strip_prefix(ROOT).unwrap().display().to_string();
        for call in [
            ".t(",
            ".t_count(",
            ".t_with(",
            ".try_t(",
            "Message::new(",
            "Refusal::State(",
        ] {
            for key in literals_after(source, call) {
                if !key.is_empty() && !exists(key) {
                    missing.insert(format!("{name}: {call}\"{key}\""));
                }
            }
        }
        for group in literals_after(source, ".term(")
            .into_iter()
            .chain(literals_after(source, ".term_or_value("))
        {
            if !is_group(group) {
                missing.insert(format!("{name}: no message starts with {group}-"));
            }
        }
    }
    // Keys kept in tables (notices, headings, hints): every literal shaped like a key of a
    // namespace the messages use is a key, or the group of a vocabulary. `mous` and
    // `organisations` also begin the ids of the statistics charts, so are left out.
    let namespaces: BTreeSet<&str> = english
        .keys()
        .map(|key| key.split('-').next().unwrap())
        .filter(|namespace| !matches!(*namespace, "mous" | "organisations"))
        .collect();
    for path in &code {
        let source = std::fs::read_to_string(path).unwrap();
        for literal in key_shaped_literals(&source) {
            let namespace = literal.split('-').next().unwrap();
            if namespaces.contains(namespace) && !exists(literal) && !is_group(literal) {
                let name = path.strip_prefix(ROOT).unwrap().display();
                missing.insert(format!("{name}: \"{literal}\""));
            }
        }
    }
    assert!(missing.is_empty(), "no such message: {missing:#?}");
}

/// The text a reader of the page meets: every text node (but scripts, styles, the rendered text
/// of statements and the marked passages of search results, which are content) and the
/// attributes read out or shown.
fn visible_text(reply: &Reply) -> String {
    let document = Html::parse_document(&reply.body);
    let mut text = String::new();
    fn walk(element: ElementRef<'_>, text: &mut String) {
        let marked = element.children().any(|child| {
            child
                .value()
                .as_element()
                .is_some_and(|e| e.name() == "mark")
        });
        if matches!(element.value().name(), "script" | "style")
            || element.value().classes().any(|c| c == "prose")
            || marked
        {
            return;
        }
        for name in ["aria-label", "title", "alt", "placeholder"] {
            if let Some(value) = element.value().attr(name) {
                text.push_str(value);
                text.push('\n');
            }
        }
        for child in element.children() {
            match child.value() {
                Node::Text(t) => {
                    text.push_str(t);
                    text.push('\n');
                }
                Node::Element(_) => walk(ElementRef::wrap(child).unwrap(), text),
                _ => {}
            }
        }
    }
    walk(document.root_element(), &mut text);
    text
}

/// Everything the records say (names, titles, summaries, the audit trail's summaries...): any
/// text value of the database that reads as words. Codes, slugs and status words are left
/// in, so that they cannot hide interface text.
fn record_content(app: &TestApp) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        name: String,
    }
    #[derive(QueryableByName)]
    struct Value {
        #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
        value: Option<String>,
    }
    let mut conn = app.connection();
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE '%search%' AND name NOT LIKE '__diesel%'",
    )
    .load(&mut conn)
    .unwrap();
    let mut content = BTreeSet::new();
    for table in tables {
        let columns: Vec<Name> = diesel::sql_query(format!(
            "SELECT name FROM pragma_table_info('{}') WHERE type = 'TEXT'",
            table.name
        ))
        .load(&mut conn)
        .unwrap();
        for column in columns {
            let values: Vec<Value> = diesel::sql_query(format!(
                "SELECT DISTINCT \"{}\" AS value FROM \"{}\"",
                column.name, table.name
            ))
            .load(&mut conn)
            .unwrap();
            for value in values.into_iter().filter_map(|v| v.value) {
                for line in value.lines().map(str::trim) {
                    let words = line.contains(' ')
                        || line.chars().any(|c| c.is_uppercase() || !c.is_ascii());
                    if line.chars().count() >= 3 && words {
                        content.insert(line.to_owned());
                    }
                }
            }
        }
    }
    let mut content: Vec<String> = content.into_iter().collect();
    content.sort_by_key(|c| std::cmp::Reverse(c.len()));
    content
}

/// The English pieces of interface text that must not be seen on a page in `tag`: those of
/// every message whose translation differs, long enough to be unmistakable (two words, or
/// one long word), and not also written in that language's own messages.
fn english_left_in(tag: &str) -> Vec<(String, String)> {
    let english = messages("en");
    let translated = messages(tag);
    let own: Vec<&String> = translated.values().flatten().collect();
    let mut pieces = Vec::new();
    for (key, english_pieces) in &english {
        if translated.get(key) == Some(english_pieces) {
            continue;
        }
        for piece in english_pieces {
            let piece = piece.trim().trim_end_matches(['.', ':', ';', ',']).trim();
            let words = piece.split_whitespace().count();
            let long_enough = (words >= 2 && piece.len() >= 8) || piece.chars().count() >= 9;
            let has_letters = piece.chars().filter(char::is_ascii_alphabetic).count() >= 4;
            if long_enough && has_letters && !own.iter().any(|o| o.contains(piece)) {
                pieces.push((key.clone(), piece.to_owned()));
            }
        }
    }
    pieces
}

/// Whether `text` holds `piece` as whole words, not as part of longer ones ("statement" in
/// "/api/v1/statements").
fn contains_words(text: &str, piece: &str) -> bool {
    text.match_indices(piece).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + piece.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// A key no language has would show as itself: text that is exactly a key of a namespace the
/// messages use.
fn raw_keys(text: &str, namespaces: &BTreeSet<String>) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| {
            line.split_once('-')
                .is_some_and(|(first, _)| namespaces.contains(first))
                && line
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
        .map(str::to_owned)
        .collect()
}

/// Fills the form at `action` on `page` as a browser would, with `changes`.
fn filled(page: &Reply, action: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields = Fields::of(page, action);
    for (name, value) in changes {
        fields.set(name, value);
    }
    fields.0
}

async fn post(app: &TestApp, path: &str, fields: &[(String, String)]) -> Reply {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    app.post_form(path, &fields).await
}

/// Every kind of page, public and staff, in the language of `prefix`, with the status each
/// answers with.
async fn every_page_type(app: &TestApp, prefix: &str) -> Vec<(String, Reply)> {
    let mut pages = Vec::new();
    let public = [
        "/",
        "/statements",
        "/agreements",
        "/meetings",
        "/delegations",
        "/mous",
        "/mous?year=1999",
        "/organisations",
        "/people",
        "/areas",
        "/statements/malaysia-china-second-joint-research-project-group-2024",
        "/agreements/sti-cooperation-agreement-2013",
        "/meetings/3rd-joint-committee-meeting-sti",
        "/delegations/working-visit-to-china-2024",
        "/mous/mimos-cetc-mou-2024",
        "/organisations/mimos",
        "/people/chang-lih-kang",
        "/areas/space-technology",
        "/search?q=space",
        "/search?q=semiconductor+zzzz&type=mou",
        "/timeline",
        "/timeline?area=space-technology&year=1999",
        "/stats",
        "/open-data",
        "/no-such-page",
        "/mous?year=soon",
    ];
    for path in public {
        let url = format!("{prefix}{path}");
        pages.push((url.clone(), app.get(&url).await));
    }
    let login = app.get(&format!("{prefix}/staff/login")).await;
    let refused = post(
        app,
        &format!("{prefix}/staff/login"),
        &filled(
            &login,
            &format!("{prefix}/staff/login"),
            &[("username", "nobody"), ("password", "not the password")],
        ),
    )
    .await;
    pages.push((format!("{prefix}/staff/login"), login));
    pages.push((format!("{prefix}/staff/login (refused)"), refused));

    let admin = format!("admin{}", prefix.trim_start_matches('/'));
    app.login_as(&admin, Role::Admin).await;
    let form_token = format!("one-form-token-for{prefix}");
    let published = app
        .post_form(
            &format!("{prefix}/staff/statements"),
            &[
                ("csrf_token", &app.csrf_token().await),
                ("form_token", &form_token),
                ("title_ms", "Tiga projek bersama"),
                ("language", "ms"),
                ("body_ms", "Teks."),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
    let edit = published.location().split('?').next().unwrap().to_owned();
    let staff = [
        "/staff".to_owned(),
        "/staff/statements".to_owned(),
        "/staff/statements?status=draft".to_owned(),
        "/staff/statements/new".to_owned(),
        format!("{}?done=published", edit.trim_start_matches(prefix)),
        "/staff/records".to_owned(),
        "/staff/users?done=self".to_owned(),
        "/staff/audit".to_owned(),
    ];
    for path in staff {
        let url = format!("{prefix}{path}");
        pages.push((url.clone(), app.get(&url).await));
    }
    for collection in [
        "agreements",
        "meetings",
        "delegations",
        "mous",
        "organisations",
        "people",
        "areas",
    ] {
        let list = format!("{prefix}/staff/records/{collection}");
        let new = app.get(&format!("{list}/new")).await;
        let refused = post(app, &list, &filled(&new, &list, &[])).await;
        let listed = app.get(&list).await;
        let edit_link = listed
            .links()
            .into_iter()
            .find(|l| l.ends_with("/edit"))
            .expect("a record to edit");
        let edit = app.get(&edit_link).await;
        let action = edit_link.trim_end_matches("/edit").to_owned();
        let stale = filled(&edit, &action, &[("version", "0")]);
        let conflict = post(app, &action, &stale).await;
        pages.push((list.clone(), listed));
        pages.push((
            format!("{list}?q=zzzz"),
            app.get(&format!("{list}?q=zzzz")).await,
        ));
        pages.push((format!("{list}/new"), new));
        pages.push((format!("{list} (refused)"), refused));
        pages.push((edit_link.clone(), edit));
        pages.push((format!("{edit_link} (conflict)"), conflict));
    }
    let statement_form = app.get(&format!("{prefix}/staff/statements/new")).await;
    let statements = format!("{prefix}/staff/statements");
    let refused = post(
        app,
        &statements,
        &filled(
            &statement_form,
            &statements,
            &[("action", "schedule"), ("publish_at", "2000-01-01T09:00")],
        ),
    )
    .await;
    pages.push((format!("{statements} (refused)"), refused));
    let edit_page = app.get(&edit).await;
    let action = edit.trim_end_matches("/edit");
    let stale = filled(&edit_page, action, &[("version", "0"), ("action", "save")]);
    pages.push((
        format!("{action} (conflict)"),
        post(app, action, &stale).await,
    ));
    let users = app.get(&format!("{prefix}/staff/users")).await;
    let add = format!("{prefix}/staff/users");
    let refused = post(app, &add, &filled(&users, &add, &[("password", "short")])).await;
    pages.push((format!("{add} (refused)"), refused));
    app.forget_cookies();
    pages
}

#[actix_web::test]
async fn malay_and_chinese_pages_show_no_interface_text_in_english() {
    let app = TestApp::spawn().await;
    let namespaces: BTreeSet<String> = messages("en")
        .keys()
        .map(|key| key.split('-').next().unwrap().to_owned())
        .collect();
    let mut problems = Vec::new();
    for (tag, prefix) in [("ms", "/ms"), ("zh-Hans", "/zh")] {
        let english = english_left_in(tag);
        let pages = every_page_type(&app, prefix).await;
        let content = record_content(&app);
        for (url, reply) in pages {
            assert!(
                [200, 400, 401, 404, 409, 422].contains(&reply.status),
                "{url} answered {}",
                reply.status
            );
            let mut text = visible_text(&reply);
            for content in &content {
                text = text.replace(content.as_str(), "\u{1}");
            }
            for (key, piece) in &english {
                if contains_words(&text, piece) {
                    problems.push(format!("{url}: “{piece}” ({key})"));
                }
            }
            for raw in raw_keys(&text, &namespaces) {
                problems.push(format!("{url}: the key {raw} shows as itself"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
