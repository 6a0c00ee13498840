use crate::helpers::TestApp;
use crate::staff_helpers::{Fields, StaffClient, field_error, location, log_in};
use diesel::prelude::*;
use sti_portal::domain::Role;

async fn editor(app: &TestApp) -> StaffClient {
    log_in(app, "editor", Role::Editor).await
}

/// Fills in the "new" form of `collection` with `values` and sends it.
async fn create(
    staff: &StaffClient,
    collection: &str,
    values: &[(&str, &str)],
) -> crate::helpers::Reply {
    let action = format!("/staff/records/{collection}");
    let mut form = staff
        .form(&format!("/staff/records/{collection}/new"), &action)
        .await;
    for (name, value) in values {
        form.set(name, value);
    }
    staff.post_form(&action, &form).await
}

/// The edit form of the record an earlier save redirected to, and where it posts.
async fn edit_form(staff: &StaffClient, edit_location: &str) -> (Fields, String) {
    let path = edit_location.split('?').next().unwrap();
    let action = path.trim_end_matches("/edit").to_owned();
    (staff.form(path, &action).await, action)
}

/// Fills in `values` on the edit form an earlier save redirected to, and sends it.
async fn edit(
    staff: &StaffClient,
    edit_location: &str,
    values: &[(&str, &str)],
) -> crate::helpers::Reply {
    let (mut form, action) = edit_form(staff, edit_location).await;
    for (name, value) in values {
        form.set(name, value);
    }
    staff.post_form(&action, &form).await
}

fn count(app: &TestApp, sql_table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {sql_table}"))
        .get_result::<Count>(&mut app.connection())
        .unwrap()
        .n
}

fn audit_summaries(app: &TestApp, entity: &str) -> Vec<(String, String)> {
    use sti_portal::db::schema::audit_events;
    audit_events::table
        .filter(audit_events::entity.eq(entity))
        .order(audit_events::id)
        .select((audit_events::action, audit_events::summary))
        .load(&mut app.connection())
        .unwrap()
}

#[actix_web::test]
async fn an_editor_creates_and_edits_an_organisation_that_is_public_at_once() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    let created = create(
        &staff,
        "organisations",
        &[
            ("name", "Universiti Teknologi Malaysia"),
            ("short_name", "UTM"),
            ("country", "MY"),
            ("kind", "university"),
            ("website", "https://www.utm.my"),
            ("description", "A public research university."),
        ],
    )
    .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let edit_location = location(&created);
    assert!(
        edit_location.ends_with("/edit?done=created"),
        "{edit_location}"
    );

    let public = app
        .page("/organisations/universiti-teknologi-malaysia")
        .await;
    assert_eq!(public.heading(), "Universiti Teknologi Malaysia");
    assert!(public.links_to("https://www.utm.my"));

    let saved = edit(
        &staff,
        &edit_location,
        &[
            ("name", "Universiti Teknologi Malaysia (UTM)"),
            ("website", "https://utm.my"),
        ],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(location(&saved).ends_with("?done=saved"));

    // The address is permanent: the slug stays while the name changes.
    let public = app
        .page("/organisations/universiti-teknologi-malaysia")
        .await;
    assert_eq!(public.heading(), "Universiti Teknologi Malaysia (UTM)");
    assert!(public.links_to("https://utm.my"));
    let edited = staff.get(&location(&saved)).await;
    assert!(
        edited.body.contains("Saved."),
        "the edit page confirms the save"
    );

    let audit = audit_summaries(&app, "organisation");
    assert_eq!(audit.len(), 2);
    assert_eq!(audit[0].0, "create");
    assert_eq!(audit[1].0, "update");
    assert!(audit[1].1.contains("v1 → v2"), "{}", audit[1].1);
    assert!(
        audit[1]
            .1
            .contains("“https://www.utm.my” → “https://utm.my”")
    );
}

