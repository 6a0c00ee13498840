//! What each record form shows, as a list of fields that one template lays out: so every form
//! gets the same labels, hints, error messages and accessible markup. A field is labelled by
//! its message `field-<name>` (which the messages beside it use too) and hinted by a message of
//! its own (`hint-…`).

use crate::db::reference::{CountryRef, Named};
use crate::domain::forms::FormErrors;
use crate::domain::records::{
    AgreementForm, AreaForm, DelegationForm, MeetingForm, MouForm, OrganisationForm, PersonForm,
    RecordForm, texts,
};
use crate::domain::{OrganisationKind, RecordStatus};
use crate::i18n::Lang;
use crate::views::SelectOption;
use std::borrow::Cow;

/// One field of a record form, labelled by its message `field-<name>`.
pub struct Field {
    pub name: &'static str,
    /// The message key of the field's hint (empty: no hint).
    pub hint: &'static str,
    pub input: Input,
}

impl Field {
    /// Whether the form refused the field, or, for a translated text, any of its languages.
    pub fn refused(&self, errors: &FormErrors) -> bool {
        match &self.input {
            Input::Translated(texts, _) => texts.refused(errors),
            _ => errors.get(self.name).is_some(),
        }
    }
}

pub enum Input {
    Text(String),
    /// Several lines: record addresses one per line, or prose.
    Lines(String, u32),
    /// A text in English, Malay and Chinese, side by side; prose when it has a number of lines.
    Translated(Translations, Option<u32>),
    Select(Vec<SelectOption>),
    Checks(Vec<SelectOption>),
    Rows(Rows),
}

/// One language's input of a translated text.
pub struct Translation {
    pub lang: Lang,
    pub name: &'static str,
    pub value: String,
}

/// A text's inputs in English, Malay and Chinese.
pub struct Translations(pub [Translation; 3]);

impl Translations {
    pub fn new((names, values): ([&'static str; 3], [&str; 3])) -> Self {
        Self(std::array::from_fn(|index| Translation {
            lang: Lang::ALL[index],
            name: names[index],
            value: values[index].to_owned(),
        }))
    }

    /// Whether the form refused the text in any language.
    pub fn refused(&self, errors: &FormErrors) -> bool {
        self.0.iter().any(|t| errors.get(t.name).is_some())
    }

    /// The English input's name, which the text's label and hint go by.
    pub fn name(&self) -> &'static str {
        self.0[0].name
    }
}

/// A group of repeated fields (appointments, itinerary stops), one fieldset per row; the form
/// always offers a few blank rows for adding. Rows are laid out three fields to a line, so a
/// text and its two translations sit side by side.
pub struct Rows {
    /// What one row is, as its messages (`row-new`, `row-numbered`, `row-remove`) choose by:
    /// `appointment` or `stop`.
    pub kind: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// The hidden field that carries each row's id, where rows keep their identity.
    pub id_name: Option<&'static str>,
    pub remove_name: &'static str,
}

/// A column of a repeated group: its inputs' name, the field its label names (`title_ms` is
/// "Title in Malay"), and the language its text is in, where it is a translation.
pub struct Column {
    pub name: &'static str,
    pub label: &'static str,
    pub lang: Option<Lang>,
}

pub struct Row {
    pub index: usize,
    pub id: String,
    pub values: Vec<String>,
    pub removed: bool,
    pub blank: bool,
}

/// The small sets a form offers as choices, and the language their fixed names are shown in.
pub struct Choices {
    pub lang: Lang,
    pub countries: Vec<CountryRef>,
    pub areas: Vec<Named>,
}

/// How a record form is laid out.
pub trait EditorFields: RecordForm {
    /// The form for a new record.
    fn blank() -> Self {
        Self::default()
    }

