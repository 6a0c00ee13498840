//! What a list needs from the whole collection — how many records a filter lets through and in
//! what order — computed once per write generation and kept by the worker that read it.
//!
//! Counting and ordering a filtered collection reads every matching row (100,000 of them on a
//! large portal), while a page shows twenty: so each worker keeps the ordered ids of the lists it
//! has served, and a page of a list becomes a lookup of twenty rows by id, as cheap deep in the
//! list as on its first page. Everything kept is dropped as soon as the content version (see
//! `Reader::content_version`) says any connection has committed a change to a public table, so
//! nothing shown is ever older than the data. What is kept must therefore be read from public
//! tables alone: the staff's own (users, sessions, the audit trail) change without it.
//!
//! The store is the worker's (it lives in its `Reader`), and is reachable only while that
//! reader runs a read (`enter`), so that a query run on any other connection, whose
//! versions say nothing about this one's, computes afresh instead.

use super::DbResult;
use super::reference::Page;
use crate::domain::{ListFilter, PAGE_SIZE, RecordKind};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// How much one worker keeps, in bytes: the order of a 100,000-record list is 400 KB.
const BUDGET_BYTES: usize = 4 * 1024 * 1024;
/// How many named records (see `named`) one worker keeps, of all kinds together: at a few
/// hundred bytes each, about 2 MiB.
const NAMED_KEPT: usize = 8192;

pub(crate) type Key = (&'static str, String);

#[derive(Default)]
struct Entries {
    values: HashMap<Key, (Rc<dyn Any>, usize)>,
    oldest_first: VecDeque<Key>,
    bytes: usize,
}

/// One worker's kept results, all from the same write generation.
#[derive(Default)]
pub(crate) struct Store {
    version: Cell<Option<i64>>,
    entries: RefCell<Entries>,
    named: RefCell<Named>,
}

/// Named records (see `named`) by kind and id.
type Named = HashMap<(&'static str, i32), Rc<dyn Any>>;

impl Store {
    fn get<T: 'static>(&self, key: &Key) -> Option<Rc<T>> {
        let entries = self.entries.borrow();
        let (value, _) = entries.values.get(key)?;
        value.clone().downcast::<T>().ok()
    }

    fn put(&self, key: Key, value: Rc<dyn Any>, bytes: usize) {
        if bytes > BUDGET_BYTES / 4 {
            return;
        }
        let mut entries = self.entries.borrow_mut();
        let entries = &mut *entries;
        if let Some((_, old)) = entries.values.insert(key.clone(), (value, bytes)) {
            entries.bytes -= old;
            entries.oldest_first.retain(|k| k != &key);
        }
        entries.bytes += bytes;
        entries.oldest_first.push_back(key);
        while entries.bytes > BUDGET_BYTES {
            let Some(oldest) = entries.oldest_first.pop_front() else {
                break;
            };
            if let Some((_, old)) = entries.values.remove(&oldest) {
                entries.bytes -= old;
            }
        }
    }
}

thread_local! {
    /// The store of the read running on this thread, if a reader runs one.
    static CURRENT: RefCell<Option<Rc<Store>>> = const { RefCell::new(None) };
}

/// While alive, reads on this thread use `store`; dropped at the end of the read.
pub(crate) struct Entered(());

impl Drop for Entered {
    fn drop(&mut self) {
        CURRENT.with(|current| current.borrow_mut().take());
    }
}

/// Makes `store` the one reads on this thread use, first emptying it if `version` (the content
/// version of the read's snapshot) says the data has changed since it was filled.
pub(crate) fn enter(store: &Rc<Store>, version: i64) -> Entered {
    if store.version.replace(Some(version)) != Some(version) {
        *store.entries.borrow_mut() = Entries::default();
        store.named.borrow_mut().clear();
    }
    CURRENT.with(|current| *current.borrow_mut() = Some(store.clone()));
    Entered(())
}

/// The value kept under `key` in this generation, or `compute`d (and kept, `bytes` being what it
/// weighs) when there is none, or when no reader's store is in use.
pub(crate) fn kept<T: 'static>(
    key: (&'static str, String),
    bytes: impl FnOnce(&T) -> usize,
    compute: impl FnOnce() -> DbResult<T>,
) -> DbResult<Rc<T>> {
    let store = CURRENT.with(|current| current.borrow().clone());
    let Some(store) = store else {
        return compute().map(Rc::new);
    };
    if let Some(value) = store.get::<T>(&key) {
        return Ok(value);
    }
    let value = Rc::new(compute()?);
    let weight = bytes(&value);
    store.put(key, value.clone(), weight);
    Ok(value)
}

/// The value kept under `key` in this generation, if there is one.
pub(crate) fn find<T: 'static>(key: &Key) -> Option<Rc<T>> {
    CURRENT.with(|current| current.borrow().as_ref()?.get::<T>(key))
}

