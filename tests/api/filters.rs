use crate::helpers::TestApp;
use diesel::prelude::*;
use sti_portal::db::schema::organisations;

#[actix_web::test]
async fn filters_combine_and_the_form_remembers_them() {
    let app = TestApp::spawn().await;

    let chips_in_china = app
        .page("/mous?area=microelectronics-and-semiconductors&country=CN")
        .await;
    let chips_with_cetc = app
        .page("/mous?area=microelectronics-and-semiconductors&organisation=cetc")
        .await;

    assert_eq!(
        chips_in_china.texts(".card__title"),
        vec![
            "MoU between MIMOS Berhad and China Electronics Technology Group Corporation",
            "MoU on semiconductor and microelectronics technology cooperation between Xiamen University, MIMOS and Xiamen University Malaysia",
        ]
    );
    assert_eq!(chips_with_cetc.texts(".card__title").len(), 1);
    assert_eq!(
        chips_in_china.texts("#filter-area option[selected]"),
        vec!["Microelectronics and semiconductors (2)"],
        "the chosen area shows how many records it holds with the other filters"
    );
    assert_eq!(
        chips_in_china.texts("#filter-country option[selected]"),
        vec!["China (2)"]
    );
}

#[actix_web::test]
async fn each_list_filters_by_year() {
    let app = TestApp::spawn().await;

    for (path, in_2024) in [
        ("/mous", 4),
        ("/delegations", 1),
        ("/meetings", 1),
        ("/statements", 1),
    ] {
        let this_year = app.page(&format!("{path}?year=2024")).await;
        let other_year = app.page(&format!("{path}?year=2019")).await;
        assert_eq!(
            this_year.texts(".cards > .card").len(),
            in_2024,
            "{path} in 2024"
        );
        assert!(
            other_year.texts(".cards > .card").is_empty(),
            "{path} in 2019"
        );
    }
    let agreements_2013 = app.page("/agreements?year=2013").await;
    assert_eq!(agreements_2013.texts(".card__title").len(), 1);
}

#[actix_web::test]
async fn filters_by_status_kind_and_country() {
    let app = TestApp::spawn().await;

    let signed = app.page("/mous?status=signed").await;
    let expired = app.page("/mous?status=expired").await;
    let malaysian_companies = app.page("/organisations?country=MY&kind=company").await;
    let people_at_mosti = app.page("/people?organisation=mosti").await;

    assert_eq!(signed.texts(".cards > .card").len(), 4);
    assert!(expired.texts(".cards > .card").is_empty());
    assert_eq!(
        malaysian_companies.texts(".card__title"),
        vec!["Gigafactory Malaysia Sdn Bhd (GMSB)"]
    );
    assert_eq!(
        people_at_mosti.texts(".card__title"),
        vec!["Chang Lih Kang"]
    );
}

#[actix_web::test]
async fn a_filter_that_matches_nothing_says_so_and_offers_a_way_back() {
    let app = TestApp::spawn().await;

    let page = app.page("/mous?status=terminated&area=blockchain").await;

    assert!(page.body.contains("Nothing matches these filters."));
    assert!(page.links_to("/mous"), "a link clears the filters");
}

#[actix_web::test]
async fn an_empty_portal_explains_that_nothing_is_published_yet() {
    let app = TestApp::spawn_empty().await;

    for path in ["/mous", "/statements", "/organisations"] {
        let page = app.page(path).await;
        assert!(page.body.contains("There is nothing here yet."), "{path}");
    }
    assert!(
        app.page("/")
            .await
            .body
            .contains("No statement has been published yet.")
    );
}

#[actix_web::test]
async fn pages_of_a_filtered_list_keep_the_filter_in_their_links() {
    let app = TestApp::spawn().await;
    let mut conn = app.connection();
    for n in 0..45 {
        diesel::insert_into(organisations::table)
            .values((
                organisations::slug.eq(format!("test-university-{n:02}")),
                organisations::name.eq(format!("Test University {n:02}")),
                organisations::country_id.eq(1),
                organisations::kind.eq("university"),
            ))
            .execute(&mut conn)
            .unwrap();
    }

    let first = app.page("/organisations?kind=university").await;
    let third = app.page("/organisations?kind=university&page=3").await;

    assert_eq!(first.texts(".results__count"), vec!["Showing 1–20 of 47"]);
    assert!(first.links_to("/organisations?kind=university&page=2"));
    assert!(first.links_to("/organisations?kind=university&page=3"));
    assert_eq!(third.texts(".cards > .card").len(), 7);
    assert_eq!(third.texts(".results__count"), vec!["Showing 41–47 of 47"]);
    assert!(third.links_to("/organisations?kind=university&page=2"));
    let first_names = first.texts(".card__title");
    let third_names = third.texts(".card__title");
    assert!(
        first_names.iter().all(|name| !third_names.contains(name)),
        "pages do not overlap"
    );
}