    fn fields(&self, choices: &Choices) -> Vec<Field>;
}

const BLANK_ROWS: usize = 2;

/// The field `name`, labelled by its message `field-<name>` and hinted by the message `hint`.
fn field(name: &'static str, hint: &'static str, input: Input) -> Field {
    Field { name, hint, input }
}

fn text(name: &'static str, hint: &'static str, value: &str) -> Field {
    field(name, hint, Input::Text(value.to_owned()))
}

/// A text entered in each language side by side, labelled by its English field's name; `lines`
/// makes it prose.
fn translated(
    texts: ([&'static str; 3], [&str; 3]),
    hint: &'static str,
    lines: Option<u32>,
) -> Field {
    let texts = Translations::new(texts);
    field(texts.name(), hint, Input::Translated(texts, lines))
}

fn translated_text(texts: ([&'static str; 3], [&str; 3]), hint: &'static str) -> Field {
    translated(texts, hint, None)
}

fn translated_prose(texts: ([&'static str; 3], [&str; 3])) -> Field {
    translated(texts, "", Some(5))
}

/// A picker of records that takes their addresses, one per line.
fn picker(name: &'static str, hint: &'static str, value: &str) -> Field {
    field(name, hint, Input::Lines(value.to_owned(), 4))
}

fn options<'a>(
    choices: impl Iterator<Item = (&'a str, Cow<'a, str>)>,
    selected: impl Fn(&str) -> bool,
) -> Vec<SelectOption> {
    choices
        .map(|(value, label)| SelectOption {
            selected: selected(value),
            value: value.to_owned(),
            label: label.into_owned(),
            count: None,
        })
        .collect()
}

/// A select whose first, empty choice says (in the message `none`) what choosing nothing means.
fn select(
    name: &'static str,
    none: &'static str,
    value: &str,
    choices: Vec<SelectOption>,
    c: &Choices,
) -> Field {
    let mut all = options([("", c.lang.t(none))].into_iter(), |v| v == value.trim());
    all.extend(choices);
    field(name, "", Input::Select(all))
}

fn country_select(name: &'static str, value: &str, c: &Choices) -> Field {
    let countries = c.countries.iter().map(|country| {
        (
            country.code.as_str(),
            Cow::from(country.name.shown(c.lang).text),
        )
    });
    let value = value.trim().to_ascii_uppercase();
    select(
        name,
        "choose-country",
        &value,
        options(countries, |v| v == value),
        c,
    )
}

fn area_checks(selected: &[String], c: &Choices) -> Field {
    let areas = c
        .areas
        .iter()
        .map(|a| (a.slug.as_str(), Cow::from(a.name.shown(c.lang).text)));
    let checks = options(areas, |v| selected.iter().any(|s| s.trim() == v));
    field("areas", "", Input::Checks(checks))
}

fn status_fields(
    form_status: &str,
    on: &str,
    note: ([&'static str; 3], [&str; 3]),
    c: &Choices,
) -> [Field; 3] {
    let statuses = RecordStatus::ALL
        .iter()
        .map(|s| (s.as_str(), c.lang.term("status", s.as_str())));
    [
        select(
            "new_status",
            "choose-no-new-event",
            form_status,
            options(statuses, |v| v == form_status.trim()),
            c,
        ),
        text("new_status_on", "hint-new_status_on", on),
        translated_text(note, ""),
    ]
}

/// The rows of a repeated group as the form sent them (or the record holds them), then a few
/// blank rows for adding. Each column is its inputs' name, the field its label names, its
/// values.
fn rows(
    kind: &'static str,
    columns: &[(&'static str, &'static str, &[String])],
    ids: Option<(&'static str, &[String])>,
    remove_name: &'static str,
    removed: &[String],
) -> Input {
    let count = columns.iter().map(|(_, _, v)| v.len()).max().unwrap_or(0);
    let rows = (0..count + BLANK_ROWS)
        .map(|index| {
            let values: Vec<String> = columns
                .iter()
                .map(|(_, _, v)| v.get(index).cloned().unwrap_or_default())
                .collect();
            let id = ids
                .and_then(|(_, ids)| ids.get(index).cloned())
                .unwrap_or_default();
            Row {
                index,
                blank: id.is_empty() && values.iter().all(|v| v.trim().is_empty()),
                removed: removed.contains(&index.to_string()),
                id,
                values,
            }
        })
        .collect();
    Input::Rows(Rows {
        kind,
        columns: columns
            .iter()
            .map(|(name, label, _)| Column {
                name,
                label,
                lang: Lang::ALL
                    .into_iter()
                    .find(|lang| label.ends_with(&format!("_{}", lang.code()))),
            })
            .collect(),
        rows,
        id_name: ids.map(|(name, _)| name),
        remove_name,
    })
}

impl EditorFields for AreaForm {
    fn fields(&self, _: &Choices) -> Vec<Field> {
        vec![
            translated_text(texts!(self.name, name_ms, name_zh), ""),
            translated_prose(texts!(self.description, description_ms, description_zh)),
        ]
    }
}

impl EditorFields for OrganisationForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        let kinds = OrganisationKind::ALL
            .iter()
            .map(|k| (k.as_str(), choices.lang.term("kind", k.as_str())));
        let kind = self.kind.trim();
        vec![
            translated_text(texts!(self.name, name_ms, name_zh), ""),
            text("short_name", "hint-short_name", &self.short_name),
            country_select("country", &self.country, choices),
            select(
                "kind",
                "choose-kind",
                kind,
                options(kinds, |v| v == kind),
                choices,
            ),
            text("website", "hint-website", &self.website),
            translated_prose(texts!(self.description, description_ms, description_zh)),
        ]
    }
}

impl EditorFields for PersonForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            translated_text(texts!(self.name, name_ms, name_zh), ""),
            country_select("country", &self.country, choices),
            field(
                "appointments",
                "hint-appointments",
                rows(
                    "appointment",
                    &[
                        ("appointment_title", "title", &self.appointment_title),
                        (
                            "appointment_title_ms",
                            "title_ms",
                            &self.appointment_title_ms,
                        ),
                        (
                            "appointment_title_zh",
                            "title_zh",
                            &self.appointment_title_zh,
                        ),
                        (
                            "appointment_organisation",
                            "organisation",
                            &self.appointment_organisation,
                        ),
                        ("appointment_from", "from", &self.appointment_from),
                        ("appointment_to", "to", &self.appointment_to),
                    ],
                    None,
                    "appointment_remove",
                    &self.appointment_remove,
                ),
            ),
        ]
    }
}

impl EditorFields for AgreementForm {
    fn blank() -> Self {
        Self {
            new_status: RecordStatus::Signed.as_str().into(),
            ..Self::default()
        }
    }

    fn fields(&self, choices: &Choices) -> Vec<Field> {
        let countries = choices.countries.iter().map(|country| {
            (
                country.code.as_str(),
                Cow::from(country.name.shown(choices.lang).text),
            )
        });
        let parties = options(countries, |v| {
            self.parties
                .iter()
                .any(|p| p.trim().eq_ignore_ascii_case(v))
        });
        let mut fields = vec![
            translated_text(texts!(self.title, title_ms, title_zh), ""),
            text("signed_on", "hint-agreement-signed_on", &self.signed_on),
            translated_text(
                texts!(self.signed_at, signed_at_ms, signed_at_zh),
                "hint-agreement-signed_at",
            ),
            translated_prose(texts!(self.summary, summary_ms, summary_zh)),
            field("parties", "", Input::Checks(parties)),
            picker("signatories", "hint-people", &self.signatories),
            area_checks(&self.areas, choices),
        ];
        fields.extend(status_fields(
            &self.new_status,
            &self.new_status_on,
            texts!(self.new_status_note, new_status_note_ms, new_status_note_zh),
            choices,
        ));
        fields
    }
}

impl EditorFields for MeetingForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            translated_text(texts!(self.title, title_ms, title_zh), ""),
            translated_text(
                texts!(self.joint_body, joint_body_ms, joint_body_zh),
                "hint-joint_body",
            ),
            text("ordinal", "hint-ordinal", &self.ordinal),
            text("agreement", "hint-agreement", &self.agreement),
            text("held_on", "hint-held_on", &self.held_on),
            translated_text(texts!(self.place, place_ms, place_zh), ""),
            translated_prose(texts!(self.summary, summary_ms, summary_zh)),
            translated_prose(texts!(self.outcomes, outcomes_ms, outcomes_zh)),
            picker("co_chairs", "hint-co_chairs", &self.co_chairs),
            picker("organisations", "hint-organisations", &self.organisations),
            area_checks(&self.areas, choices),
        ]
    }
}

impl EditorFields for DelegationForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            translated_text(texts!(self.title, title_ms, title_zh), ""),
            text("leader", "hint-leader", &self.leader),
            country_select("from_country", &self.from_country, choices),
            country_select("host_country", &self.host_country, choices),
            text("starts_on", "hint-starts_on", &self.starts_on),
            text("ends_on", "hint-ends_on", &self.ends_on),
            translated_prose(texts!(self.purpose, purpose_ms, purpose_zh)),
            picker("members", "hint-members", &self.members),
            area_checks(&self.areas, choices),
            field(
                "itinerary",
                "hint-itinerary",
                rows(
                    "stop",
                    &[
                        ("stop_position", "position", &self.stop_position),
                        ("stop_on", "date", &self.stop_on),
                        ("stop_organisation", "organisation", &self.stop_organisation),
                        ("stop_title", "title", &self.stop_title),
                        ("stop_title_ms", "title_ms", &self.stop_title_ms),
                        ("stop_title_zh", "title_zh", &self.stop_title_zh),
                        ("stop_place", "place", &self.stop_place),
                        ("stop_place_ms", "place_ms", &self.stop_place_ms),
                        ("stop_place_zh", "place_zh", &self.stop_place_zh),
                        ("stop_event", "event", &self.stop_event),
                        ("stop_event_ms", "event_ms", &self.stop_event_ms),
                        ("stop_event_zh", "event_zh", &self.stop_event_zh),
                        ("stop_summary", "summary", &self.stop_summary),
                        ("stop_summary_ms", "summary_ms", &self.stop_summary_ms),
                        ("stop_summary_zh", "summary_zh", &self.stop_summary_zh),
                        ("stop_meeting", "meeting", &self.stop_meeting),
                    ],
                    Some(("stop_id", &self.stop_id)),
                    "stop_remove",
                    &self.stop_remove,
                ),
            ),
        ]
    }
}

impl EditorFields for MouForm {
    fn blank() -> Self {
        Self {
            new_status: RecordStatus::Signed.as_str().into(),
            ..Self::default()
        }
    }

    fn fields(&self, choices: &Choices) -> Vec<Field> {
        let mut fields = vec![
            translated_text(texts!(self.title, title_ms, title_zh), ""),
            text("signed_on", "hint-signed_on", &self.signed_on),
            translated_text(texts!(self.place, place_ms, place_zh), ""),
            text("signed_at", "hint-mou-signed_at", &self.signed_at),
            translated_prose(texts!(self.purpose, purpose_ms, purpose_zh)),
            picker("parties", "hint-mou-parties", &self.parties),
            picker("witnesses", "hint-people", &self.witnesses),
            area_checks(&self.areas, choices),
            text("valid_until", "hint-valid_until", &self.valid_until),
            text("renews", "hint-renews", &self.renews),
        ];
        fields.extend(status_fields(
            &self.new_status,
            &self.new_status_on,
            texts!(self.new_status_note, new_status_note_ms, new_status_note_zh),
            choices,
        ));
        fields
    }
}
