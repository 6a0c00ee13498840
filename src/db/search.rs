//! Full-text search over every public record and statement. The FTS5 `MATCH` syntax has no
//! diesel DSL, so the queries are written out here, with every value bound, never spliced.

use super::kept::{self, RecordKey};
use super::reference::{FilterChoices, filter_choices};
use super::{ContentVersion, Database, DbError, DbResult, Prepared, Reader, open_for_reading};
use crate::domain::{
    Highlighted, MARK_END, MARK_START, PAGE_SIZE, RecordKind, Search, SearchMode, SearchText,
};
use crate::i18n::Lang;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use std::path::Path;
use std::rc::Rc;
use std::sync::{Arc, mpsc};
use tokio::sync::oneshot;

/// How many characters of a body the substring scan shows around its first match.
const SCAN_SNIPPET_CHARS: usize = 160;
/// How many tokens FTS5 puts in a snippet.
const SNIPPET_TOKENS: i32 = 28;

#[derive(Debug, QueryableByName)]
struct Row {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    slug: String,
    #[diesel(sql_type = Text)]
    title: String,
    #[diesel(sql_type = Text)]
    title_language: String,
    /// A passage of the text in `language`, then of the Malay and the Chinese text.
    #[diesel(sql_type = Text)]
    passage: String,
    #[diesel(sql_type = Text)]
    passage_ms: String,
    #[diesel(sql_type = Text)]
    passage_zh: String,
    #[diesel(sql_type = Text)]
    language: String,
}

#[derive(Debug, QueryableByName)]
struct KindCount {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// One record found, with its title and a passage of its text, matches marked.
#[derive(Debug)]
pub struct Hit {
    pub kind: RecordKind,
    pub slug: String,
    pub title: Highlighted,
    /// The language the title is in: the reader's where the record has it.
    pub title_lang: Lang,
    pub snippet: Highlighted,
    /// The language the snippet is in: the reader's where it holds a match, or where nothing
    /// else does.
    pub snippet_lang: Lang,
}

impl Hit {
    pub fn href(&self) -> String {
        self.kind.page(&self.slug)
    }
}

/// A page of results, and how many records of each kind match (whatever kind was asked for).
#[derive(Debug, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub by_kind: Vec<(RecordKind, i64)>,
    /// Matches of the kind asked for, or of every kind: what the pager counts.
    pub total: i64,
}

/// The tables and expressions that differ between the ways of matching.
struct Plan {
    from: &'static str,
    /// The id of the document a row is about, as the query can look it up fastest.
    document: &'static str,
    matches: &'static str,
    title: &'static str,
    /// A passage of each language's text, as `passage`, `passage_ms` and `passage_zh`. Most
    /// statements have no Malay or Chinese text; not asking FTS5 for a passage of nothing saves
    /// a twentieth of a search page.
    passages: &'static str,
    order: &'static str,
}