#[actix_web::test]
async fn a_person_s_appointments_link_person_and_organisation_both_ways() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    let mut form = staff
        .form("/staff/records/people/new", "/staff/records/people")
        .await;
    form.set("name", "Siti Aminah")
        .set("country", "MY")
        .set_nth("appointment_title", 0, "Director of Research")
        .set_nth("appointment_organisation", 0, "/organisations/mimos")
        .set_nth("appointment_from", 0, "2023-01")
        .set_nth("appointment_title", 1, "Senior Researcher")
        .set_nth("appointment_organisation", 1, "mimos")
        .set_nth("appointment_from", 1, "2018")
        .set_nth("appointment_to", 1, "2022-12");
    let created = staff.post_form("/staff/records/people", &form).await;
    assert_eq!(created.status, 303, "{}", created.body);

    let person = app.page("/people/siti-aminah").await;
    assert!(person.links_to("/organisations/mimos"));
    assert!(person.body.contains("Director of Research"));
    let mimos = app.page("/organisations/mimos").await;
    assert!(mimos.links_to("/people/siti-aminah"));

    // Remove the older post; the newer one stays.
    let (mut form, action) = edit_form(&staff, &location(&created)).await;
    let older = form
        .0
        .iter()
        .filter(|(name, _)| name == "appointment_title")
        .position(|(_, value)| value == "Senior Researcher")
        .unwrap();
    form.add("appointment_remove", &older.to_string());
    let saved = staff.post_form(&action, &form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let person = app.page("/people/siti-aminah").await;
    assert!(person.body.contains("Director of Research"));
    assert!(!person.body.contains("Senior Researcher"));
}

#[actix_web::test]
async fn new_records_get_unique_readable_slugs() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    for _ in 0..2 {
        let reply = create(&staff, "areas", &[("name", "Quantum Computing")]).await;
        assert_eq!(reply.status, 303, "{}", reply.body);
    }
    let chinese = create(&staff, "areas", &[("name", "量子计算")]).await;
    assert_eq!(chinese.status, 303, "{}", chinese.body);

    app.page("/areas/quantum-computing").await;
    app.page("/areas/quantum-computing-2").await;
    assert_eq!(app.page("/areas/area").await.heading(), "量子计算");
}

#[actix_web::test]
async fn an_agreement_s_status_follows_the_newest_event_of_its_history() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    let mut form = staff
        .form("/staff/records/agreements/new", "/staff/records/agreements")
        .await;
    form.set("title", "Agreement on Digital Economy Cooperation")
        .set("signed_on", "2024-11")
        .set("signed_at", "Putrajaya")
        .set("signatories", "/people/chang-lih-kang\nyin-hejun")
        .set("new_status", "signed")
        .set("new_status_on", "2024-11")
        .add("parties", "MY")
        .add("parties", "CN")
        .add("areas", "artificial-intelligence");
    let created = staff.post_form("/staff/records/agreements", &form).await;
    assert_eq!(created.status, 303, "{}", created.body);

    let saved = edit(
        &staff,
        &location(&created),
        &[
            ("new_status", "in_force"),
            ("new_status_on", "2025-02-01"),
            ("new_status_note", "Ratified by both sides."),
        ],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let slug = "agreement-on-digital-economy-cooperation";
    let public = app.page(&format!("/agreements/{slug}")).await;
    assert!(public.body.contains("Ratified by both sides."));
    assert_eq!(public.texts(".facts dd .badge"), ["In force"]);
    assert!(public.links_to("/people/chang-lih-kang"));
    assert!(public.links_to("/areas/artificial-intelligence"));
    let in_force = app.page("/agreements?status=in_force").await;
    assert!(in_force.links_to(&format!("/agreements/{slug}")));
    let signatory = app.page("/people/yin-hejun").await;
    assert!(signatory.links_to(&format!("/agreements/{slug}")));

    // An event dated before the newest one is history, not the current status.
    let saved = edit(
        &staff,
        &location(&created),
        &[("new_status", "proposed"), ("new_status_on", "2024-06")],
    )
    .await;
    assert_eq!(saved.status, 303);
    let public = app.page(&format!("/agreements/{slug}")).await;
    assert_eq!(public.texts(".facts dd .badge"), ["In force"]);
}

