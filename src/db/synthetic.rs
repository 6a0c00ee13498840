//! A large, varied database for measuring the portal at scale: years of records with the links
//! between them. Every value is made up and reproducible (a fixed-seed generator).

use super::maintenance::{ServerLock, put_in_place};
use super::schema::*;
use super::{DbError, DbResult, MIGRATIONS, configure, connect, seed};
use crate::domain::markdown::{self, RENDERER_VERSION};
use crate::domain::{OrganisationKind, RecordStatus, StatementStatus};
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::MigrationHarness;
use std::collections::HashMap;
use std::path::Path;

/// How many of each record; `for_statements(100_000)` gives the proportions of a mature portal.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub statements: usize,
    pub mous: usize,
    pub organisations: usize,
    pub people: usize,
    pub delegations: usize,
    pub meetings: usize,
}

impl Sizes {
    pub fn for_statements(statements: usize) -> Self {
        Self {
            statements,
            mous: statements,
            organisations: (statements / 10).max(10),
            people: (statements / 20).max(10),
            delegations: (statements / 50).max(2),
            meetings: (statements / 100).max(2),
        }
    }
}

/// A xorshift generator: fast, and the same database every time.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn date(&mut self) -> NaiveDate {
        let day = self.below(365 * 13) as i64;
        NaiveDate::from_ymd_opt(2013, 10, 4).unwrap_or_default() + chrono::TimeDelta::days(day)
    }
}

const PLACES: &[&str] = &[
    "Penang",
    "Johor",
    "Selangor",
    "Sarawak",
    "Sabah",
    "Kedah",
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Xiamen",
    "Guangzhou",
    "Hangzhou",
    "Wuhan",
    "Chengdu",
    "Putrajaya",
    "Kuala Lumpur",
];
/// Fields of research, each in English, Malay and Chinese (by `Lang::index`).
const FIELDS: &[[&str; 3]] = &[
    ["Microelectronics", "Mikroelektronik", "微电子"],
    ["Advanced Materials", "Bahan Termaju", "先进材料"],
    ["Energy Storage", "Penyimpanan Tenaga", "储能"],
    ["Biotechnology", "Bioteknologi", "生物技术"],
    ["Space Science", "Sains Angkasa", "空间科学"],
    ["Artificial Intelligence", "Kecerdasan Buatan", "人工智能"],
    ["Marine Technology", "Teknologi Marin", "海洋技术"],
    ["Agritech", "Teknologi Pertanian", "农业科技"],
    ["Photonics", "Fotonik", "光子学"],
    ["Robotics", "Robotik", "机器人"],
    ["Vaccine Research", "Penyelidikan Vaksin", "疫苗研究"],
    ["Smart Manufacturing", "Pembuatan Pintar", "智能制造"],
    ["Blockchain", "Rantaian Blok", "区块链"],
    ["Green Hydrogen", "Hidrogen Hijau", "绿色氢能"],
    [
        "Semiconductor Design",
        "Reka Bentuk Semikonduktor",
        "半导体设计",
    ],
];

/// A field's name in English, for the names of made-up organisations, posts and MoUs.
fn field(random: &mut Random) -> &'static str {
    random.pick(FIELDS)[Lang::En.index()]
}