#[actix_web::test]
async fn each_filter_choice_shows_how_many_records_it_would_list() {
    let app = TestApp::spawn().await;

    let all = app.page("/mous").await;
    let in_china = app.page("/mous?country=CN").await;
    let malaysian = app.page("/organisations?country=MY").await;

    let areas = all.texts("#filter-area option");
    assert!(areas.contains(&"Microelectronics and semiconductors (2)".to_owned()));
    assert!(areas.contains(&"Electric vehicles (1)".to_owned()));
    assert!(areas.contains(&"Blockchain (0)".to_owned()));
    assert!(
        all.texts("#filter-status option")
            .contains(&"Signed (4)".to_owned())
    );
    assert!(
        all.texts("#filter-year option")
            .contains(&"2024 (4)".to_owned())
    );
    assert!(
        in_china
            .texts("#filter-country option")
            .contains(&"Malaysia (4)".to_owned()),
        "a country's count is what choosing it instead would list"
    );
    for kind in ["ministry", "university", "company", "other"] {
        let label = malaysian.texts(&format!("#filter-kind option[value={kind}]"))[0].clone();
        let listed = app
            .page(&format!("/organisations?country=MY&kind={kind}"))
            .await
            .texts(".cards > .card")
            .len();
        assert!(
            label.ends_with(&format!("({listed})")),
            "{label} keeps the country filter in its count"
        );
    }
    assert_eq!(
        all.texts("#filter-organisation option")[1],
        "BAIC Bluepark New Energy Technology Co Ltd",
        "organisations, which grow without bound, are not counted"
    );
}

#[actix_web::test]
async fn a_filter_choice_counts_what_was_written_since_it_was_last_shown() {
    let app = TestApp::spawn().await;
    let areas = |page: &crate::helpers::Reply| page.texts("#filter-area option");
    assert!(areas(&app.page("/mous").await).contains(&"Blockchain (0)".to_owned()));

    let mut conn = app.connection();
    diesel::sql_query(
        "INSERT INTO mous (slug, title, signed_on, status) \
         VALUES ('blockchain-mou', 'MoU on blockchain', '2024-05', 'signed')",
    )
    .execute(&mut conn)
    .unwrap();
    diesel::sql_query(
        "INSERT INTO mou_areas (mou_id, area_id) SELECT mous.id, focus_areas.id \
         FROM mous, focus_areas WHERE mous.slug = 'blockchain-mou' AND focus_areas.slug = 'blockchain'",
    )
    .execute(&mut conn)
    .unwrap();

    assert!(areas(&app.page("/mous").await).contains(&"Blockchain (1)".to_owned()));
}

#[actix_web::test]
async fn with_many_organisations_the_filter_asks_for_one_by_name() {
    let app = TestApp::spawn().await;
    let mut conn = app.connection();
    for n in 0..101 {
        diesel::insert_into(organisations::table)
            .values((
                organisations::slug.eq(format!("test-agency-{n:03}")),
                organisations::name.eq(format!("Test Agency {n:03}")),
                organisations::country_id.eq(1),
                organisations::kind.eq("agency"),
            ))
            .execute(&mut conn)
            .unwrap();
    }

    let page = app.page("/mous?organisation=cetc").await;

    assert!(
        page.texts("select#filter-organisation").is_empty(),
        "no select of every organisation"
    );
    assert_eq!(
        page.hidden("organisation"),
        "cetc",
        "the typed value is kept"
    );
    assert_eq!(page.texts(".cards > .card").len(), 1);
}

#[actix_web::test]
async fn a_filter_choice_not_yet_translated_is_marked_with_its_language() {
    let app = TestApp::spawn().await;

    let chinese = app.page("/zh/mous").await;

    assert_eq!(
        chinese.texts("#filter-organisation option[value=mranti][lang=en]"),
        vec!["Malaysian Research Accelerator for Technology and Innovation"]
    );
    assert_eq!(
        chinese.texts("#filter-organisation option[value=cetc]:not([lang])"),
        vec!["中国电子科技集团有限公司"]
    );
}