#[actix_web::test]
async fn a_meeting_links_its_agreement_co_chairs_and_organisations_both_ways() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    let created = create(
        &staff,
        "meetings",
        &[
            ("title", "4th Joint Committee Meeting on STI Cooperation"),
            ("joint_body", "Joint Committee on STI Cooperation"),
            ("ordinal", "4"),
            ("agreement", "/agreements/sti-cooperation-agreement-2013"),
            ("held_on", "2026-05"),
            ("place", "Kuala Lumpur"),
            ("co_chairs", "/people/yin-hejun\n/people/chang-lih-kang"),
            ("organisations", "/organisations/mimos\n/organisations/cetc"),
        ],
    )
    .await;
    assert_eq!(created.status, 303, "{}", created.body);

    let meeting = "/meetings/4th-joint-committee-meeting-on-sti-cooperation";
    let page = app.page(meeting).await;
    for href in [
        "/agreements/sti-cooperation-agreement-2013",
        "/people/yin-hejun",
        "/people/chang-lih-kang",
        "/organisations/cetc",
    ] {
        assert!(page.links_to(href), "the meeting links {href}");
    }
    let names = page.texts(".facts dd a[href^='/people/']");
    assert_eq!(
        names.first().map(String::as_str),
        Some("Yin Hejun"),
        "co-chairs keep their order"
    );
    assert!(app.page("/organisations/cetc").await.links_to(meeting));
    assert!(app.page("/people/yin-hejun").await.links_to(meeting));
    let agreement = app.page("/agreements/sti-cooperation-agreement-2013").await;
    assert!(agreement.links_to(meeting));
}

#[actix_web::test]
async fn a_visit_s_itinerary_is_added_to_reordered_and_trimmed() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    let mut form = staff
        .form(
            "/staff/records/delegations/new",
            "/staff/records/delegations",
        )
        .await;
    form.set("title", "Study visit to Malaysia 2025")
        .set("leader", "/people/yin-hejun")
        .set("from_country", "CN")
        .set("host_country", "MY")
        .set("starts_on", "2025-03-10")
        .set("ends_on", "2025-03-12")
        .set("members", "/people/chang-lih-kang | Host minister")
        .set_nth("stop_title", 0, "Visit to MIMOS")
        .set_nth("stop_organisation", 0, "/organisations/mimos")
        .set_nth("stop_on", 0, "2025-03-10")
        .set_nth("stop_title", 1, "Roundtable in Cyberjaya")
        .set_nth("stop_event", 1, "Digital roundtable");
    let created = staff.post_form("/staff/records/delegations", &form).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let visit = "/delegations/study-visit-to-malaysia-2025";
    let page = app.page(visit).await;
    assert_eq!(
        page.texts(".itinerary__stop h3"),
        ["Visit to MIMOS", "Roundtable in Cyberjaya"]
    );
    assert!(app.page("/organisations/mimos").await.links_to(visit));
    assert!(app.page("/people/chang-lih-kang").await.links_to(visit));

    // Swap the two stops and add a third.
    let (mut form, action) = edit_form(&staff, &location(&created)).await;
    form.set_nth("stop_position", 0, "2")
        .set_nth("stop_position", 1, "1")
        .set_nth("stop_title", 2, "Farewell dinner");
    let saved = staff.post_form(&action, &form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = app.page(visit).await;
    assert_eq!(
        page.texts(".itinerary__stop h3"),
        [
            "Roundtable in Cyberjaya",
            "Visit to MIMOS",
            "Farewell dinner"
        ]
    );

    // Remove the roundtable, now first.
    let (mut form, action) = edit_form(&staff, &location(&created)).await;
    form.add("stop_remove", "0");
    assert_eq!(staff.post_form(&action, &form).await.status, 303);
    let page = app.page(visit).await;
    assert_eq!(
        page.texts(".itinerary__stop h3"),
        ["Visit to MIMOS", "Farewell dinner"]
    );

    // The end cannot come before the start.
    let refused = edit(&staff, &location(&created), &[("ends_on", "2025-03-01")]).await;
    assert_eq!(refused.status, 422);
    assert!(field_error(&refused, "ends_on").is_some());
}

