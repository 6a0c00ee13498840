use crate::helpers::TestApp;
use crate::staff_helpers::{Part, StaffClient, field_error, location, log_in};
use diesel::prelude::*;
use sha2::{Digest, Sha256};
use sti_portal::domain::Role;

const MOU: &str = "mimos-cetc-mou-2024";

fn mou_id(app: &TestApp) -> i32 {
    use sti_portal::db::schema::mous;
    mous::table
        .filter(mous::slug.eq(MOU))
        .select(mous::id)
        .first(&mut app.connection())
        .unwrap()
}

fn document_rows(app: &TestApp) -> i64 {
    use sti_portal::db::schema::documents;
    documents::table
        .count()
        .get_result(&mut app.connection())
        .unwrap()
}

/// Files in the documents folder beside the database, finished or not.
fn stored_files(app: &TestApp) -> usize {
    let folder = app.database.parent().unwrap().join("documents");
    std::fs::read_dir(folder).map_or(0, |entries| entries.count())
}

fn a_pdf() -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    pdf.extend((0..2000u32).flat_map(|n| n.to_le_bytes()));
    pdf.extend_from_slice(b"\n%%EOF\n");
    pdf
}

struct Upload<'a> {
    csrf: &'a str,
    title: &'a str,
    /// The title in Chinese, or empty.
    title_zh: &'a str,
    file_name: &'a str,
    media_type: &'a str,
    bytes: &'a [u8],
}

async fn upload(staff: &StaffClient, app: &TestApp, upload: Upload<'_>) -> crate::helpers::Reply {
    let action = format!("/staff/records/mous/{}/documents", mou_id(app));
    staff
        .post_multipart(
            &action,
            &[
                Part::Text("csrf_token", upload.csrf),
                Part::Text("form_token", &sti_portal::auth::random_token()),
                Part::Text("document_title", upload.title),
                Part::Text("document_title_zh", upload.title_zh),
                Part::File(
                    "document_file",
                    upload.file_name,
                    upload.media_type,
                    upload.bytes,
                ),
            ],
        )
        .await
}

#[actix_web::test]
async fn an_uploaded_pdf_is_served_byte_for_byte_from_the_mou_page() {
    let app = TestApp::spawn().await;
    let staff = log_in(&app, "editor", Role::Editor).await;
    let pdf = a_pdf();
    let sha256: String = Sha256::digest(&pdf)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();

    let reply = upload(
        &staff,
        &app,
        Upload {
            csrf: &staff.csrf,
            title: "Signed MoU (English and Chinese)",
            title_zh: "已签署的谅解备忘录（英文和中文）",
            file_name: "../MoU signed <final>.pdf",
            media_type: "application/pdf",
            bytes: &pdf,
        },
    )
    .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert!(location(&reply).ends_with("/edit?done=attached"));

    let page = app.page(&format!("/mous/{MOU}")).await;
    let href = format!("/documents/{sha256}.pdf");
    assert!(page.links_to(&href), "the MoU page links the document");
    let chinese = app.page(&format!("/zh/mous/{MOU}")).await;
    assert!(
        chinese.body.contains("已签署的谅解备忘录（英文和中文）"),
        "a Chinese reader sees the document's Chinese title"
    );
    assert!(page.body.contains(&sha256));

    let served = staff.get_raw(&href).await;
    assert_eq!(served.status, 200);
    assert_eq!(served.body, pdf);
    let served_sha: String = Sha256::digest(&served.body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(served_sha, sha256);
    let header = |name: &str| {
        served
            .headers
            .get(name)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("cache-control").contains("max-age=31536000"));
    let disposition = header("content-disposition");
    assert!(
        disposition.contains("MoU-signed-final.pdf"),
        "{disposition}"
    );

    let audit: Vec<String> = {
        use sti_portal::db::schema::audit_events;
        audit_events::table
            .filter(audit_events::action.eq("attach"))
            .select(audit_events::summary)
            .load(&mut app.connection())
            .unwrap()
    };
    assert_eq!(audit.len(), 1);
    assert!(audit[0].contains(&sha256));

    assert_eq!(
        app.get(&format!("/documents/{}.pdf", "0".repeat(64)))
            .await
            .status,
        404
    );
    assert_eq!(app.get("/documents/..%2Fportal.sqlite").await.status, 404);
}

#[actix_web::test]
async fn a_file_that_is_not_a_pdf_is_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let staff = log_in(&app, "editor", Role::Editor).await;

    let html = upload(
        &staff,
        &app,
        Upload {
            csrf: &staff.csrf,
            title: "Not a PDF",
            title_zh: "",
            file_name: "mou.pdf",
            media_type: "application/pdf",
            bytes: b"<html><script>alert(1)</script></html>",
        },
    )
    .await;
    assert_eq!(html.status, 422);
    assert!(
        field_error(&html, "document_file")
            .unwrap()
            .contains("not a PDF")
    );
    assert_eq!(
        html.texts("#field-document_title").len(),
        1,
        "the upload form is shown again"
    );

    let mislabelled = upload(
        &staff,
        &app,
        Upload {
            csrf: &staff.csrf,
            title: "Sent as text",
            title_zh: "",
            file_name: "mou.pdf",
            media_type: "text/plain",
            bytes: &a_pdf(),
        },
    )
    .await;
    assert_eq!(mislabelled.status, 422);
    assert!(field_error(&mislabelled, "document_file").is_some());

    let untitled = upload(
        &staff,
        &app,
        Upload {
            csrf: &staff.csrf,
            title: " ",
            title_zh: "",
            file_name: "mou.pdf",
            media_type: "application/pdf",
            bytes: &a_pdf(),
        },
    )
    .await;
    assert_eq!(untitled.status, 422);
    assert!(field_error(&untitled, "document_title").is_some());

    assert_eq!(document_rows(&app), 0);
    assert_eq!(stored_files(&app), 0);
}