const KINDS_OF_BODY: &[&str] = &[
    "Institute of",
    "University of",
    "Centre for",
    "Academy of",
    "Laboratory for",
    "Corporation for",
];
const GIVEN: &[&str] = &[
    "Ahmad", "Siti", "Wei", "Li", "Nurul", "Chen", "Farah", "Zhang", "Hafiz", "Mei", "Arif",
    "Yong", "Aisyah", "Jun", "Kumar", "Lin",
];
const FAMILY: &[&str] = &[
    "Abdullah", "Wang", "Tan", "Liu", "Ismail", "Huang", "Lim", "Zhao", "Rahman", "Zhou", "Ong",
    "Sun", "Hassan", "Xu", "Ng", "Ma",
];
const EXTRA_AREAS: &[(&str, &str)] = &[
    ("biotechnology", "Biotechnology"),
    ("marine-technology", "Marine technology"),
    ("agritech", "Agricultural technology"),
    ("photonics", "Photonics"),
    ("robotics", "Robotics"),
    ("green-hydrogen", "Green hydrogen"),
    ("smart-manufacturing", "Smart manufacturing"),
    ("quantum-technology", "Quantum technology"),
    ("climate-science", "Climate science"),
];
const ENGLISH: &str = "The two sides agreed to deepen cooperation in research, innovation and the commercialisation of technology, with joint laboratories, exchanges of researchers and support for start-ups. ";
const MALAY: &str = "Kedua-dua pihak bersetuju untuk memperkukuh kerjasama dalam penyelidikan, inovasi dan pengkomersialan teknologi, termasuk makmal bersama dan pertukaran penyelidik. ";
const CHINESE: &str = "双方同意深化在科研、创新和技术商业化方面的合作，包括建立联合实验室、交流研究人员以及支持初创企业。";

/// A made-up statement's title in its own language.
fn statement_title(language: Lang, field: &str, n: usize) -> String {
    match language {
        Lang::En => format!("Statement on {field} cooperation no. {n}"),
        Lang::Ms => format!("Kenyataan mengenai kerjasama {field} no. {n}"),
        Lang::Zh => format!("关于{field}合作的声明（第{n}号）"),
    }
}

/// Makes a new database at `path` holding the demo records and `sizes` of made-up ones. Refused
/// when `path` already holds records.
///
/// The file is built beside `path` without a journal and then moved into place: nothing reads it
/// while it is made, an interrupted run leaves `path` as it was, and writing each page once
/// (rather than to the write-ahead log and then again to the file) halves the work.
pub fn create(path: &Path, sizes: Sizes, progress: impl FnMut(&str, usize)) -> DbResult<()> {
    let _lock = ServerLock::acquire(path)?;
    if path.exists() && !seed::is_empty(&mut connect(path)?)? {
        return Err(DbError::Connection(format!(
            "{} already holds records; generate into a new file",
            path.display()
        )));
    }
    let staging = path.with_extension("generating");
    if staging.exists() {
        std::fs::remove_file(&staging).map_err(|e| DbError::Connection(e.to_string()))?;
    }
    let mut conn = connect(&staging)?;
    configure(&mut conn, false)?;
    conn.batch_execute(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;",
    )?;
    conn.run_pending_migrations(MIGRATIONS)
        .map_err(|e| DbError::Migration(e.to_string()))?;
    conn.transaction(|conn| {
        seed::seed_demo_if_empty(conn)?;
        generate(conn, sizes, progress)
    })?;
    drop(conn);
    put_in_place(&staging, path)
}