#[actix_web::test]
async fn a_list_of_mous_names_each_ones_parties_in_the_order_last_saved() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;
    let created = create(
        &staff,
        "mous",
        &[
            ("title", "MoU on Photonic Chips"),
            // Newer than every demo MoU, so that it heads the list.
            ("signed_on", "2026-11"),
            ("parties", "/organisations/cetc\n/organisations/mimos"),
            ("new_status", "signed"),
        ],
    )
    .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let first_card = |page: &crate::helpers::Reply| {
        (
            page.texts(".cards > li:first-child .card__title a"),
            page.texts(".cards > li:first-child .card__parties a"),
        )
    };
    assert_eq!(
        first_card(&app.page("/mous").await),
        (
            vec!["MoU on Photonic Chips".to_owned()],
            vec!["CETC".to_owned(), "MIMOS".to_owned()]
        )
    );

    let saved = edit(
        &staff,
        &location(&created),
        &[(
            "parties",
            "/organisations/mranti\n/organisations/cetc\n/organisations/mimos",
        )],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        first_card(&app.page("/mous").await).1,
        ["MRANTI", "CETC", "MIMOS"],
        "a party added first comes first"
    );

    let saved = edit(
        &staff,
        &location(&saved),
        &[("parties", "/organisations/mimos\n/organisations/mranti")],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        first_card(&app.page("/mous").await).1,
        ["MIMOS", "MRANTI"],
        "a party removed is gone and the others keep the order given"
    );
}

#[actix_web::test]
async fn an_mou_names_ordered_parties_and_the_stop_where_it_was_signed() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    let created = create(
        &staff,
        "mous",
        &[
            ("title", "MoU on Chip Design Training"),
            ("signed_on", "2024-04"),
            (
                "signed_at",
                "/delegations/working-visit-to-china-2024#stop-1",
            ),
            ("parties", "/organisations/cetc\n/organisations/mimos"),
            ("witnesses", "/people/chang-lih-kang"),
            ("valid_until", "2029-04-30"),
            ("renews", "/mous/mimos-cetc-mou-2024"),
            ("new_status", "signed"),
        ],
    )
    .await;
    assert_eq!(created.status, 303, "{}", created.body);

    let mou = "/mous/mou-on-chip-design-training";
    let page = app.page(mou).await;
    assert_eq!(
        page.texts("#parties + ul a"),
        [
            "China Electronics Technology Group Corporation",
            "MIMOS Berhad (Malaysian Institute of Microelectronic Systems)"
        ],
        "parties keep the order given"
    );
    assert_eq!(
        page.texts("#parties + ul li"),
        [
            "China Electronics Technology Group Corporation (CETC), China",
            "MIMOS Berhad (Malaysian Institute of Microelectronic Systems) (MIMOS), Malaysia"
        ],
        "each party with its country"
    );
    for href in [
        "/delegations/working-visit-to-china-2024",
        "/people/chang-lih-kang",
        "/mous/mimos-cetc-mou-2024",
    ] {
        assert!(page.links_to(href), "the MoU links {href}");
    }
    assert!(app.page("/organisations/cetc").await.links_to(mou));
    assert!(app.page("/mous/mimos-cetc-mou-2024").await.links_to(mou));
    assert!(
        app.page("/delegations/working-visit-to-china-2024")
            .await
            .links_to(mou)
    );

    // The form names the stop as it was given, and an MoU cannot renew itself.
    let (mut form, action) = edit_form(&staff, &location(&created)).await;
    assert_eq!(
        form.get("signed_at"),
        Some("/delegations/working-visit-to-china-2024#stop-1")
    );
    form.set("renews", mou);
    let refused = staff.post_form(&action, &form).await;
    assert_eq!(refused.status, 422);
    assert!(
        field_error(&refused, "renews")
            .unwrap()
            .contains("another MoU")
    );

    // A stop where an MoU was signed cannot be removed from the visit.
    let delegation_id: i32 = {
        use sti_portal::db::schema::delegations;
        delegations::table
            .filter(delegations::slug.eq("working-visit-to-china-2024"))
            .select(delegations::id)
            .first(&mut app.connection())
            .unwrap()
    };
    let edit_location = format!("/staff/records/delegations/{delegation_id}/edit");
    let (mut form, action) = edit_form(&staff, &edit_location).await;
    form.add("stop_remove", "0");
    let refused = staff.post_form(&action, &form).await;
    assert_eq!(refused.status, 422);
    assert!(
        field_error(&refused, "itinerary")
            .unwrap()
            .contains("was signed there")
    );
}