fn plan(mode: SearchMode) -> Plan {
    match mode {
        SearchMode::Words => Plan {
            from: "search_words JOIN search_documents d ON d.id = search_words.rowid",
            document: "search_words.rowid",
            matches: "search_words MATCH ?1",
            title: "CASE WHEN ?11 = 'ms' AND d.title_ms <> '' THEN highlight(search_words, 1, ?2, ?3) \
                    WHEN ?11 = 'zh' AND d.title_zh <> '' THEN highlight(search_words, 2, ?2, ?3) \
                    ELSE highlight(search_words, 0, ?2, ?3) END",
            passages: "snippet(search_words, 3, ?2, ?3, '…', ?4) AS passage, \
                       CASE WHEN d.body_ms = '' THEN '' ELSE snippet(search_words, 4, ?2, ?3, '…', ?4) END AS passage_ms, \
                       CASE WHEN d.body_zh = '' THEN '' ELSE snippet(search_words, 5, ?2, ?3, '…', ?4) END AS passage_zh",
            order: "bm25(search_words, 10.0, 10.0, 10.0, 1.0, 1.0, 1.0, 1.0)",
        },
        SearchMode::Trigrams => Plan {
            from: "search_trigrams JOIN search_documents d ON d.id = search_trigrams.rowid",
            document: "search_trigrams.rowid",
            matches: "search_trigrams MATCH ?1",
            title: "CASE WHEN ?11 = 'ms' AND d.title_ms <> '' THEN highlight(search_trigrams, 1, ?2, ?3) \
                    WHEN ?11 = 'zh' AND d.title_zh <> '' THEN highlight(search_trigrams, 2, ?2, ?3) \
                    ELSE highlight(search_trigrams, 0, ?2, ?3) END",
            passages: "snippet(search_trigrams, 3, ?2, ?3, '…', ?4) AS passage, \
                       CASE WHEN d.body_ms = '' THEN '' ELSE snippet(search_trigrams, 4, ?2, ?3, '…', ?4) END AS passage_ms, \
                       CASE WHEN d.body_zh = '' THEN '' ELSE snippet(search_trigrams, 5, ?2, ?3, '…', ?4) END AS passage_zh",
            order: "bm25(search_trigrams, 10.0, 10.0, 10.0, 1.0, 1.0, 1.0, 1.0)",
        },
        // Terms too short for trigrams: every term must occur in a title, a text or the names
        // (the terms arrive as one JSON array); titles that hold the first term come first.
        SearchMode::Substrings => Plan {
            from: "search_documents d",
            document: "d.id",
            matches: "NOT EXISTS (SELECT 1 FROM json_each(?1) t \
                      WHERE instr(lower(d.title || ' ' || d.title_ms || ' ' || d.title_zh || ' ' || d.body \
                      || ' ' || d.body_ms || ' ' || d.body_zh || ' ' || d.names), lower(t.value)) = 0) \
                      AND ?2 IS NOT NULL AND ?3 IS NOT NULL AND ?4 IS NOT NULL",
            title: "CASE WHEN ?11 = 'ms' AND d.title_ms <> '' THEN d.title_ms \
                    WHEN ?11 = 'zh' AND d.title_zh <> '' THEN d.title_zh ELSE d.title END",
            passages: "d.body AS passage, d.body_ms AS passage_ms, d.body_zh AS passage_zh",
            order: "instr(lower(d.title || ' ' || d.title_ms || ' ' || d.title_zh), \
                    lower(json_extract(?1, '$[0]'))) = 0, d.kind, d.title",
        },
    }
}

/// The filters every query shares: ?5 area slug, ?6 country code, ?7 year, each NULL when unset.
const FILTERS: &str = "
    AND (?5 IS NULL OR EXISTS (SELECT 1 FROM record_areas ra JOIN focus_areas fa ON fa.id = ra.area_id
         WHERE ra.kind = d.kind AND ra.record_id = d.record_id AND fa.slug = ?5))
    AND (?6 IS NULL OR EXISTS (SELECT 1 FROM record_countries rc JOIN countries c ON c.id = rc.country_id
         WHERE rc.kind = d.kind AND rc.record_id = d.record_id AND c.code = ?6))
    AND (?7 IS NULL OR EXISTS (SELECT 1 FROM record_dates rd
         WHERE rd.kind = d.kind AND rd.record_id = d.record_id AND substr(rd.on_date, 1, 4) = ?7))";

fn query_text(text: &SearchText) -> String {
    match text.mode() {
        SearchMode::Substrings => serde_json::to_string(text.terms()).unwrap_or_default(),
        SearchMode::Words | SearchMode::Trigrams => text.match_expression(),
    }
}

/// Binds ?1 to ?7, the parameters every query takes.
macro_rules! bind_common {
    ($query:expr, $text:expr, $search:expr) => {
        $query
            .bind::<Text, _>(query_text($text))
            .bind::<Text, _>(MARK_START.to_string())
            .bind::<Text, _>(MARK_END.to_string())
            .bind::<diesel::sql_types::Integer, _>(SNIPPET_TOKENS)
            .bind::<Nullable<Text>, _>($search.filter.area.as_ref().map(|a| a.to_string()))
            .bind::<Nullable<Text>, _>($search.filter.country.map(|c| c.to_string()))
            .bind::<Nullable<Text>, _>($search.filter.year.map(|y| y.value().to_string()))
    };
}

/// How many records of each kind match `text` under the search's filters.
fn count_by_kind(
    conn: &mut SqliteConnection,
    text: &SearchText,
    search: &Search,
) -> DbResult<Vec<(RecordKind, i64)>> {
    let plan = plan(text.mode());
    let sql = format!(
        "SELECT d.kind AS kind, count(*) AS count FROM {} WHERE {} {FILTERS} GROUP BY d.kind",
        plan.from, plan.matches
    );
    let rows: Vec<KindCount> =
        Prepared(bind_common!(diesel::sql_query(sql), text, search)).load(conn)?;
    let mut counts: Vec<(RecordKind, i64)> = RecordKind::ALL
        .iter()
        .filter_map(|kind| {
            rows.iter()
                .find(|row| row.kind == kind.as_str())
                .map(|row| (*kind, row.count))
        })
        .collect();
    counts.retain(|(_, count)| *count > 0);
    Ok(counts)
}

