// The tables of `migrations/`, as diesel sees them (the shape `diesel print-schema` prints).

diesel::table! {
    countries (id) {
        id -> Integer,
        code -> Text,
        slug -> Text,
        name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name_ms -> Nullable<Text>,
        name_zh -> Nullable<Text>,
    }
}

diesel::table! {
    focus_areas (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        description -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        name_ms -> Nullable<Text>,
        name_zh -> Nullable<Text>,
        description_ms -> Nullable<Text>,
        description_zh -> Nullable<Text>,
    }
}

diesel::table! {
    organisations (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        short_name -> Nullable<Text>,
        country_id -> Integer,
        kind -> Text,
        website -> Nullable<Text>,
        description -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        name_ms -> Nullable<Text>,
        name_zh -> Nullable<Text>,
        description_ms -> Nullable<Text>,
        description_zh -> Nullable<Text>,
    }
}

diesel::table! {
    people (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        country_id -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        name_ms -> Nullable<Text>,
        name_zh -> Nullable<Text>,
    }
}

diesel::table! {
    appointments (id) {
        id -> Integer,
        person_id -> Integer,
        title -> Text,
        organisation_id -> Nullable<Integer>,
        starts_on -> Nullable<Text>,
        ends_on -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        title_ms -> Nullable<Text>,
        title_zh -> Nullable<Text>,
    }
}

diesel::table! {
    agreements (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        signed_on -> Nullable<Text>,
        signed_at -> Nullable<Text>,
        summary -> Text,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        title_ms -> Nullable<Text>,
        title_zh -> Nullable<Text>,
        signed_at_ms -> Nullable<Text>,
        signed_at_zh -> Nullable<Text>,
        summary_ms -> Nullable<Text>,
        summary_zh -> Nullable<Text>,
    }
}

diesel::table! {
    agreement_parties (agreement_id, country_id) {
        agreement_id -> Integer,
        country_id -> Integer,
    }
}

diesel::table! {
    agreement_signatories (agreement_id, person_id) {
        agreement_id -> Integer,
        person_id -> Integer,
    }
}

diesel::table! {
    agreement_areas (agreement_id, area_id) {
        agreement_id -> Integer,
        area_id -> Integer,
    }
}

diesel::table! {
    agreement_status_events (id) {
        id -> Integer,
        agreement_id -> Integer,
        status -> Text,
        occurred_on -> Nullable<Text>,
        note -> Text,
        created_at -> Timestamp,
        note_ms -> Nullable<Text>,
        note_zh -> Nullable<Text>,
    }
}

diesel::table! {
    meetings (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        joint_body -> Text,
        ordinal -> Nullable<Integer>,
        agreement_id -> Nullable<Integer>,
        held_on -> Nullable<Text>,
        place -> Nullable<Text>,
        summary -> Text,
        outcomes -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        title_ms -> Nullable<Text>,
        title_zh -> Nullable<Text>,
        joint_body_ms -> Nullable<Text>,
        joint_body_zh -> Nullable<Text>,
        place_ms -> Nullable<Text>,
        place_zh -> Nullable<Text>,
        summary_ms -> Nullable<Text>,
        summary_zh -> Nullable<Text>,
        outcomes_ms -> Nullable<Text>,
        outcomes_zh -> Nullable<Text>,
    }
}