#[actix_web::test]
async fn bad_input_is_shown_beside_each_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;
    let before = count(&app, "organisations");

    let refused = create(
        &staff,
        "organisations",
        &[
            ("name", "   "),
            ("country", "Malaysia"),
            ("kind", "club"),
            ("website", "javascript:alert(1)"),
            ("description", &"x".repeat(100_000)),
        ],
    )
    .await;
    assert_eq!(refused.status, 422);
    for field in ["name", "country", "kind", "website", "description"] {
        assert!(
            field_error(&refused, field).is_some(),
            "{field} has a message"
        );
    }
    assert!(refused.texts(".error-summary li").len() >= 5);
    let website = refused.document();
    let invalid = scraper::Selector::parse("#field-website[aria-invalid=true]").unwrap();
    assert!(website.select(&invalid).next().is_some());

    // Records that do not exist, or are not people, are named beside their field.
    for (witnesses, message) in [
        ("/people/nobody", "/people/nobody"),
        ("/mous/x", "/people/"),
    ] {
        let refused = create(
            &staff,
            "mous",
            &[
                ("title", "MoU"),
                (
                    "parties",
                    "/organisations/mimos\n/organisations/no-such-body",
                ),
                ("witnesses", witnesses),
            ],
        )
        .await;
        assert_eq!(refused.status, 422);
        let error = field_error(&refused, "witnesses").unwrap();
        assert!(error.contains(message), "{error}");
        if witnesses == "/people/nobody" {
            let parties = field_error(&refused, "parties").unwrap();
            assert!(parties.contains("/organisations/no-such-body"), "{parties}");
        }
    }

    // Hostile text is stored as text and shown escaped.
    let hostile = "<script>alert(1)</script> '; DROP TABLE organisations; --";
    let created = create(
        &staff,
        "organisations",
        &[("name", hostile), ("country", "MY"), ("kind", "other")],
    )
    .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let page = app
        .page("/organisations/script-alert-1-script-drop-table-organisations")
        .await;
    assert_eq!(page.heading(), hostile);
    assert!(!page.body.contains("<script>alert(1)"));
    assert_eq!(count(&app, "organisations"), before + 1);

    // Bodies no browser sends: never a 500, never a write.
    let token = format!("csrf_token={}", staff.csrf);
    for body in [
        format!("{token}&name=A&name=B&country=MY&kind=other&form_token=aaaaaaaaaaaaaaaaaaaa"),
        format!("{token}&name=%FF%FE&country=MY&kind=other"),
        format!("{token}&name=%ZZ&country=%00&kind=other&form_token=aaaaaaaaaaaaaaaaaaaa"),
        token.clone(),
    ] {
        let reply = staff
            .post_body(
                "/staff/records/organisations",
                "application/x-www-form-urlencoded",
                body.clone().into_bytes(),
            )
            .await;
        assert!(
            matches!(reply.status, 400 | 422),
            "{body:?} answered {}",
            reply.status
        );
    }
    assert_eq!(count(&app, "organisations"), before + 1);
}

#[actix_web::test]
async fn only_editors_may_change_records() {
    let app = TestApp::spawn().await;
    let writer = log_in(&app, "writer", Role::Writer).await;
    let before = count(&app, "focus_areas");

    assert_eq!(writer.get("/staff/records").await.status, 403);
    assert_eq!(writer.get("/staff/records/areas/new").await.status, 403);
    let mut form = Fields::default();
    form.set("csrf_token", &writer.csrf)
        .set("form_token", "aaaaaaaaaaaaaaaaaaaaaaaa")
        .set("name", "Writers' area");
    assert_eq!(
        writer.post_form("/staff/records/areas", &form).await.status,
        403
    );
    assert_eq!(
        writer
            .post_form("/staff/records/areas/1", &form)
            .await
            .status,
        403
    );

    let anonymous = app.get("/staff/records/areas/new").await;
    assert_eq!(anonymous.status, 303);
    assert!(location(&anonymous).starts_with("/staff/login"));
    let client = awc::Client::builder().disable_redirects().finish();
    let reply = client
        .post(format!("{}/staff/records/areas", app.address))
        .send_form(&[("name", "Anonymous area")])
        .await
        .unwrap();
    assert_eq!(reply.status().as_u16(), 303);
    assert_eq!(count(&app, "focus_areas"), before);
}