/// The language a hit's title is shown in: the reader's, where the record has a title in it.
const TITLE_LANGUAGE: &str = "CASE WHEN ?11 = 'ms' AND d.title_ms <> '' THEN 'ms' \
     WHEN ?11 = 'zh' AND d.title_zh <> '' THEN 'zh' ELSE d.language END";

#[derive(Debug, QueryableByName)]
struct Match {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = Text)]
    kind: String,
}

/// Every document that matches a search, best first, with its kind, and how many there are of
/// each kind; for a search of several words that finds nothing, how much each word finds alone.
struct Ranked {
    matches: Vec<RecordKey>,
    by_kind: Vec<(RecordKind, i64)>,
    single_terms: Vec<(SearchText, i64)>,
}

impl Ranked {
    fn bytes(&self) -> usize {
        self.matches.len() * std::mem::size_of::<RecordKey>()
    }
}

/// What a search's ranking is kept under: its words, how they are matched, and its filters.
fn ranking_key(search: &Search) -> kept::Key {
    let text = &search.text;
    (
        "search",
        format!(
            "{:?} {} {}",
            text.mode(),
            query_text(text),
            search.filter.query_string_for_page(1)
        ),
    )
}

/// Ranks every match of `search`, which reads all of them (most of the portal, for a word as
/// common as "research").
fn rank(conn: &mut SqliteConnection, search: &Search) -> DbResult<Ranked> {
    let text = &search.text;
    let plan = plan(text.mode());
    let sql = format!(
        "SELECT d.id AS id, d.kind AS kind FROM {} WHERE {} {FILTERS} ORDER BY {}, d.id",
        plan.from, plan.matches, plan.order
    );
    let rows: Vec<Match> =
        Prepared(bind_common!(diesel::sql_query(sql), text, search)).load(conn)?;
    let matches: Vec<RecordKey> = rows
        .into_iter()
        .filter_map(|row| RecordKey::new(RecordKind::parse(&row.kind).ok()?, row.id))
        .collect();
    let by_kind = RecordKind::ALL
        .iter()
        .map(|kind| {
            let count = matches.iter().filter(|key| key.kind() == *kind).count();
            (*kind, count as i64)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    let single_terms = if matches.is_empty() {
        single_term_counts(conn, search)?
    } else {
        Vec::new()
    };
    Ok(Ranked {
        matches,
        by_kind,
        single_terms,
    })
}

/// How many searches may wait for the ranking thread; more are refused (`DbError::Busy`) rather
/// than left to wait longer and longer. Many readers asking for the same search at once (a
/// popular one, just after a change) are answered in microseconds after the first, from what
/// the thread keeps, so the room is for the distinct ones.
const RANKINGS_WAITING: usize = 256;

type RankingJob = (Search, oneshot::Sender<DbResult<Ranking>>);

/// A search's ranking as the ranking thread read it, and the content version it read it at.
struct Ranking {
    version: i64,
    ranked: Arc<Ranked>,
}

/// Ranks searches on a thread of its own, with a read connection of its own. Ranking a word
/// most records hold takes a third of a second at 100,000 statements: on a worker it would hold
/// up every other request the worker serves meanwhile, where the worker waits for the ranking
/// without blocking. The thread keeps what it ranked for the current content version (see
/// `kept`), so a search one worker has waited for comes at once to the others.
#[derive(Clone)]
pub struct Ranker {
    jobs: mpsc::SyncSender<RankingJob>,
}

impl Ranker {
    pub fn start(database: &Database) -> std::io::Result<Self> {
        let (ranker, jobs) = Self::waiting_at_most(RANKINGS_WAITING);
        let path = database.path().to_owned();
        std::thread::Builder::new()
            .name("search-ranking".into())
            .spawn(move || rank_on_this_thread(&path, &jobs))?;
        Ok(ranker)
    }

    /// A ranker whose jobs queue on the receiver, at most `waiting` of them.
    fn waiting_at_most(waiting: usize) -> (Self, mpsc::Receiver<RankingJob>) {
        let (jobs, queue) = mpsc::sync_channel(waiting);
        (Self { jobs }, queue)
    }

    async fn rank(&self, search: &Search) -> DbResult<Ranking> {
        let (answer, answered) = oneshot::channel();
        self.jobs
            .try_send((search.clone(), answer))
            .map_err(|error| match error {
                mpsc::TrySendError::Full(_) => DbError::Busy,
                mpsc::TrySendError::Disconnected(_) => {
                    DbError::Interrupted("the search ranking thread has stopped".into())
                }
            })?;
        answered.await.map_err(|_| {
            DbError::Interrupted("the search ranking thread dropped a search".into())
        })?
    }
}

fn rank_on_this_thread(path: &Path, jobs: &mpsc::Receiver<RankingJob>) {
    let store = Rc::new(kept::Store::default());
    let mut conn = None;
    for (search, answer) in jobs {
        // A reader who has gone (hung up, given up) needs no ranking.
        if answer.is_closed() {
            continue;
        }
        let ranking = open_for_reading(&mut conn, path).and_then(|conn| {
            conn.transaction(|conn| {
                let version = ContentVersion.get_result(conn)?;
                let _kept = kept::enter(&store, version);
                let ranked = kept::kept(
                    ranking_key(&search),
                    |ranked: &Arc<Ranked>| ranked.bytes(),
                    || rank(conn, &search).map(Arc::new),
                )?;
                Ok(Ranking {
                    version,
                    ranked: Arc::clone(&ranked),
                })
            })
        });
        // The searcher may have gone (the client hung up); the ranking stays kept.
        let _ = answer.send(ranking);
    }
}

/// What the search page shows: a page of results, and for a search of several words that finds
/// nothing, each of its words that finds something alone.
pub struct Found {
    pub results: Results,
    pub single_terms: Vec<(SearchText, i64)>,
    pub choices: Rc<FilterChoices>,
}

/// The search page's records: ranked on the ranking thread the first time this worker is asked
/// the search in a generation, from what it keeps after that.
pub async fn find(
    reader: &Reader,
    ranker: &Ranker,
    search: &Search,
    lang: Lang,
) -> DbResult<Found> {
    if search.text.is_empty() {
        return reader.read(|conn| found(conn, search, None, lang));
    }
    let key = ranking_key(search);
    let from_kept = reader.read(|conn| match kept::find::<Arc<Ranked>>(&key) {
        Some(ranked) => found(conn, search, Some(&ranked), lang).map(Some),
        None => Ok(None),
    })?;
    if let Some(found_here) = from_kept {
        return Ok(found_here);
    }
    let Ranking { version, ranked } = ranker.rank(search).await?;
    reader.read(|conn| {
        let bytes = ranked.bytes();
        let ranked = kept::keep(version, key, ranked, bytes);
        found(conn, search, Some(&ranked), lang)
    })
}

fn found(
    conn: &mut SqliteConnection,
    search: &Search,
    ranked: Option<&Ranked>,
    lang: Lang,
) -> DbResult<Found> {
    let (results, single_terms) = match ranked {
        Some(ranked) => (
            page_of(conn, search, ranked, lang)?,
            ranked.single_terms.clone(),
        ),
        None => (Results::default(), Vec::new()),
    };
    Ok(Found {
        results,
        single_terms,
        choices: filter_choices(conn)?,
    })
}

/// One page of the records that match, best first, titled in `lang` where they can be.
fn page_of(
    conn: &mut SqliteConnection,
    search: &Search,
    ranked: &Ranked,
    lang: Lang,
) -> DbResult<Results> {
    let total = match search.kind {
        Some(asked) => ranked
            .by_kind
            .iter()
            .find(|(kind, _)| *kind == asked)
            .map_or(0, |(_, count)| *count),
        None => ranked.matches.len() as i64,
    };
    let start = usize::try_from(search.filter.page.offset()).unwrap_or(usize::MAX);
    let shown: Vec<i32> = ranked
        .matches
        .iter()
        .filter(|key| search.kind.is_none_or(|asked| asked == key.kind()))
        .skip(start)
        .take(PAGE_SIZE as usize)
        .map(|key| key.id())
        .collect();
    let by_kind = ranked.by_kind.clone();
    let mode = search.text.mode();
    let plan = plan(mode);
    // The page's documents in one query, named by id (?12, a JSON array), so that the index is
    // read once. It binds the parameters of the ranking query too (?5 to ?10, unused), so that
    // the two share the numbering of the plan's expressions.
    let sql = format!(
        "SELECT d.id AS id, d.kind AS kind, d.slug AS slug, {} AS title,
         {TITLE_LANGUAGE} AS title_language, {}, d.language AS language FROM {} WHERE {}
         AND {} IN (SELECT value FROM json_each(?12))",
        plan.title, plan.passages, plan.from, plan.matches, plan.document
    );
    let mut rows: Vec<Row> = Prepared(
        bind_common!(diesel::sql_query(sql), &search.text, search)
            .bind::<Nullable<Text>, _>(None::<String>)
            .bind::<Nullable<BigInt>, _>(None::<i64>)
            .bind::<Nullable<BigInt>, _>(None::<i64>)
            .bind::<Text, _>(lang.code())
            .bind::<Text, _>(serde_json::to_string(&shown).unwrap_or_default()),
    )
    .load(conn)?;
    rows.sort_by_key(|row| shown.iter().position(|id| *id == row.id));
    let terms = search.text.terms();
    let mut hits = Vec::with_capacity(rows.len());
    for row in rows {
        let Ok(kind) = RecordKind::parse(&row.kind) else {
            continue;
        };
        let highlight = |text: &str, window| match mode {
            SearchMode::Substrings => Highlighted::find(text, terms, window),
            SearchMode::Words | SearchMode::Trigrams => Highlighted::from_marked(text),
        };
        let title = highlight(&row.title, None);
        let passage = |text: &str| highlight(text, Some(SCAN_SNIPPET_CHARS));
        let passages = [
            (
                Lang::from_code(&row.language).unwrap_or_default(),
                passage(&row.passage),
            ),
            (Lang::Ms, passage(&row.passage_ms)),
            (Lang::Zh, passage(&row.passage_zh)),
        ];
        let (snippet_lang, snippet) = Highlighted::best_for(passages, lang);
        hits.push(Hit {
            kind,
            slug: row.slug,
            title,
            title_lang: Lang::from_code(&row.title_language).unwrap_or_default(),
            snippet,
            snippet_lang,
        });
    }
    Ok(Results {
        hits,
        by_kind,
        total,
    })
}

/// For a search of several words that finds nothing: how much each word finds alone, for the
/// ones that find something.
fn single_term_counts(
    conn: &mut SqliteConnection,
    search: &Search,
) -> DbResult<Vec<(SearchText, i64)>> {
    let mut found = Vec::new();
    if search.text.terms().len() < 2 {
        return Ok(found);
    }
    for term in search.text.single_terms() {
        let count: i64 = count_by_kind(conn, &term, search)?
            .iter()
            .map(|(_, count)| count)
            .sum();
        if count > 0 {
            found.push((term, count));
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::FutureExt;

    fn search_for(words: &str) -> Search {
        Search {
            text: SearchText::parse(words).unwrap(),
            ..Search::default()
        }
    }

    #[actix_web::test]
    async fn a_search_is_refused_as_busy_while_too_many_wait_for_their_ranking() {
        let (ranker, queue) = Ranker::waiting_at_most(1);
        // Asked once, a search takes its place in the queue, and keeps it whether or not its
        // reader waits for the answer.
        assert!(
            ranker
                .rank(&search_for("research"))
                .now_or_never()
                .is_none()
        );

        let refused = ranker.rank(&search_for("space")).await;
        assert!(matches!(refused, Err(DbError::Busy)), "{:?}", refused.err());

        let (job, _) = queue.try_recv().unwrap();
        assert_eq!(job, search_for("research"));
        drop(queue);
        // With the thread gone, a search is told so rather than left waiting.
        let stopped = ranker.rank(&search_for("space")).await;
        assert!(matches!(stopped, Err(DbError::Interrupted(_))));
    }

    #[test]
    fn a_search_whose_reader_has_gone_is_not_ranked() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("portal.sqlite");
        let rank_alone = |answer| {
            let (jobs, queue) = mpsc::sync_channel(1);
            jobs.send((search_for("research"), answer)).unwrap();
            drop(jobs);
            rank_on_this_thread(&database, &queue);
        };

        let (gone, _) = oneshot::channel();
        rank_alone(gone);
        assert!(!database.exists(), "the database was opened for nobody");

        let (answer, answered) = oneshot::channel();
        rank_alone(answer);
        assert!(database.exists());
        // A new file holds no tables to rank anything from.
        assert!(answered.blocking_recv().unwrap().is_err());
    }
}