/// Keeps `value` (weighing `bytes`), read on another connection from the data at content
/// version `version`, if that is the version the read running now sees: kept under any other,
/// it would stand for data it was not read from.
pub(crate) fn keep<T: 'static>(version: i64, key: Key, value: T, bytes: usize) -> Rc<T> {
    let value = Rc::new(value);
    let store = CURRENT.with(|current| current.borrow().clone());
    if let Some(store) = store.filter(|store| store.version.get() == Some(version)) {
        store.put(key, value.clone(), bytes);
    }
    value
}

/// The records of `kind` with the given ids, as many pages name them (organisations as the
/// parties to MoUs, people as leaders and witnesses): those this generation has read already
/// kept, the others read by `read` (given the ids it is missing, it answers each with its id).
/// A page of twenty MoUs names some sixty organisations, which would otherwise cost it sixty
/// lookups and two hundred texts; most of them are named on the next page too. When the worker
/// keeps as many as it may, it forgets them all and starts again.
pub(crate) fn named<T: 'static>(
    kind: &'static str,
    ids: &[i32],
    read: impl FnOnce(&[i32]) -> DbResult<Vec<(i32, T)>>,
) -> DbResult<HashMap<i32, Rc<T>>> {
    let store = CURRENT.with(|current| current.borrow().clone());
    let mut found = HashMap::with_capacity(ids.len());
    let mut missing = Vec::new();
    if let Some(store) = &store {
        let named = store.named.borrow();
        for id in ids {
            match named
                .get(&(kind, *id))
                .and_then(|value| value.clone().downcast::<T>().ok())
            {
                Some(value) => {
                    found.insert(*id, value);
                }
                None => missing.push(*id),
            }
        }
    } else {
        missing.extend_from_slice(ids);
    }
    missing.sort_unstable();
    missing.dedup();
    if missing.is_empty() {
        return Ok(found);
    }
    let read = read(&missing)?;
    let mut named = store.as_ref().map(|store| store.named.borrow_mut());
    for (id, value) in read {
        let value = Rc::new(value);
        if let Some(named) = named.as_mut() {
            if named.len() >= NAMED_KEPT {
                named.clear();
            }
            named.insert((kind, id), value.clone());
        }
        found.insert(id, value);
    }
    Ok(found)
}

/// A record (or an event of one) as a kept order names it: its kind and the id of its row in one
/// number, half the size of the pair, so that an order of some 200,000 (a timeline, the matches
/// of a common word) is kept in under a megabyte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RecordKey(u32);

impl RecordKey {
    const ID_BITS: u32 = 29;

    /// `None` for an id past what the key holds (half a billion), which SQLite, numbering rows
    /// from one, never reaches.
    pub fn new(kind: RecordKind, id: i32) -> Option<Self> {
        let id = u32::try_from(id)
            .ok()
            .filter(|id| *id < 1 << Self::ID_BITS)?;
        let kind = RecordKind::ALL.iter().position(|k| *k == kind)? as u32;
        Some(Self(kind << Self::ID_BITS | id))
    }

    pub fn kind(self) -> RecordKind {
        RecordKind::ALL[(self.0 >> Self::ID_BITS) as usize]
    }

    pub fn id(self) -> i32 {
        (self.0 & ((1 << Self::ID_BITS) - 1)) as i32
    }
}

/// The ids of every record a list's filter lets through, in the list's order.
#[derive(Clone)]
pub(crate) struct Order(Rc<Vec<i32>>);

impl Order {
    pub fn total(&self) -> i64 {
        self.0.len() as i64
    }

    pub fn ids(&self) -> &[i32] {
        &self.0
    }

    /// The ids `filter` shows: those of its page (none past the end), or only the first few
    /// of them when it previews the list.
    fn shown(&self, filter: &ListFilter) -> &[i32] {
        let start = usize::try_from(filter.page.offset())
            .unwrap_or(usize::MAX)
            .min(self.0.len());
        let size = filter.preview.unwrap_or(PAGE_SIZE as usize);
        let end = start.saturating_add(size).min(self.0.len());
        &self.0[start..end]
    }