#[actix_web::test]
async fn a_form_without_the_session_s_csrf_token_is_refused() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;
    let before = count(&app, "focus_areas");
    let mut form = staff
        .form("/staff/records/areas/new", "/staff/records/areas")
        .await;
    form.set("name", "Forged area");

    form.remove("csrf_token");
    assert_eq!(
        staff.post_form("/staff/records/areas", &form).await.status,
        403
    );
    form.set("csrf_token", "not-the-token");
    assert_eq!(
        staff.post_form("/staff/records/areas", &form).await.status,
        403
    );
    assert_eq!(count(&app, "focus_areas"), before);
}

#[actix_web::test]
async fn a_stale_form_is_a_conflict_that_saves_nothing() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;
    let created = create(&staff, "areas", &[("name", "Ocean Science")]).await;
    let (mut first, action) = edit_form(&staff, &location(&created)).await;
    let (mut second, _) = edit_form(&staff, &location(&created)).await;

    first.set("description", "Saved first.");
    assert_eq!(staff.post_form(&action, &first).await.status, 303);
    second.set("description", "Saved second.");
    let conflict = staff.post_form(&action, &second).await;

    assert_eq!(conflict.status, 409);
    assert!(conflict.body.contains("Saved first."));
    assert!(conflict.body.contains("Saved second."));
    let page = app.page("/areas/ocean-science").await;
    assert!(page.body.contains("Saved first."));
    assert!(!page.body.contains("Saved second."));
    assert_eq!(audit_summaries(&app, "area").len(), 2);
}

#[actix_web::test]
async fn a_form_sent_twice_creates_one_record() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;
    let before = count(&app, "focus_areas");
    let mut form = staff
        .form("/staff/records/areas/new", "/staff/records/areas")
        .await;
    form.set("name", "Marine Biotechnology");

    let first = staff.post_form("/staff/records/areas", &form).await;
    let second = staff.post_form("/staff/records/areas", &form).await;

    assert_eq!(first.status, 303);
    assert_eq!(second.status, 303);
    let first_location = location(&first);
    let edit = first_location.split('?').next().unwrap();
    assert_eq!(location(&second), format!("{edit}?done=repeated"));
    assert_eq!(count(&app, "focus_areas"), before + 1);
    assert!(app.get("/areas/marine-biotechnology-2").await.status == 404);
}

#[actix_web::test]
async fn the_staff_lists_search_and_page_through_a_collection() {
    let app = TestApp::spawn().await;
    let staff = editor(&app).await;

    let index = staff.get("/staff/records").await;
    assert_eq!(index.status, 200);
    for collection in [
        "agreements",
        "meetings",
        "delegations",
        "mous",
        "organisations",
        "people",
        "areas",
    ] {
        assert!(index.links_to(&format!("/staff/records/{collection}")));
        assert!(index.links_to(&format!("/staff/records/{collection}/new")));
    }

    let found = staff.get("/staff/records/organisations?q=mimos").await;
    assert_eq!(found.status, 200);
    assert!(found.links_to("/organisations/mimos"));
    assert!(!found.links_to("/organisations/cetc"));
    let literal = staff.get("/staff/records/organisations?q=%25").await;
    assert_eq!(literal.status, 200);
    assert!(literal.body.contains("Nothing matches"));

    for n in 0..25 {
        let reply = create(&staff, "areas", &[("name", &format!("Test area {n:02}"))]).await;
        assert_eq!(reply.status, 303);
    }
    let first = staff.get("/staff/records/areas?q=test+area").await;
    assert_eq!(first.texts("tbody tr").len(), 20);
    let next = staff.get("/staff/records/areas?q=test+area&page=2").await;
    assert_eq!(next.texts("tbody tr").len(), 5);
    assert!(first.links_to("/staff/records/areas?q=test+area&page=2"));
    assert_eq!(staff.get("/staff/records/areas?page=0").await.status, 400);
}
