//! Press statements as staff write them: the validated content of the form, and the rules of
//! the workflow from draft to publication.

use super::forms::{FormErrors, RecordRef, optional_text, record_refs, required_text};
use super::{InvalidInput, Lang, Message, Role, Slug, StatementStatus};
use chrono::NaiveDateTime;

const MAX_TITLE: usize = 300;
const MAX_SUMMARY: usize = 1_000;
const MAX_BODY: usize = 200_000;
const MAX_NOTE: usize = 500;

/// The statement form as it arrives: every value still unchecked text. The text is given in
/// each language side by side: unsuffixed in English, `_ms` in Malay, `_zh` in Chinese;
/// `language` says which of them the statement was written in.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct StatementForm {
    pub title: String,
    pub summary: String,
    pub dateline: String,
    pub body: String,
    pub title_ms: String,
    pub summary_ms: String,
    pub dateline_ms: String,
    pub body_ms: String,
    pub title_zh: String,
    pub summary_zh: String,
    pub dateline_zh: String,
    pub body_zh: String,
    pub language: String,
    pub related: String,
    pub areas: Vec<String>,
    pub change_note: String,
    pub publish_at: String,
    pub withdrawn_reason: String,
    pub action: String,
    pub version: String,
    pub form_token: String,
}

/// What a statement says in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementText {
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub dateline: Option<String>,
    pub body: String,
}

/// What the statement says, in the language it was written in and in its translations, and
/// what it is about; cannot be built with invalid content.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementContent {
    /// The language it was written in.
    pub language: Lang,
    /// The text in `language` first, then its translations.
    pub texts: Vec<StatementText>,
    pub subjects: Vec<RecordRef>,
    pub change_note: String,
}

impl StatementContent {
    /// The text in the language it was written in.
    pub fn original(&self) -> &StatementText {
        &self.texts[0]
    }

    pub fn translations(&self) -> &[StatementText] {
        &self.texts[1..]
    }
}

/// The name of a form field in one language's column: `title`, `title_ms`, `title_zh`.
pub fn field_in(name: &'static str, lang: Lang) -> &'static str {
    const NAMES: [[&str; 3]; 4] = [
        ["title", "title_ms", "title_zh"],
        ["summary", "summary_ms", "summary_zh"],
        ["dateline", "dateline_ms", "dateline_zh"],
        ["body", "body_ms", "body_zh"],
    ];
    NAMES
        .iter()
        .find(|names| names[0] == name)
        .map_or(name, |names| names[lang.index()])
}

/// What the staff member asked the form to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show the rendered body beside the form, saving nothing.
    Preview,
    Save,
    Submit,
    Publish,
    Schedule(NaiveDateTime),
    Unschedule,
    Withdraw(String),
}

impl StatementForm {
    /// The form's title, summary, dateline and body in one language's column.
    pub fn column(&self, lang: Lang) -> [&str; 4] {
        match lang {
            Lang::En => [&self.title, &self.summary, &self.dateline, &self.body],
            Lang::Ms => [
                &self.title_ms,
                &self.summary_ms,
                &self.dateline_ms,
                &self.body_ms,
            ],
            Lang::Zh => [
                &self.title_zh,
                &self.summary_zh,
                &self.dateline_zh,
                &self.body_zh,
            ],
        }
    }

    /// The text in `lang`: required in the language the statement was written in; a
    /// translation, when any of its fields is filled in, needs a title and a text too.
    fn text(&self, lang: Lang, written_in: Lang, errors: &mut FormErrors) -> Option<StatementText> {
        let [title, summary, dateline, body] = self.column(lang);
        let filled = [title, summary, dateline, body]
            .iter()
            .any(|v| !v.trim().is_empty());
        if !filled && written_in != lang {
            return None;
        }
        let title = errors.check(required_text(field_in("title", lang), title, MAX_TITLE));
        let summary = errors.check(optional_text(
            field_in("summary", lang),
            summary,
            MAX_SUMMARY,
        ));
        let dateline = errors.check(optional_text(field_in("dateline", lang), dateline, 100));
        let body = errors.check(required_text(field_in("body", lang), body, MAX_BODY));
        Some(StatementText {
            lang,
            title: title?,
            summary: summary?,
            dateline: Some(dateline?).filter(|d| !d.is_empty()),
            body: body?,
        })
    }

