//! What each record form shows, as a list of fields that one template lays out: so every form
//! gets the same labels, hints, error messages and accessible markup.

use crate::db::reference::{CountryRef, Named};
use crate::domain::records::{
    AgreementForm, AreaForm, DelegationForm, MeetingForm, MouForm, OrganisationForm, PersonForm,
    RecordForm,
};
use crate::domain::{OrganisationKind, RecordStatus};
use crate::views::SelectOption;

/// One field of a record form.
pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
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
    /// What one row is called: "Appointment", "Stop".
    pub noun: &'static str,
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

/// The small sets a form offers as choices.
pub struct Choices {
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

fn field(name: &'static str, label: &'static str, hint: &'static str, input: Input) -> Field {
    Field {
        name,
        label,
        hint,
        input,
    }
}

fn text(name: &'static str, label: &'static str, hint: &'static str, value: &str) -> Field {
    field(name, label, hint, Input::Text(value.to_owned()))
}

fn prose(name: &'static str, label: &'static str, value: &str) -> Field {
    field(name, label, "", Input::Lines(value.to_owned(), 5))
}

/// A picker of records that takes their addresses, one per line.
fn picker(name: &'static str, label: &'static str, hint: &'static str, value: &str) -> Field {
    field(name, label, hint, Input::Lines(value.to_owned(), 4))
}

fn options<'a>(
    choices: impl Iterator<Item = (&'a str, &'a str)>,
    selected: impl Fn(&str) -> bool,
) -> Vec<SelectOption> {
    choices
        .map(|(value, label)| SelectOption {
            selected: selected(value),
            value: value.to_owned(),
            label: label.to_owned(),
            count: None,
        })
        .collect()
}

/// A select with a first, empty choice that says what choosing nothing means.
fn select(
    name: &'static str,
    label: &'static str,
    none: &'static str,
    value: &str,
    choices: Vec<SelectOption>,
) -> Field {
    let mut all = options([("", none)].into_iter(), |v| v == value.trim());
    all.extend(choices);
    field(name, label, "", Input::Select(all))
}

fn country_select(name: &'static str, label: &'static str, value: &str, c: &Choices) -> Field {
    let countries = c.countries.iter().map(|c| {
        (
            c.code.as_str(),
            c.name.shown(crate::i18n::current_lang()).text,
        )
    });
    let value = value.trim().to_ascii_uppercase();
    select(
        name,
        label,
        "Choose a country",
        &value,
        options(countries, |v| v == value),
    )
}

fn area_checks(selected: &[String], c: &Choices) -> Field {
    let areas = c.areas.iter().map(|a| {
        (
            a.slug.as_str(),
            a.name.shown(crate::i18n::current_lang()).text,
        )
    });
    let checks = options(areas, |v| selected.iter().any(|s| s.trim() == v));
    field("areas", "Focus areas", "", Input::Checks(checks))
}

fn status_fields(form_status: &str, on: &str, note: &str) -> [Field; 3] {
    let statuses = RecordStatus::ALL.iter().map(|s| (s.as_str(), s.label()));
    [
        select(
            "new_status",
            "Add a status event",
            "No new event",
            form_status,
            options(statuses, |v| v == form_status.trim()),
        ),
        text(
            "new_status_on",
            "Date of the event",
            "A year (2024), a month (2024-04) or a day (2024-04-25). The newest event becomes the record's status.",
            on,
        ),
        text("new_status_note", "Note on the event", "", note),
    ]
}

/// The rows of a repeated group as the form sent them (or the record holds them), then a few
/// blank rows for adding.
fn rows(
    noun: &'static str,
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
        noun,
        columns: columns
            .iter()
            .map(|(name, label, _)| (*name, *label))
            .collect(),
        rows,
        id_name: ids.map(|(name, _)| name),
        remove_name,
    })
}

const PEOPLE_HINT: &str = "One address per line, such as /people/yin-hejun, or just the slug.";
const ORGANISATIONS_HINT: &str =
    "One address per line, such as /organisations/mimos, or just the slug.";

impl EditorFields for AreaForm {
    fn fields(&self, _: &Choices) -> Vec<Field> {
        vec![
            text("name", "Name", "", &self.name),
            prose("description", "Description", &self.description),
        ]
    }
}

impl EditorFields for OrganisationForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        let kinds = OrganisationKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.label()));
        let kind = self.kind.trim();
        vec![
            text("name", "Name", "", &self.name),
            text(
                "short_name",
                "Short name",
                "The name other pages use, such as MIMOS.",
                &self.short_name,
            ),
            country_select("country", "Country", &self.country, choices),
            select(
                "kind",
                "Kind",
                "Choose a kind",
                kind,
                options(kinds, |v| v == kind),
            ),
            text(
                "website",
                "Website",
                "An address starting with https:// or http://.",
                &self.website,
            ),
            prose("description", "Description", &self.description),
        ]
    }
}