#[actix_web::test]
async fn an_oversized_upload_is_refused_with_413_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let staff = log_in(&app, "editor", Role::Editor).await;
    let mut big = a_pdf();
    big.resize(sti_portal::documents::MAX_DOCUMENT_BYTES + 1, b' ');

    let reply = upload(
        &staff,
        &app,
        Upload {
            csrf: &staff.csrf,
            title: "Too big",
            title_zh: "",
            file_name: "big.pdf",
            media_type: "application/pdf",
            bytes: &big,
        },
    )
    .await;

    assert_eq!(reply.status, 413);
    assert!(
        field_error(&reply, "document_file")
            .unwrap()
            .contains("10 MB")
    );
    assert_eq!(document_rows(&app), 0);
    assert_eq!(stored_files(&app), 0);
}

#[actix_web::test]
async fn an_upload_without_the_csrf_token_or_by_a_writer_is_refused() {
    let app = TestApp::spawn().await;
    let staff = log_in(&app, "editor", Role::Editor).await;
    let writer = log_in(&app, "writer", Role::Writer).await;
    let pdf = a_pdf();

    let forged = upload(
        &staff,
        &app,
        Upload {
            csrf: "forged",
            title: "Forged",
            title_zh: "",
            file_name: "mou.pdf",
            media_type: "application/pdf",
            bytes: &pdf,
        },
    )
    .await;
    assert_eq!(forged.status, 403);

    let action = format!("/staff/records/mous/{}/documents", mou_id(&app));
    let tokenless = staff
        .post_multipart(
            &action,
            &[
                Part::Text("document_title", "No token"),
                Part::File("document_file", "mou.pdf", "application/pdf", &pdf),
            ],
        )
        .await;
    assert_eq!(tokenless.status, 403);

    let by_writer = upload(
        &writer,
        &app,
        Upload {
            csrf: &writer.csrf,
            title: "Writer's upload",
            title_zh: "",
            file_name: "mou.pdf",
            media_type: "application/pdf",
            bytes: &pdf,
        },
    )
    .await;
    assert_eq!(by_writer.status, 403);

    assert_eq!(document_rows(&app), 0);
    assert_eq!(stored_files(&app), 0);
}