diesel::table! {
    meeting_co_chairs (meeting_id, person_id) {
        meeting_id -> Integer,
        person_id -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    meeting_organisations (meeting_id, organisation_id) {
        meeting_id -> Integer,
        organisation_id -> Integer,
    }
}

diesel::table! {
    meeting_areas (meeting_id, area_id) {
        meeting_id -> Integer,
        area_id -> Integer,
    }
}

diesel::table! {
    delegations (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        leader_id -> Nullable<Integer>,
        from_country_id -> Integer,
        host_country_id -> Integer,
        starts_on -> Date,
        ends_on -> Date,
        purpose -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        title_ms -> Nullable<Text>,
        title_zh -> Nullable<Text>,
        purpose_ms -> Nullable<Text>,
        purpose_zh -> Nullable<Text>,
    }
}

diesel::table! {
    delegation_members (delegation_id, person_id) {
        delegation_id -> Integer,
        person_id -> Integer,
        role -> Text,
        role_ms -> Nullable<Text>,
        role_zh -> Nullable<Text>,
    }
}

diesel::table! {
    delegation_areas (delegation_id, area_id) {
        delegation_id -> Integer,
        area_id -> Integer,
    }
}

diesel::table! {
    itinerary_stops (id) {
        id -> Integer,
        delegation_id -> Integer,
        position -> Integer,
        title -> Text,
        stop_on -> Nullable<Text>,
        place -> Nullable<Text>,
        organisation_id -> Nullable<Integer>,
        meeting_id -> Nullable<Integer>,
        event_name -> Nullable<Text>,
        summary -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        title_ms -> Nullable<Text>,
        title_zh -> Nullable<Text>,
        place_ms -> Nullable<Text>,
        place_zh -> Nullable<Text>,
        event_name_ms -> Nullable<Text>,
        event_name_zh -> Nullable<Text>,
        summary_ms -> Nullable<Text>,
        summary_zh -> Nullable<Text>,
    }
}

diesel::table! {
    mous (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        signed_on -> Nullable<Text>,
        place -> Nullable<Text>,
        meeting_id -> Nullable<Integer>,
        itinerary_stop_id -> Nullable<Integer>,
        purpose -> Text,
        status -> Text,
        valid_until -> Nullable<Date>,
        renews_mou_id -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        title_ms -> Nullable<Text>,
        title_zh -> Nullable<Text>,
        place_ms -> Nullable<Text>,
        place_zh -> Nullable<Text>,
        purpose_ms -> Nullable<Text>,
        purpose_zh -> Nullable<Text>,
        party_ids -> Text,
    }
}

diesel::table! {
    mou_parties (mou_id, organisation_id) {
        mou_id -> Integer,
        organisation_id -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    mou_witnesses (mou_id, person_id) {
        mou_id -> Integer,
        person_id -> Integer,
    }
}

diesel::table! {
    mou_areas (mou_id, area_id) {
        mou_id -> Integer,
        area_id -> Integer,
    }
}

diesel::table! {
    mou_status_events (id) {
        id -> Integer,
        mou_id -> Integer,
        status -> Text,
        occurred_on -> Nullable<Text>,
        note -> Text,
        created_at -> Timestamp,
        note_ms -> Nullable<Text>,
        note_zh -> Nullable<Text>,
    }
}

diesel::table! {
    documents (id) {
        id -> Integer,
        agreement_id -> Nullable<Integer>,
        mou_id -> Nullable<Integer>,
        title -> Text,
        file_name -> Text,
        media_type -> Text,
        byte_size -> Integer,
        sha256 -> Text,
        created_at -> Timestamp,
        title_ms -> Nullable<Text>,
        title_zh -> Nullable<Text>,
    }
}

diesel::table! {
    users (id) {
        id -> Integer,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Integer,
        token_hash -> Text,
        user_id -> Integer,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Integer,
        user_id -> Nullable<Integer>,
        occurred_at -> Timestamp,
        action -> Text,
        entity -> Text,
        entity_id -> Nullable<Integer>,
        summary -> Text,
    }
}

diesel::table! {
    statements (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        summary -> Text,
        dateline -> Nullable<Text>,
        body_markdown -> Text,
        body_html -> Text,
        renderer_version -> Integer,
        language -> Text,
        status -> Text,
        publish_at -> Nullable<Timestamp>,
        published_at -> Nullable<Timestamp>,
        withdrawn_reason -> Nullable<Text>,
        author_id -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        /// The body's words without markup (`markdown::plain_text`), for search.
        body_text -> Nullable<Text>,
    }
}

diesel::table! {
    statement_revisions (id) {
        id -> Integer,
        statement_id -> Integer,
        number -> Integer,
        title -> Text,
        summary -> Text,
        body_markdown -> Text,
        body_html -> Text,
        renderer_version -> Integer,
        change_note -> Text,
        published_at -> Nullable<Timestamp>,
        author_id -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    statement_subjects (id) {
        id -> Integer,
        statement_id -> Integer,
        agreement_id -> Nullable<Integer>,
        meeting_id -> Nullable<Integer>,
        delegation_id -> Nullable<Integer>,
        mou_id -> Nullable<Integer>,
        organisation_id -> Nullable<Integer>,
        person_id -> Nullable<Integer>,
        area_id -> Nullable<Integer>,
    }
}

diesel::table! {
    form_submissions (token) {
        token -> Text,
        user_id -> Integer,
        location -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    signing_keys (purpose) {
        purpose -> Text,
        secret -> Binary,
        created_at -> Timestamp,
    }
}

// One row per public record, kept by triggers; the FTS5 indexes `search_words` and
// `search_trigrams` read it and are queried only through `db::search`.
diesel::table! {
    search_documents (id) {
        id -> Integer,
        kind -> Text,
        record_id -> Integer,
        slug -> Text,
        title -> Text,
        title_ms -> Text,
        title_zh -> Text,
        body -> Text,
        body_ms -> Text,
        body_zh -> Text,
        names -> Text,
        language -> Text,
    }
}

diesel::joinable!(organisations -> countries (country_id));
diesel::joinable!(people -> countries (country_id));
diesel::joinable!(appointments -> people (person_id));
diesel::joinable!(appointments -> organisations (organisation_id));
diesel::joinable!(agreement_parties -> agreements (agreement_id));
diesel::joinable!(agreement_parties -> countries (country_id));
diesel::joinable!(agreement_signatories -> agreements (agreement_id));
diesel::joinable!(agreement_signatories -> people (person_id));
diesel::joinable!(agreement_areas -> agreements (agreement_id));
diesel::joinable!(agreement_areas -> focus_areas (area_id));
diesel::joinable!(agreement_status_events -> agreements (agreement_id));
diesel::joinable!(meetings -> agreements (agreement_id));
diesel::joinable!(meeting_co_chairs -> meetings (meeting_id));
diesel::joinable!(meeting_co_chairs -> people (person_id));
diesel::joinable!(meeting_organisations -> meetings (meeting_id));
diesel::joinable!(meeting_organisations -> organisations (organisation_id));
diesel::joinable!(meeting_areas -> meetings (meeting_id));
diesel::joinable!(meeting_areas -> focus_areas (area_id));
diesel::joinable!(delegations -> people (leader_id));
diesel::joinable!(delegation_members -> delegations (delegation_id));
diesel::joinable!(delegation_members -> people (person_id));
diesel::joinable!(delegation_areas -> delegations (delegation_id));
diesel::joinable!(delegation_areas -> focus_areas (area_id));
diesel::joinable!(itinerary_stops -> delegations (delegation_id));
diesel::joinable!(itinerary_stops -> organisations (organisation_id));
diesel::joinable!(itinerary_stops -> meetings (meeting_id));
diesel::joinable!(mous -> meetings (meeting_id));
diesel::joinable!(mous -> itinerary_stops (itinerary_stop_id));
diesel::joinable!(mou_parties -> mous (mou_id));
diesel::joinable!(mou_parties -> organisations (organisation_id));
diesel::joinable!(mou_witnesses -> mous (mou_id));
diesel::joinable!(mou_witnesses -> people (person_id));
diesel::joinable!(mou_areas -> mous (mou_id));
diesel::joinable!(mou_areas -> focus_areas (area_id));
diesel::joinable!(mou_status_events -> mous (mou_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(form_submissions -> users (user_id));
diesel::joinable!(audit_events -> users (user_id));
diesel::joinable!(statements -> users (author_id));
diesel::joinable!(statement_revisions -> statements (statement_id));
diesel::joinable!(statement_subjects -> statements (statement_id));
diesel::joinable!(statement_subjects -> agreements (agreement_id));
diesel::joinable!(statement_subjects -> meetings (meeting_id));
diesel::joinable!(statement_subjects -> delegations (delegation_id));
diesel::joinable!(statement_subjects -> mous (mou_id));
diesel::joinable!(statement_subjects -> organisations (organisation_id));
diesel::joinable!(statement_subjects -> people (person_id));
diesel::joinable!(statement_subjects -> focus_areas (area_id));
diesel::table! {
    statement_translations (statement_id, language) {
        statement_id -> Integer,
        language -> Text,
        title -> Text,
        summary -> Text,
        dateline -> Nullable<Text>,
        body_markdown -> Text,
        body_html -> Text,
        renderer_version -> Integer,
        body_text -> Nullable<Text>,
    }
}

diesel::table! {
    statement_revision_translations (revision_id, language) {
        revision_id -> Integer,
        language -> Text,
        title -> Text,
        summary -> Text,
        body_markdown -> Text,
        body_html -> Text,
        renderer_version -> Integer,
    }
}

diesel::joinable!(statement_translations -> statements (statement_id));
diesel::joinable!(statement_revision_translations -> statement_revisions (revision_id));
diesel::joinable!(documents -> agreements (agreement_id));
diesel::joinable!(documents -> mous (mou_id));

diesel::allow_tables_to_appear_in_same_query!(
    countries,
    focus_areas,
    organisations,
    people,
    appointments,
    agreements,
    agreement_parties,
    agreement_signatories,
    agreement_areas,
    agreement_status_events,
    meetings,
    meeting_co_chairs,
    meeting_organisations,
    meeting_areas,
    delegations,
    delegation_members,
    delegation_areas,
    itinerary_stops,
    mous,
    mou_parties,
    mou_witnesses,
    mou_areas,
    mou_status_events,
    documents,
    users,
    sessions,
    audit_events,
    statements,
    statement_revisions,
    statement_subjects,
    statement_translations,
    statement_revision_translations,
    form_submissions,
    search_documents,
    // A list of ids (`super::by_ids!`), which any query may read beside its tables.
    json_each,
);

diesel::table! {
    /// SQLite's `json_each` table-valued function, reading the JSON array bound to `json`.
    json_each (key) {
        key -> Integer,
        value -> Integer,
        json -> Text,
    }
}