impl EditorFields for PersonForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            text("name", "Name", "", &self.name),
            country_select("country", "Country", &self.country, choices),
            field(
                "appointments",
                "Appointments",
                "Posts held, with the organisation's address (/organisations/mosti) and dates as 2024, 2024-04 or 2024-04-25. Leave a row blank to add nothing; tick Remove to delete a row.",
                rows(
                    "Appointment",
                    &[
                        ("appointment_title", "Title", &self.appointment_title),
                        (
                            "appointment_organisation",
                            "Organisation",
                            &self.appointment_organisation,
                        ),
                        ("appointment_from", "From", &self.appointment_from),
                        ("appointment_to", "To", &self.appointment_to),
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
        let countries = choices.countries.iter().map(|c| {
            (
                c.code.as_str(),
                c.name.shown(crate::i18n::current_lang()).text,
            )
        });
        let parties = options(countries, |v| {
            self.parties
                .iter()
                .any(|p| p.trim().eq_ignore_ascii_case(v))
        });
        let mut fields = vec![
            text("title", "Title", "", &self.title),
            text(
                "signed_on",
                "Signed on",
                "A year (2013), a month (2013-10) or a day (2013-10-04).",
                &self.signed_on,
            ),
            text(
                "signed_at",
                "Signed at",
                "The place of signing.",
                &self.signed_at,
            ),
            prose("summary", "Summary", &self.summary),
            field("parties", "Parties", "", Input::Checks(parties)),
            picker("signatories", "Signatories", PEOPLE_HINT, &self.signatories),
            area_checks(&self.areas, choices),
        ];
        fields.extend(status_fields(
            &self.new_status,
            &self.new_status_on,
            &self.new_status_note,
        ));
        fields
    }
}

impl EditorFields for MeetingForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            text("title", "Title", "", &self.title),
            text(
                "joint_body",
                "Joint body",
                "Such as Joint Committee on Science, Technology and Innovation.",
                &self.joint_body,
            ),
            text(
                "ordinal",
                "Ordinal",
                "3 for the 3rd meeting.",
                &self.ordinal,
            ),
            text(
                "agreement",
                "Agreement",
                "The address of the agreement it is held under, such as /agreements/sti-cooperation-agreement-2013.",
                &self.agreement,
            ),
            text(
                "held_on",
                "Held on",
                "A year, a month (2024-04) or a day (2024-04-25).",
                &self.held_on,
            ),
            text("place", "Place", "", &self.place),
            prose("summary", "Summary", &self.summary),
            prose("outcomes", "Outcomes", &self.outcomes),
            picker(
                "co_chairs",
                "Co-chairs",
                "In order, one address per line, such as /people/chang-lih-kang.",
                &self.co_chairs,
            ),
            picker(
                "organisations",
                "Organisations",
                ORGANISATIONS_HINT,
                &self.organisations,
            ),
            area_checks(&self.areas, choices),
        ]
    }
}

impl EditorFields for DelegationForm {
    fn fields(&self, choices: &Choices) -> Vec<Field> {
        vec![
            text("title", "Title", "", &self.title),
            text(
                "leader",
                "Leader",
                "The address of the person who led the visit, such as /people/chang-lih-kang.",
                &self.leader,
            ),
            country_select("from_country", "From country", &self.from_country, choices),
            country_select("host_country", "Host country", &self.host_country, choices),
            text(
                "starts_on",
                "Starts on",
                "A day, such as 2024-04-24.",
                &self.starts_on,
            ),
            text(
                "ends_on",
                "Ends on",
                "A day on or after the start.",
                &self.ends_on,
            ),
            prose("purpose", "Purpose", &self.purpose),
            picker(
                "members",
                "Members",
                "One per line: the person's address, then a bar and their role, such as /people/yin-hejun | Minister.",
                &self.members,
            ),
            area_checks(&self.areas, choices),
            field(
                "itinerary",
                "Itinerary",
                "The stops of the visit. Change the numbers under Position to reorder them; organisation and meeting take addresses (/organisations/cetc, /meetings/…). Leave a row blank to add nothing; tick Remove to delete a stop.",
                rows(
                    "Stop",
                    &[
                        ("stop_position", "Position", &self.stop_position),
                        ("stop_title", "Title", &self.stop_title),
                        ("stop_on", "Date", &self.stop_on),
                        ("stop_place", "Place", &self.stop_place),
                        ("stop_organisation", "Organisation", &self.stop_organisation),
                        ("stop_meeting", "Meeting", &self.stop_meeting),
                        ("stop_event", "Event", &self.stop_event),
                        ("stop_summary", "Summary", &self.stop_summary),
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
            text("title", "Title", "", &self.title),
            text(
                "signed_on",
                "Signed on",
                "A year, a month (2024-04) or a day (2024-04-25).",
                &self.signed_on,
            ),
            text("place", "Place", "", &self.place),
            text(
                "signed_at",
                "Signed at",
                "A meeting (/meetings/3rd-joint-committee-meeting-sti) or a stop of a visit, as the visit's address and the stop's number (/delegations/working-visit-to-china-2024#stop-3).",
                &self.signed_at,
            ),
            prose("purpose", "Purpose", &self.purpose),
            picker(
                "parties",
                "Parties",
                "At least two organisations, in the order the MoU names them, one address per line (/organisations/mimos).",
                &self.parties,
            ),
            picker("witnesses", "Witnesses", PEOPLE_HINT, &self.witnesses),
            area_checks(&self.areas, choices),
            text(
                "valid_until",
                "Valid until",
                "A day, such as 2029-04-30.",
                &self.valid_until,
            ),
            text(
                "renews",
                "Renews",
                "The address of the MoU this one renews, if any (/mous/…).",
                &self.renews,
            ),
        ];
        fields.extend(status_fields(
            &self.new_status,
            &self.new_status_on,
            &self.new_status_note,
        ));
        fields
    }
}
