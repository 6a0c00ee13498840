//! What each record form shows, as a list of fields that one template lays out: so every form
//! gets the same labels, hints, error messages and accessible markup. A field is labelled by
//! its message `field-<name>` (which the messages beside it use too) and hinted by a message of
//! its own (`hint-…`).

use crate::db::reference::{CountryRef, Named};
use crate::domain::records::{
    AgreementForm, AreaForm, DelegationForm, MeetingForm, MouForm, OrganisationForm, PersonForm,
    RecordForm,
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

pub enum Input {
    Text(String),
    /// Several lines: record addresses one per line, or prose.
    Lines(String, u32),
    Select(Vec<SelectOption>),
    Checks(Vec<SelectOption>),
    Rows(Rows),
}

/// A group of repeated fields (appointments, itinerary stops), one fieldset per row; the form
/// always offers a few blank rows for adding.
pub struct Rows {
    /// What one row is, as its messages (`row-new`, `row-numbered`, `row-remove`) choose by:
    /// `appointment` or `stop`.
    pub kind: &'static str,
    /// Each column: its field name, and the message key of its label.
    pub columns: Vec<(&'static str, &'static str)>,
    pub rows: Vec<Row>,
    /// The hidden field that carries each row's id, where rows keep their identity.
    pub id_name: Option<&'static str>,
    pub remove_name: &'static str,
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

fn prose(name: &'static str, value: &str) -> Field {
    field(name, "", Input::Lines(value.to_owned(), 5))
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

fn status_fields(form_status: &str, on: &str, note: &str, c: &Choices) -> [Field; 3] {
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
        text("new_status_note", "", note),
    ]
}

/// The rows of a repeated group as the form sent them (or the record holds them), then a few
/// blank rows for adding. Each column is its field's name, the key of its label, its values.
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
            .map(|(name, label, _)| (*name, *label))
            .collect(),
        rows,
        id_name: ids.map(|(name, _)| name),
        remove_name,
    })
}

impl EditorFields for AreaForm {
    fn fields(&self, _: &Choices) -> Vec<Field> {
        vec![
            text("name", "", &self.name),
            prose("description", &self.description),
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
            text("name", "", &self.name),
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
            prose("description", &self.description),
        ]
    }
}

impl EditorFields for PersonForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            text("name", "", &self.name),
            country_select("country", &self.country, choices),
            field(
                "appointments",
                "hint-appointments",
                rows(
                    "appointment",
                    &[
                        ("appointment_title", "field-title", &self.appointment_title),
                        (
                            "appointment_organisation",
                            "field-organisation",
                            &self.appointment_organisation,
                        ),
                        ("appointment_from", "field-from", &self.appointment_from),
                        ("appointment_to", "field-to", &self.appointment_to),
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
            text("title", "", &self.title),
            text("signed_on", "hint-agreement-signed_on", &self.signed_on),
            text("signed_at", "hint-agreement-signed_at", &self.signed_at),
            prose("summary", &self.summary),
            field("parties", "", Input::Checks(parties)),
            picker("signatories", "hint-people", &self.signatories),
            area_checks(&self.areas, choices),
        ];
        fields.extend(status_fields(
            &self.new_status,
            &self.new_status_on,
            &self.new_status_note,
            choices,
        ));
        fields
    }
}

impl EditorFields for MeetingForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            text("title", "", &self.title),
            text("joint_body", "hint-joint_body", &self.joint_body),
            text("ordinal", "hint-ordinal", &self.ordinal),
            text("agreement", "hint-agreement", &self.agreement),
            text("held_on", "hint-held_on", &self.held_on),
            text("place", "", &self.place),
            prose("summary", &self.summary),
            prose("outcomes", &self.outcomes),
            picker("co_chairs", "hint-co_chairs", &self.co_chairs),
            picker("organisations", "hint-organisations", &self.organisations),
            area_checks(&self.areas, choices),
        ]
    }
}

impl EditorFields for DelegationForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            text("title", "", &self.title),
            text("leader", "hint-leader", &self.leader),
            country_select("from_country", &self.from_country, choices),
            country_select("host_country", &self.host_country, choices),
            text("starts_on", "hint-starts_on", &self.starts_on),
            text("ends_on", "hint-ends_on", &self.ends_on),
            prose("purpose", &self.purpose),
            picker("members", "hint-members", &self.members),
            area_checks(&self.areas, choices),
            field(
                "itinerary",
                "hint-itinerary",
                rows(
                    "stop",
                    &[
                        ("stop_position", "field-position", &self.stop_position),
                        ("stop_title", "field-title", &self.stop_title),
                        ("stop_on", "field-date", &self.stop_on),
                        ("stop_place", "field-place", &self.stop_place),
                        (
                            "stop_organisation",
                            "field-organisation",
                            &self.stop_organisation,
                        ),
                        ("stop_meeting", "field-meeting", &self.stop_meeting),
                        ("stop_event", "field-event", &self.stop_event),
                        ("stop_summary", "field-summary", &self.stop_summary),
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
            text("title", "", &self.title),
            text("signed_on", "hint-signed_on", &self.signed_on),
            text("place", "", &self.place),
            text("signed_at", "hint-mou-signed_at", &self.signed_at),
            prose("purpose", &self.purpose),
            picker("parties", "hint-mou-parties", &self.parties),
            picker("witnesses", "hint-people", &self.witnesses),
            area_checks(&self.areas, choices),
            text("valid_until", "hint-valid_until", &self.valid_until),
            text("renews", "hint-renews", &self.renews),
        ];
        fields.extend(status_fields(
            &self.new_status,
            &self.new_status_on,
            &self.new_status_note,
            choices,
        ));
        fields
    }
}