/// Adds `sizes` of made-up records to the database (which should hold the demo records, so
/// that countries exist). Calls `progress` as each collection is done.
pub fn generate(
    conn: &mut SqliteConnection,
    sizes: Sizes,
    mut progress: impl FnMut(&str, usize),
) -> DbResult<()> {
    // The whole generation is one transaction of several GB: with SQLite's default cache of 2 MB,
    // every index update would read its pages back from the disk. The search indexes, likewise,
    // write what they have gathered every 1 MB by default, and then merge those pieces again
    // and again.
    conn.batch_execute(&format!(
        "PRAGMA cache_size = -524288; {}",
        search_index_gathering(SEARCH_INDEX_GATHERED_BYTES)
    ))?;
    let mut random = Random(0x5EED_2013_1004);
    let countries: Vec<i32> = countries::table.select(countries::id).load(conn)?;
    let now = chrono::Utc::now().naive_utc();

    for (slug, name) in EXTRA_AREAS {
        diesel::insert_or_ignore_into(focus_areas::table)
            .values((focus_areas::slug.eq(slug), focus_areas::name.eq(name)))
            .execute(conn)?;
    }
    let areas: Vec<i32> = focus_areas::table.select(focus_areas::id).load(conn)?;

    let kinds = OrganisationKind::ALL;
    let rows: Vec<_> = (0..sizes.organisations)
        .map(|n| {
            let name = format!(
                "{} {} {} {n}",
                random.pick(PLACES),
                random.pick(KINDS_OF_BODY),
                field(&mut random)
            );
            (
                organisations::slug.eq(format!("synthetic-organisation-{n}")),
                organisations::name.eq(name),
                organisations::country_id.eq(*random.pick(&countries)),
                organisations::kind.eq(*random.pick(kinds)),
                organisations::description
                    .eq("A made-up organisation for measuring the portal at scale."),
            )
        })
        .collect();
    for chunk in rows.chunks(2_000) {
        diesel::insert_into(organisations::table)
            .values(chunk)
            .execute(conn)?;
    }
    let organisations: Vec<i32> = organisations::table.select(organisations::id).load(conn)?;
    progress("organisations", sizes.organisations);

    let rows: Vec<_> = (0..sizes.people)
        .map(|n| {
            (
                people::slug.eq(format!("synthetic-person-{n}")),
                people::name.eq(format!(
                    "{} {} {n}",
                    random.pick(GIVEN),
                    random.pick(FAMILY)
                )),
                people::country_id.eq(*random.pick(&countries)),
            )
        })
        .collect();
    for chunk in rows.chunks(3_000) {
        diesel::insert_into(people::table)
            .values(chunk)
            .execute(conn)?;
    }
    let people: Vec<i32> = people::table.select(people::id).load(conn)?;
    let appointments: Vec<_> = people
        .iter()
        .map(|person| {
            (
                appointments::person_id.eq(*person),
                appointments::title.eq(format!("Director of {}", field(&mut random))),
                appointments::organisation_id.eq(Some(*random.pick(&organisations))),
                appointments::starts_on.eq(Some(random.date().format("%Y-%m").to_string())),
            )
        })
        .collect();
    for chunk in appointments.chunks(2_000) {
        diesel::insert_into(appointments::table)
            .values(chunk)
            .execute(conn)?;
    }
    progress("people", sizes.people);

    let agreement: Option<i32> = agreements::table
        .select(agreements::id)
        .first(conn)
        .optional()?;
    for n in 0..sizes.meetings {
        let held = random.date();
        let id: i32 = diesel::insert_into(meetings::table)
            .values((
                meetings::slug.eq(format!("synthetic-meeting-{n}")),
                meetings::title.eq(format!(
                    "Joint working group on {} — session {}",
                    field(&mut random),
                    n + 1
                )),
                meetings::joint_body.eq("Joint working group"),
                meetings::ordinal.eq(Some(n as i32 + 1)),
                meetings::agreement_id.eq(agreement),
                meetings::held_on.eq(Some(held.format("%Y-%m-%d").to_string())),
                meetings::place.eq(Some(*random.pick(PLACES))),
                meetings::summary.eq("A made-up meeting."),
            ))
            .returning(meetings::id)
            .get_result(conn)?;
        for (position, person) in [*random.pick(&people), *random.pick(&people)]
            .into_iter()
            .enumerate()
        {
            diesel::insert_or_ignore_into(meeting_co_chairs::table)
                .values((
                    meeting_co_chairs::meeting_id.eq(id),
                    meeting_co_chairs::person_id.eq(person),
                    meeting_co_chairs::position.eq(position as i32),
                ))
                .execute(conn)?;
        }
        for organisation in [*random.pick(&organisations), *random.pick(&organisations)] {
            diesel::insert_or_ignore_into(meeting_organisations::table)
                .values((
                    meeting_organisations::meeting_id.eq(id),
                    meeting_organisations::organisation_id.eq(organisation),
                ))
                .execute(conn)?;
        }
        for area in [*random.pick(&areas), *random.pick(&areas)] {
            diesel::insert_or_ignore_into(meeting_areas::table)
                .values((
                    meeting_areas::meeting_id.eq(id),
                    meeting_areas::area_id.eq(area),
                ))
                .execute(conn)?;
        }
    }
    progress("meetings", sizes.meetings);

    let mut stops = Vec::new();
    for n in 0..sizes.delegations {
        let starts = random.date();
        let (from, host) = (*random.pick(&countries), *random.pick(&countries));
        let id: i32 = diesel::insert_into(delegations::table)
            .values((
                delegations::slug.eq(format!("synthetic-delegation-{n}")),
                delegations::title.eq(format!(
                    "Visit on {} to {}",
                    field(&mut random),
                    random.pick(PLACES)
                )),
                delegations::leader_id.eq(Some(*random.pick(&people))),
                delegations::from_country_id.eq(from),
                delegations::host_country_id.eq(host),
                delegations::starts_on.eq(starts),
                delegations::ends_on.eq(starts + chrono::TimeDelta::days(random.below(6) as i64)),
                delegations::purpose.eq("A made-up visit."),
            ))
            .returning(delegations::id)
            .get_result(conn)?;
        for person in [*random.pick(&people), *random.pick(&people)] {
            diesel::insert_or_ignore_into(delegation_members::table)
                .values((
                    delegation_members::delegation_id.eq(id),
                    delegation_members::person_id.eq(person),
                ))
                .execute(conn)?;
        }
        diesel::insert_or_ignore_into(delegation_areas::table)
            .values((
                delegation_areas::delegation_id.eq(id),
                delegation_areas::area_id.eq(*random.pick(&areas)),
            ))
            .execute(conn)?;
        for position in 1..=3 {
            let stop: i32 = diesel::insert_into(itinerary_stops::table)
                .values((
                    itinerary_stops::delegation_id.eq(id),
                    itinerary_stops::position.eq(position),
                    itinerary_stops::title.eq(format!("Stop {position}")),
                    itinerary_stops::place.eq(Some(*random.pick(PLACES))),
                    itinerary_stops::organisation_id.eq(Some(*random.pick(&organisations))),
                ))
                .returning(itinerary_stops::id)
                .get_result(conn)?;
            stops.push(stop);
        }
    }
    progress("delegations", sizes.delegations);

    let statuses = [
        RecordStatus::Signed,
        RecordStatus::Signed,
        RecordStatus::InForce,
        RecordStatus::Expired,
        RecordStatus::Renewed,
    ];
    let mous: Vec<_> = (0..sizes.mous)
        .map(|n| {
            let signed = random.date();
            let signed_on = match random.below(4) {
                0 => signed.format("%Y-%m").to_string(),
                _ => signed.format("%Y-%m-%d").to_string(),
            };
            (
                mous::slug.eq(format!("synthetic-mou-{n}")),
                mous::title.eq(format!(
                    "MoU on {} between {} partners, no. {n}",
                    field(&mut random),
                    random.pick(PLACES)
                )),
                mous::signed_on.eq(Some(signed_on)),
                mous::place.eq(Some(*random.pick(PLACES))),
                mous::itinerary_stop_id.eq(if stops.is_empty() || random.below(10) > 0 {
                    None
                } else {
                    Some(*random.pick(&stops))
                }),
                mous::purpose.eq("Joint research, exchanges and the commercialisation of results."),
                mous::status.eq(*random.pick(&statuses)),
            )
        })
        .collect();
    let first_new_mou: i32 = mous::table
        .select(diesel::dsl::max(mous::id))
        .first::<Option<i32>>(conn)?
        .unwrap_or(0)
        + 1;
    for chunk in mous.chunks(2_000) {
        diesel::insert_into(mous::table)
            .values(chunk)
            .execute(conn)?;
    }
    let mou_ids: Vec<i32> = mous::table
        .filter(mous::id.ge(first_new_mou))
        .select(mous::id)
        .load(conn)?;
    let mut parties = Vec::new();
    let mut mou_area_rows = Vec::new();
    let mut witnesses = Vec::new();
    for mou in &mou_ids {
        let count = 2 + random.below(3);
        let mut chosen: Vec<i32> = Vec::new();
        while chosen.len() < count {
            let organisation = *random.pick(&organisations);
            if !chosen.contains(&organisation) {
                chosen.push(organisation);
            }
        }
        for (position, organisation) in chosen.into_iter().enumerate() {
            parties.push((
                mou_parties::mou_id.eq(*mou),
                mou_parties::organisation_id.eq(organisation),
                mou_parties::position.eq(position as i32),
            ));
        }
        mou_area_rows.push((
            mou_areas::mou_id.eq(*mou),
            mou_areas::area_id.eq(*random.pick(&areas)),
        ));
        witnesses.push((
            mou_witnesses::mou_id.eq(*mou),
            mou_witnesses::person_id.eq(*random.pick(&people)),
        ));
    }
    for chunk in parties.chunks(5_000) {
        diesel::insert_into(mou_parties::table)
            .values(chunk)
            .execute(conn)?;
    }
    for chunk in mou_area_rows.chunks(5_000) {
        diesel::insert_or_ignore_into(mou_areas::table)
            .values(chunk)
            .execute(conn)?;
    }
    for chunk in witnesses.chunks(5_000) {
        diesel::insert_into(mou_witnesses::table)
            .values(chunk)
            .execute(conn)?;
    }
    progress("mous", sizes.mous);

    let first_new_statement: i32 = statements::table
        .select(diesel::dsl::max(statements::id))
        .first::<Option<i32>>(conn)?
        .unwrap_or(0)
        + 1;
    // Bodies are made of a few sentences repeated, so most are the same as an earlier one.
    let mut rendered: HashMap<String, (String, String)> = HashMap::new();
    for start in (0..sizes.statements).step_by(1_000) {
        let batch: Vec<(String, String, String, Lang, NaiveDateTime, StatementStatus)> = (start
            ..(start + 1_000).min(sizes.statements))
            .map(|n| {
                let (language, sentence) = match random.below(10) {
                    0 => (Lang::Ms, MALAY),
                    1 => (Lang::Zh, CHINESE),
                    _ => (Lang::En, ENGLISH),
                };
                let paragraphs = 1 + random.below(8);
                let mut body = format!("## {}\n\n", random.pick(FIELDS)[language.index()]);
                for _ in 0..paragraphs {
                    body.push_str(&sentence.repeat(1 + 1_000 / sentence.len()));
                    body.push_str("\n\n");
                }
                let published = random.date().and_hms_opt(8, 0, 0).unwrap_or_default();
                let status = if random.below(50) == 0 {
                    StatementStatus::Withdrawn
                } else {
                    StatementStatus::Published
                };
                (
                    format!("synthetic-statement-{n}"),
                    statement_title(language, random.pick(FIELDS)[language.index()], n),
                    body,
                    language,
                    published,
                    status,
                )
            })
            .collect();
        let rows: Vec<_> = batch
            .iter()
            .map(|(slug, title, body, language, published, status)| {
                let (html, text) = rendered
                    .entry(body.clone())
                    .or_insert_with(|| (markdown::render(body), markdown::plain_text(body)))
                    .clone();
                (
                    statements::slug.eq(slug.clone()),
                    statements::title.eq(title.clone()),
                    statements::summary
                        .eq("A made-up statement for measuring the portal at scale."),
                    statements::body_markdown.eq(body.clone()),
                    statements::body_html.eq(html),
                    statements::body_text.eq(text),
                    statements::renderer_version.eq(RENDERER_VERSION),
                    statements::language.eq(*language),
                    statements::status.eq(*status),
                    statements::published_at.eq(Some(*published)),
                    statements::withdrawn_reason
                        .eq((*status == StatementStatus::Withdrawn).then_some("Issued in error.")),
                    statements::created_at.eq(now),
                    statements::updated_at.eq(*published),
                )
            })
            .collect();
        for chunk in rows.chunks(250) {
            diesel::insert_into(statements::table)
                .values(chunk)
                .execute(conn)?;
        }
        if (start + 1_000) % 10_000 == 0 || start + 1_000 >= sizes.statements {
            progress("statements", (start + 1_000).min(sizes.statements));
        }
    }
    let statement_ids: Vec<(i32, String, String, String, Option<NaiveDateTime>)> =
        statements::table
            .filter(statements::id.ge(first_new_statement))
            .select((
                statements::id,
                statements::title,
                statements::body_markdown,
                statements::body_html,
                statements::published_at,
            ))
            .load(conn)?;
    for chunk in statement_ids.chunks(250) {
        let revisions: Vec<_> = chunk
            .iter()
            .map(|(id, title, body, html, published)| {
                (
                    statement_revisions::statement_id.eq(*id),
                    statement_revisions::number.eq(1),
                    statement_revisions::title.eq(title.clone()),
                    statement_revisions::body_markdown.eq(body.clone()),
                    statement_revisions::body_html.eq(html.clone()),
                    statement_revisions::renderer_version.eq(RENDERER_VERSION),
                    statement_revisions::change_note.eq("First published."),
                    statement_revisions::published_at.eq(*published),
                )
            })
            .collect();
        diesel::insert_into(statement_revisions::table)
            .values(&revisions)
            .execute(conn)?;
        let mut subjects = Vec::new();
        for (id, ..) in chunk {
            let none = None::<i32>;
            if !mou_ids.is_empty() {
                let mou = Some(*random.pick(&mou_ids));
                subjects.push((
                    statement_subjects::statement_id.eq(*id),
                    statement_subjects::mou_id.eq(mou),
                    statement_subjects::organisation_id.eq(none),
                    statement_subjects::area_id.eq(none),
                ));
            }
            let organisation = Some(*random.pick(&organisations));
            subjects.push((
                statement_subjects::statement_id.eq(*id),
                statement_subjects::mou_id.eq(none),
                statement_subjects::organisation_id.eq(organisation),
                statement_subjects::area_id.eq(none),
            ));
            let area = Some(*random.pick(&areas));
            subjects.push((
                statement_subjects::statement_id.eq(*id),
                statement_subjects::mou_id.eq(none),
                statement_subjects::organisation_id.eq(none),
                statement_subjects::area_id.eq(area),
            ));
        }
        diesel::insert_into(statement_subjects::table)
            .values(&subjects)
            .execute(conn)?;
    }
    progress("revisions and links", statement_ids.len());
    // Written in bulk, the word index is dozens of segments, each of which a search opens for
    // every term; merged into one, a page of hits reads a third less. (The trigram index, ten
    // times the size, would take longer to merge than the rest of the generator.) The planner
    // needs the rough shape of each index, which a sample of each gives as well as reading all
    // of them.
    conn.batch_execute(&format!(
        "INSERT INTO search_words (search_words) VALUES ('optimize');
         {} PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA cache_size = -2000;",
        search_index_gathering(FTS5_DEFAULT_HASH_BYTES)
    ))?;
    Ok(())
}

const SEARCH_INDEX_GATHERED_BYTES: usize = 64 * 1024 * 1024;
const FTS5_DEFAULT_HASH_BYTES: usize = 1024 * 1024;

/// How much new text each search index gathers in memory before writing it (a setting kept in
/// the database).
fn search_index_gathering(bytes: usize) -> String {
    ["search_words", "search_trigrams"]
        .map(|index| format!("INSERT INTO {index} ({index}, rank) VALUES ('hashsize', {bytes});"))
        .concat()
}