    /// Checks every field, collecting a message for each one that is refused.
    pub fn content(&self) -> Result<StatementContent, FormErrors> {
        let mut errors = FormErrors::default();
        let language = errors.check(
            Lang::from_code(self.language.trim())
                .ok_or_else(|| InvalidInput::new("language", "must be one of: en ms zh")),
        );
        // Checked as English when the language itself was refused.
        let written_in = language.unwrap_or_default();
        let mut texts: Vec<StatementText> = Lang::ALL
            .into_iter()
            .filter_map(|lang| self.text(lang, written_in, &mut errors))
            .collect();
        // The original first: the statement's own columns hold it.
        texts.sort_by_key(|text| Some(text.lang) != language);
        let mut subjects = errors
            .check(record_refs("related", &self.related))
            .unwrap_or_default();
        for area in &self.areas {
            match Slug::parse(area) {
                Ok(slug) => subjects.push(RecordRef {
                    collection: super::forms::Collection::Areas,
                    slug,
                }),
                Err(_) => errors.add(InvalidInput::because(
                    "areas",
                    Message::new("invalid-unknown-area"),
                )),
            }
        }
        let change_note = errors.check(optional_text("change_note", &self.change_note, MAX_NOTE));
        match (language, change_note) {
            (Some(language), Some(change_note)) if errors.is_empty() => Ok(StatementContent {
                language,
                texts,
                subjects,
                change_note,
            }),
            _ => Err(errors),
        }
    }

    /// The button pressed, with what it needs from the form.
    pub fn action(&self, now: NaiveDateTime) -> Result<Action, InvalidInput> {
        match self.action.as_str() {
            "preview" => Ok(Action::Preview),
            "save" | "" => Ok(Action::Save),
            "submit" => Ok(Action::Submit),
            "publish" => Ok(Action::Publish),
            "unschedule" => Ok(Action::Unschedule),
            "schedule" => {
                let at = NaiveDateTime::parse_from_str(self.publish_at.trim(), "%Y-%m-%dT%H:%M")
                    .map_err(|_| {
                        InvalidInput::because("publish_at", Message::new("invalid-date-time"))
                    })?;
                if at <= now {
                    return Err(InvalidInput::because(
                        "publish_at",
                        Message::new("invalid-in-the-past"),
                    ));
                }
                Ok(Action::Schedule(at))
            }
            "withdraw" => {
                let reason = required_text("withdrawn_reason", &self.withdrawn_reason, MAX_NOTE)?;
                Ok(Action::Withdraw(reason))
            }
            _ => Err(InvalidInput::because(
                "action",
                Message::new("invalid-action"),
            )),
        }
    }

    pub fn version(&self) -> Option<i32> {
        self.version.trim().parse().ok()
    }
}

/// Why the workflow refused an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Role,
    /// The statement's state does not allow the action; the message (`refusal-…`) says why.
    State(&'static str),
}

impl Refusal {
    /// The interface message that says why.
    pub fn message(&self) -> Message {
        match self {
            Refusal::Role => Message::new("refusal-role"),
            Refusal::State(key) => Message::new(key),
        }
    }
}

#[cfg(feature = "server")]
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.say(&self.message()))
    }
}

#[cfg(feature = "server")]
impl std::error::Error for Refusal {}

