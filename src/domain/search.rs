//! A search as a reader types it, turned into something the full-text index can only read as
//! text, and highlighted results that can only be shown as text.

use super::listing::parse_set;
use super::{CountryCode, InvalidInput, Lang, ListFilter, PageNumber, RecordKind, Slug, Year};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt::Write;
use unicode_segmentation::UnicodeSegmentation;

const MAX_CHARS: usize = 200;
const MAX_TERMS: usize = 12;
/// The trigram index cannot match fewer characters than this.
const TRIGRAM: usize = 3;

/// Where a match starts and ends in text the database returns. Private-use characters: text
/// never means them, so marking with them cannot be confused with anything a record says.
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

/// The words of a search. Every term is quoted when it reaches the index, so quotes, `*`, `-`,
/// `NEAR`, `OR` and SQL punctuation are searched for as text and never change the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchText {
    text: String,
    terms: Vec<String>,
}

/// Which index answers a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchMode {
    /// Words, stemmed: Latin-script text such as English and Malay.
    Words,
    /// Any three or more characters in a row: Chinese and other text written without spaces.
    Trigrams,
    /// Chinese terms of one or two characters, too short for trigrams: a plain substring scan.
    Substrings,
}

/// A letter of a script without case: Chinese, Japanese, Korean, Thai, Arabic and the like,
/// often written without spaces. The word index takes a run of them for one word, so a term
/// holding one is searched for in the trigram index, which finds it inside a longer run.
fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// A word without the punctuation around it (quotes, brackets, a leading minus). It is cut
/// between whole characters as a reader sees them, so a mark written over the last letter, as
/// Thai and Devanagari have, stays with the word.
fn without_surrounding_punctuation(word: &str) -> &str {
    let is_word = |(_, character): &(usize, &str)| {
        character.chars().next().is_some_and(char::is_alphanumeric)
    };
    let mut characters = word.grapheme_indices(true);
    let Some(first) = characters.find(is_word) else {
        return "";
    };
    let (last_at, last) = characters.rfind(is_word).unwrap_or(first);
    let (start, end) = (first.0, last_at + last.len());
    &word[start..end]
}

impl SearchText {
    pub fn parse(input: &str) -> Result<Self, InvalidInput> {
        let text = input.trim();
        if text.chars().count() > MAX_CHARS {
            return Err(InvalidInput::because(
                "q",
                crate::domain::Message::new("invalid-too-long").number("max", MAX_CHARS as i64),
            ));
        }
        let mut terms: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            let term: String = without_surrounding_punctuation(word)
                .chars()
                .filter(|c| *c != MARK_START && *c != MARK_END)
                .collect();
            if !term.is_empty() && !terms.contains(&term) && terms.len() < MAX_TERMS {
                terms.push(term);
            }
        }
        Ok(Self {
            text: text.to_owned(),
            terms,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn mode(&self) -> SearchMode {
        if !self.terms.iter().any(|t| t.chars().any(is_caseless_letter)) {
            SearchMode::Words
        } else if self.terms.iter().all(|t| t.chars().count() >= TRIGRAM) {
            SearchMode::Trigrams
        } else {
            SearchMode::Substrings
        }
    }

    /// The FTS5 query: every term a quoted string (inner quotes doubled), all of them required.
    pub fn match_expression(&self) -> String {
        let mut expression = String::new();
        for term in &self.terms {
            let _ = write!(
                expression,
                "{}\"{}\"",
                if expression.is_empty() { "" } else { " " },
                term.replace('"', "\"\"")
            );
        }
        expression
    }

    /// The same search for one of its terms alone, to suggest when all of them find nothing.
    pub fn single_terms(&self) -> Vec<SearchText> {
        self.terms
            .iter()
            .map(|term| SearchText {
                text: term.clone(),
                terms: vec![term.clone()],
            })
            .collect()
    }
}

/// A search page's query string as it arrives.
#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    area: Option<String>,
    country: Option<String>,
    year: Option<String>,
    page: Option<String>,
}

/// A parsed search: the text, the kind of record asked for, and the filters (area, country,
/// year) and page in the form every list uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub text: SearchText,
    pub kind: Option<RecordKind>,
    pub filter: ListFilter,
}

impl TryFrom<SearchQuery> for Search {
    type Error = InvalidInput;

    fn try_from(query: SearchQuery) -> Result<Self, Self::Error> {
        Ok(Self {
            text: SearchText::parse(query.q.as_deref().unwrap_or_default())?,
            kind: parse_set(query.kind, RecordKind::parse, "type")?,
            filter: ListFilter {
                area: parse_set(query.area, Slug::parse, "area")?,
                country: parse_set(query.country, CountryCode::parse, "country")?,
                year: parse_set(query.year, Year::parse, "year")?,
                page: parse_set(query.page, PageNumber::parse, "page")?
                    .unwrap_or(PageNumber::FIRST),
                ..ListFilter::default()
            },
        })
    }
}