    /// The page `filter` shows, its records read by `read` from their ids (in the list's
    /// order, which `read` keeps). A page with nothing on it, past the end of a list or of an
    /// empty one, as many a record's related lists are, asks nothing of SQLite.
    pub fn page<T>(
        &self,
        filter: &ListFilter,
        read: impl FnOnce(&[i32]) -> DbResult<Vec<T>>,
    ) -> DbResult<Page<T>> {
        let shown = self.shown(filter);
        let items = if shown.is_empty() {
            Vec::new()
        } else {
            read(shown)?
        };
        Ok(Page::new(items, self.total(), filter))
    }
}

/// A list read through a piece at a time, while writes may land between the pieces (a CSV
/// export streamed to a slow client), in the order the list had when the reading began. Each
/// record is given once at most, in its place then; one that has left the list by the time its
/// piece is read (withdrawn, deleted, no longer let through by the filter) is left out, and one
/// added since is not given. Reading the list again page by page in each new generation would
/// give some records twice and miss others, as they moved.
pub(crate) struct Walk {
    began: Order,
    next: usize,
    /// The list as a later generation has it, and its ids, once a piece has found it changed.
    now: Option<(Order, HashSet<i32>)>,
}

impl Walk {
    pub fn new(began: Order) -> Self {
        Self {
            began,
            next: 0,
            now: None,
        }
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.began.0.len()
    }

    /// The ids of the next `size` records of the list as it began that `now`, the list as it
    /// is, still holds.
    pub fn next_piece(&mut self, now: Order, size: usize) -> Vec<i32> {
        let end = self.next.saturating_add(size).min(self.began.0.len());
        let piece = &self.began.0[self.next..end];
        self.next = end;
        // An order is kept once per generation, so the same one means nothing has changed.
        if Rc::ptr_eq(&now.0, &self.began.0) {
            return piece.to_vec();
        }
        let still_listed = match &mut self.now {
            Some((seen, ids)) if Rc::ptr_eq(&seen.0, &now.0) => ids,
            other => {
                let ids = now.0.iter().copied().collect();
                &mut other.insert((now, ids)).1
            }
        };
        piece
            .iter()
            .copied()
            .filter(|id| still_listed.contains(id))
            .collect()
    }
}

/// The order of `collection`'s list under `filter` (its page aside), from `ids` (the ordered
/// ids query) once per generation.
pub(crate) fn order(
    collection: &'static str,
    filter: &ListFilter,
    ids: impl FnOnce() -> DbResult<Vec<i32>>,
) -> DbResult<Order> {
    order_of(collection, filter.query_string_for_page(1), ids)
}