/// The status a statement moves to when `role` takes `action` on it (`None`: not saved yet).
/// Writers draft and submit their own statements; editors also publish, schedule, amend and
/// withdraw.
pub fn next_status(
    current: Option<StatementStatus>,
    action: &Action,
    role: Role,
) -> Result<StatementStatus, Refusal> {
    use StatementStatus::*;
    let editor = role.allows(Role::Editor);
    let needs_editor = |status| {
        if editor {
            Ok(status)
        } else {
            Err(Refusal::Role)
        }
    };
    match (action, current) {
        (Action::Preview, _) => Err(Refusal::State("refusal-preview")),
        (_, Some(Withdrawn)) => Err(Refusal::State("refusal-withdrawn")),
        (Action::Save, None | Some(Draft)) => Ok(Draft),
        (Action::Save, Some(Submitted)) => Ok(Submitted),
        (Action::Save, Some(Scheduled)) => needs_editor(Scheduled),
        (Action::Save, Some(Published)) => needs_editor(Published),
        (Action::Submit, None | Some(Draft)) => Ok(Submitted),
        (Action::Submit, _) => Err(Refusal::State("refusal-submit")),
        (Action::Publish, Some(Published)) => Err(Refusal::State("refusal-published")),
        (Action::Publish, _) => needs_editor(Published),
        (Action::Schedule(_), Some(Published)) => Err(Refusal::State("refusal-schedule")),
        (Action::Schedule(_), _) => needs_editor(Scheduled),
        (Action::Unschedule, Some(Scheduled)) => needs_editor(Draft),
        (Action::Unschedule, _) => Err(Refusal::State("refusal-unschedule")),
        (Action::Withdraw(_), Some(Published)) => needs_editor(Withdrawn),
        (Action::Withdraw(_), _) => Err(Refusal::State("refusal-withdraw")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatementStatus::*;

    fn form() -> StatementForm {
        StatementForm {
            title: "MoU signed".into(),
            body: "Text".into(),
            language: "en".into(),
            related: "/mous/mimos-cetc-mou-2024".into(),
            areas: vec!["space-technology".into()],
            ..StatementForm::default()
        }
    }

    #[test]
    fn a_complete_form_becomes_content_with_its_subjects() {
        let content = form().content().unwrap();
        assert_eq!(content.subjects.len(), 2);
        assert_eq!(content.original().dateline, None);
        assert!(content.translations().is_empty());
    }

    #[test]
    fn translations_come_after_the_original_and_need_a_title_and_a_text() {
        let translated = StatementForm {
            language: "ms".into(),
            title_ms: "MoU ditandatangani".into(),
            body_ms: "Teks".into(),
            title_zh: "签署谅解备忘录".into(),
            body_zh: "正文".into(),
            ..form()
        };
        let content = translated.content().unwrap();
        let langs: Vec<Lang> = content.texts.iter().map(|t| t.lang).collect();
        assert_eq!(langs, [Lang::Ms, Lang::En, Lang::Zh]);
        let half = StatementForm {
            summary_zh: "只有摘要".into(),
            ..form()
        };
        let errors = half.content().unwrap_err();
        assert!(errors.get("title_zh").is_some());
        assert!(errors.get("body_zh").is_some());
        assert!(errors.get("title").is_none());
    }

    #[test]
    fn the_language_written_in_must_have_its_text() {
        let malay = StatementForm {
            language: "ms".into(),
            ..form()
        };
        let errors = malay.content().unwrap_err();
        assert!(errors.get("title_ms").is_some());
        assert!(errors.get("body_ms").is_some());
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let bad = StatementForm {
            title: " ".into(),
            body: "".into(),
            language: "fr".into(),
            related: "/nowhere/x".into(),
            ..form()
        };
        let errors = bad.content().unwrap_err();
        for field in ["title", "body", "language", "related"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn scheduling_needs_a_future_time() {
        let now = NaiveDateTime::parse_from_str("2025-01-01T00:00", "%Y-%m-%dT%H:%M").unwrap();
        let at = |text: &str| StatementForm {
            action: "schedule".into(),
            publish_at: text.into(),
            ..form()
        };
        assert!(matches!(
            at("2025-02-01T09:30").action(now),
            Ok(Action::Schedule(_))
        ));
        assert_eq!(
            at("2024-12-31T09:30").action(now).unwrap_err().field,
            "publish_at"
        );
        assert_eq!(at("soon").action(now).unwrap_err().field, "publish_at");
    }

    #[test]
    fn withdrawing_needs_a_public_reason() {
        let now = NaiveDateTime::default();
        let withdraw = StatementForm {
            action: "withdraw".into(),
            ..form()
        };
        assert_eq!(withdraw.action(now).unwrap_err().field, "withdrawn_reason");
    }

    #[test]
    fn writers_draft_and_submit_but_never_publish() {
        assert_eq!(next_status(None, &Action::Save, Role::Writer), Ok(Draft));
        assert_eq!(
            next_status(Some(Draft), &Action::Submit, Role::Writer),
            Ok(Submitted)
        );
        assert_eq!(
            next_status(Some(Submitted), &Action::Publish, Role::Writer),
            Err(Refusal::Role)
        );
        let at = Action::Schedule(NaiveDateTime::default());
        assert_eq!(
            next_status(Some(Draft), &at, Role::Writer),
            Err(Refusal::Role)
        );
        assert_eq!(
            next_status(Some(Published), &Action::Save, Role::Writer),
            Err(Refusal::Role)
        );
    }

    #[test]
    fn editors_publish_amend_schedule_and_withdraw() {
        assert_eq!(
            next_status(Some(Submitted), &Action::Publish, Role::Editor),
            Ok(Published)
        );
        assert_eq!(
            next_status(Some(Published), &Action::Save, Role::Editor),
            Ok(Published)
        );
        let withdraw = Action::Withdraw("wrong date".into());
        assert_eq!(
            next_status(Some(Published), &withdraw, Role::Editor),
            Ok(Withdrawn)
        );
        assert_eq!(
            next_status(Some(Scheduled), &Action::Unschedule, Role::Admin),
            Ok(Draft)
        );
    }

    #[test]
    fn a_withdrawn_statement_is_final() {
        for action in [Action::Save, Action::Publish, Action::Submit] {
            assert!(next_status(Some(Withdrawn), &action, Role::Admin).is_err());
        }
    }
}