impl Search {
    /// The address of this search at another page, or with another kind of record.
    pub fn href(&self, kind: Option<RecordKind>, page: u32) -> String {
        let mut pairs: Vec<(&str, Cow<'_, str>)> = vec![("q", Cow::Borrowed(self.text.as_str()))];
        if let Some(kind) = kind {
            pairs.push(("type", Cow::Borrowed(kind.as_str())));
        }
        pairs.extend(self.filter.filters());
        if page > 1 {
            pairs.push(("page", Cow::Owned(page.to_string())));
        }
        format!(
            "/search?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    }

    /// The same words with no filter and no kind: what to offer when the filters find nothing.
    pub fn unfiltered(&self) -> Self {
        Self {
            text: self.text.clone(),
            ..Self::default()
        }
    }

    pub fn is_filtered(&self) -> bool {
        self.kind.is_some() || self.filter.is_filtered()
    }
}

/// Text with its matches marked, in pieces that a template shows escaped, wrapping the matched
/// ones in `<mark>`: the text of a record can never become markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlighted(pub Vec<(String, bool)>);

impl Highlighted {
    /// Splits text marked with `MARK_START` and `MARK_END`.
    pub fn from_marked(text: &str) -> Self {
        let mut pieces = Vec::new();
        let mut marked = false;
        let mut rest = text;
        while let Some(at) = rest.find([MARK_START, MARK_END]) {
            let (piece, from_mark) = rest.split_at(at);
            if !piece.is_empty() {
                pieces.push((piece.to_owned(), marked));
            }
            let mut after = from_mark.chars();
            marked = after.next() == Some(MARK_START);
            rest = after.as_str();
        }
        if !rest.is_empty() {
            pieces.push((rest.to_owned(), marked));
        }
        Self(pieces)
    }

    /// Marks every occurrence of the terms in `text` (ignoring case), keeping only the part
    /// around the first one when `window` is given: the substring scan's own snippet.
    pub fn find(text: &str, terms: &[String], window: Option<usize>) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let lower: Vec<char> = chars.iter().map(|c| fold(*c)).collect();
        let terms: Vec<Vec<char>> = terms
            .iter()
            .map(|t| t.chars().map(fold).collect())
            .filter(|t: &Vec<char>| !t.is_empty())
            .collect();
        let mut matched = vec![false; chars.len()];
        let mut first = None;
        for term in &terms {
            for start in 0..chars.len().saturating_sub(term.len() - 1) {
                if lower[start..start + term.len()] == term[..] {
                    matched[start..start + term.len()].fill(true);
                    first = Some(first.map_or(start, |f: usize| f.min(start)));
                }
            }
        }
        let (from, to) = match window {
            Some(size) => {
                let from = first.unwrap_or(0).saturating_sub(size / 4);
                (from, (from + size).min(chars.len()))
            }
            None => (0, chars.len()),
        };
        let mut pieces: Vec<(String, bool)> = Vec::new();
        if from > 0 {
            pieces.push(("…".to_owned(), false));
        }
        for i in from..to {
            match pieces.last_mut() {
                Some((piece, mark)) if *mark == matched[i] => {
                    piece.push(chars[i]);
                }
                _ => pieces.push((chars[i].to_string(), matched[i])),
            }
        }
        if to < chars.len() {
            pieces.push(("…".to_owned(), false));
        }
        Self(pieces)
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|(piece, _)| piece.trim().is_empty())
    }

    fn has_match(&self) -> bool {
        self.0.iter().any(|(_, marked)| *marked)
    }

    /// Which of a record's passages, one per language, a reader of `reader` is shown, and in
    /// what language: the one in the reader's language if it holds a match, else the first that
    /// holds one, else the reader's, else the first with any text.
    pub fn best_for(passages: [(Lang, Highlighted); 3], reader: Lang) -> (Lang, Highlighted) {
        let mut passages: Vec<(Lang, Highlighted)> = passages
            .into_iter()
            .filter(|(_, passage)| !passage.is_empty())
            .collect();
        passages.sort_by_key(|(lang, passage)| (!passage.has_match(), *lang != reader));
        passages
            .into_iter()
            .next()
            .unwrap_or((reader, Highlighted::default()))
    }
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_quoted_so_operators_are_only_text() {
        let text = SearchText::parse(r#"space OR "vaccines NEAR(x) -ai* a"b 'x'; --"#).unwrap();
        assert_eq!(
            text.match_expression(),
            r#""space" "OR" "vaccines" "NEAR(x" "ai" "a""b" "x""#
        );
    }

    #[test]
    fn punctuation_around_a_word_goes_and_marks_over_its_letters_stay() {
        let text =
            SearchText::parse(r#""space" (angkasa) -ai a" «déjà» วิทยาศาสตร์, नमस्ते."#).unwrap();
        assert_eq!(
            text.terms(),
            ["space", "angkasa", "ai", "a", "déjà", "วิทยาศาสตร์", "नमस्ते"]
        );
    }

    #[test]
    fn punctuation_alone_is_nothing_to_search_for() {
        for input in ["", "   ", "\"", "*", "-", "'\"; --", "()"] {
            assert!(SearchText::parse(input).unwrap().is_empty(), "{input:?}");
        }
    }

    #[test]
    fn chinese_goes_to_trigrams_and_short_chinese_to_a_scan() {
        assert_eq!(
            SearchText::parse("kerjasama sains").unwrap().mode(),
            SearchMode::Words
        );
        assert_eq!(
            SearchText::parse("半导体").unwrap().mode(),
            SearchMode::Trigrams
        );
        assert_eq!(
            SearchText::parse("合作").unwrap().mode(),
            SearchMode::Substrings
        );
    }

    #[test]
    fn any_script_without_case_goes_to_trigrams_and_accented_latin_to_words() {
        for (text, mode) in [
            ("ความร่วมมือ", SearchMode::Trigrams),
            ("협력 연구", SearchMode::Substrings),
            ("التعاون", SearchMode::Trigrams),
            ("カタカナ", SearchMode::Trigrams),
            ("Wombatek半导体", SearchMode::Trigrams),
            ("déjà Straße ÉTÉ 5G", SearchMode::Words),
        ] {
            assert_eq!(SearchText::parse(text).unwrap().mode(), mode, "{text}");
        }
    }

    #[test]
    fn an_overlong_search_is_refused() {
        assert!(SearchText::parse(&"a".repeat(201)).is_err());
    }

    #[test]
    fn a_passage_is_shown_in_the_readers_language_unless_only_another_holds_a_match() {
        let marked = |text: &str| Highlighted(vec![(text.to_owned(), true)]);
        let plain = |text: &str| Highlighted(vec![(text.to_owned(), false)]);
        let passages = |en, ms, zh| [(Lang::En, en), (Lang::Ms, ms), (Lang::Zh, zh)];

        let everywhere = passages(marked("space"), marked("angkasa"), marked("空间"));
        assert_eq!(
            Highlighted::best_for(everywhere.clone(), Lang::Ms),
            (Lang::Ms, marked("angkasa"))
        );
        assert_eq!(
            Highlighted::best_for(everywhere, Lang::En),
            (Lang::En, marked("space"))
        );
        let only_chinese = passages(plain("space"), plain("angkasa"), marked("空间"));
        assert_eq!(
            Highlighted::best_for(only_chinese, Lang::Ms),
            (Lang::Zh, marked("空间"))
        );
        let nowhere = passages(plain("space"), plain("angkasa"), plain(""));
        assert_eq!(
            Highlighted::best_for(nowhere.clone(), Lang::Ms),
            (Lang::Ms, plain("angkasa"))
        );
        assert_eq!(
            Highlighted::best_for(nowhere, Lang::Zh),
            (Lang::En, plain("space"))
        );
        let untranslated = passages(plain(""), plain(""), plain(""));
        assert!(Highlighted::best_for(untranslated, Lang::Zh).1.is_empty());
    }

    #[test]
    fn marked_text_splits_into_plain_and_marked_pieces() {
        let marked = format!("a {MARK_START}<b>{MARK_END} c");
        assert_eq!(
            Highlighted::from_marked(&marked).0,
            vec![
                ("a ".to_owned(), false),
                ("<b>".to_owned(), true),
                (" c".to_owned(), false)
            ]
        );
    }

    #[test]
    fn a_scan_marks_every_occurrence_ignoring_case() {
        let found = Highlighted::find("Ab 合作 ab", &["合作".to_owned(), "AB".to_owned()], None);
        assert_eq!(
            found.0,
            vec![
                ("Ab".to_owned(), true),
                (" ".to_owned(), false),
                ("合作".to_owned(), true),
                (" ".to_owned(), false),
                ("ab".to_owned(), true)
            ]
        );
    }

    #[test]
    fn the_search_address_keeps_words_kind_and_filters() {
        let search = Search::try_from(
            actix_web::web::Query::<SearchQuery>::from_query("q=a%26b+c&area=space-technology")
                .unwrap()
                .into_inner(),
        )
        .unwrap();
        assert_eq!(
            search.href(Some(RecordKind::Mou), 2),
            "/search?q=a%26b+c&type=mou&area=space-technology&page=2"
        );
    }
}