/// The order of a list that `list` and `asked` (what it was asked for, its page aside) name,
/// from `ids` (the ordered ids query) once per generation.
pub(crate) fn order_of(
    list: &'static str,
    asked: String,
    ids: impl FnOnce() -> DbResult<Vec<i32>>,
) -> DbResult<Order> {
    kept((list, asked), |ids: &Vec<i32>| ids.len() * 4, ids).map(Order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PageNumber;

    fn counted(calls: &Cell<u32>) -> DbResult<Vec<i32>> {
        calls.set(calls.get() + 1);
        Ok((1..=45).collect())
    }

    #[test]
    fn what_was_read_elsewhere_is_kept_only_for_the_version_it_was_read_at() {
        let store = Rc::new(Store::default());
        let key = || ("ranking", "research".to_owned());
        let _entered = enter(&store, 7);

        let stale = keep(6, key(), 1_u32, 4);
        assert_eq!(*stale, 1, "still given back to use once");
        assert!(find::<u32>(&key()).is_none());

        keep(7, key(), 2_u32, 4);
        assert_eq!(find::<u32>(&key()).as_deref(), Some(&2));
    }

    #[test]
    fn a_record_key_gives_back_its_kind_and_id() {
        for kind in RecordKind::ALL {
            for id in [1, 77, (1 << 29) - 1] {
                let key = RecordKey::new(*kind, id).unwrap();
                assert_eq!((key.kind(), key.id()), (*kind, id));
            }
        }
        assert_eq!(RecordKey::new(RecordKind::Mou, 1 << 29), None);
        assert_eq!(RecordKey::new(RecordKind::Mou, -1), None);
    }

    #[test]
    fn an_order_is_computed_once_per_generation() {
        let store = Rc::new(Store::default());
        let calls = Cell::new(0);
        let filter = ListFilter::default();
        for version in [1, 1, 2] {
            let _entered = enter(&store, version);
            order("test", &filter, || counted(&calls)).unwrap();
        }
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn without_a_reader_nothing_is_kept() {
        let calls = Cell::new(0);
        for _ in 0..2 {
            order("test", &ListFilter::default(), || counted(&calls)).unwrap();
        }
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn a_named_record_is_read_once_per_generation() {
        let store = Rc::new(Store::default());
        let asked = RefCell::new(Vec::new());
        let read = |ids: &[i32]| {
            asked.borrow_mut().push(ids.to_vec());
            Ok(ids.iter().map(|id| (*id, id * 10)).collect())
        };
        for (version, ids) in [(1, vec![3, 1, 3]), (1, vec![1, 2]), (2, vec![2])] {
            let _entered = enter(&store, version);
            let found = named("test", &ids, read).unwrap();
            assert!(ids.iter().all(|id| *found[id] == id * 10));
        }
        assert_eq!(*asked.borrow(), vec![vec![1, 3], vec![2], vec![2]]);
    }

    #[test]
    fn pages_slice_the_order() {
        let order = Order(Rc::new((1..=45).collect()));
        let page = |number: &str| ListFilter {
            page: PageNumber::parse(number).unwrap(),
            ..ListFilter::default()
        };
        assert_eq!(order.total(), 45);
        assert_eq!(order.shown(&page("1")).len(), 20);
        assert_eq!(order.shown(&page("3")), &[41, 42, 43, 44, 45]);
        assert!(order.shown(&page("9")).is_empty());
    }

    #[test]
    fn a_preview_shows_only_the_first_few() {
        let order = Order(Rc::new((1..=45).collect()));
        assert_eq!(
            order.shown(&ListFilter::default().previewing(3)),
            &[1, 2, 3]
        );
        let short = Order(Rc::new(vec![7, 8]));
        assert_eq!(short.shown(&ListFilter::default().previewing(5)), &[7, 8]);
    }

    #[test]
    fn a_walk_gives_the_list_as_it_began_in_pieces() {
        let began = Order(Rc::new((1..=45).collect()));
        let mut walk = Walk::new(began.clone());
        let mut pieces = Vec::new();
        while !walk.is_done() {
            pieces.push(walk.next_piece(began.clone(), 20));
        }
        assert_eq!(pieces.iter().map(Vec::len).collect::<Vec<_>>(), [20, 20, 5]);
        assert_eq!(pieces.concat(), (1..=45).collect::<Vec<_>>());
    }

    #[test]
    fn a_walk_across_a_write_leaves_out_what_left_the_list_and_adds_nothing() {
        let began = Order(Rc::new((1..=10).collect()));
        let mut walk = Walk::new(began.clone());
        assert_eq!(walk.next_piece(began, 4), [1, 2, 3, 4]);
        // Since then, 6 has left the list, 99 has joined it and 1 has moved to the end.
        let now = Order(Rc::new(vec![99, 2, 3, 4, 5, 7, 8, 9, 10, 1]));
        assert_eq!(walk.next_piece(now.clone(), 4), [5, 7, 8]);
        let later = Order(Rc::new(vec![2, 3, 4, 5, 7, 8, 10]));
        assert_eq!(walk.next_piece(later, 4), [10]);
        assert!(walk.is_done());
        assert_eq!(walk.next_piece(now, 4), Vec::<i32>::new());
    }

    #[test]
    fn a_page_reads_its_records_and_an_empty_page_reads_nothing() {
        let order = Order(Rc::new((1..=45).collect()));
        let asked = RefCell::new(Vec::new());
        let read = |ids: &[i32]| {
            asked.borrow_mut().push(ids.to_vec());
            Ok(ids.iter().map(|id| id * 10).collect())
        };
        let past_the_end = ListFilter {
            page: PageNumber::parse("9").unwrap(),
            ..ListFilter::default()
        };
        let page = order.page(&past_the_end, read).unwrap();
        assert!(page.items.is_empty());
        assert_eq!(page.total, 45);
        assert!(asked.borrow().is_empty());

        let empty = Order(Rc::new(Vec::new()));
        let page = empty
            .page(&ListFilter::default().previewing(5), read)
            .unwrap();
        assert_eq!((page.items.len(), page.total), (0, 0));
        assert!(asked.borrow().is_empty());

        let page = order
            .page(&ListFilter::default().previewing(3), read)
            .unwrap();
        assert_eq!(page.items, vec![10, 20, 30]);
        assert_eq!(*asked.borrow(), vec![vec![1, 2, 3]]);
    }
}
