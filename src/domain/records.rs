//! The record forms staff fill in: organisations, people, focus areas, agreements, meetings,
//! delegations and MoUs. Each form arrives as unchecked text and becomes a validated content
//! value, or a message for every field that is refused.
//!
//! Records are named in forms by their addresses (or slugs), one per line, so a form never has
//! to list the thousands of organisations or people the portal may hold.

use super::Message;
use super::forms::{
    Collection, English, FormErrors, optional_day, optional_partial_date, optional_ref,
    optional_text, optional_web_address, refs_in, required_day, shorten, translated,
    translated_cell,
};
use super::{
    CountryCode, InvalidInput, Localized, OrganisationKind, PartialDate, RecordStatus, Slug,
};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

const MAX_NAME: usize = 300;
const MAX_SHORT: usize = 200;
const MAX_TEXT: usize = 20_000;
const MAX_NOTE: usize = 500;
/// More rows than any real itinerary or career has; beyond it a form is refused, not stored.
const MAX_ROWS: usize = 200;

/// What every record form carries besides its fields: the version it was loaded at, its
/// one-time token, and its fields' values by name (for the conflict page) and by English label
/// (for the audit trail).
pub trait FormBasics {
    /// Each field's name and value as it reads.
    fn values(&self) -> Vec<(&'static str, String)>;
    fn version(&self) -> Option<i32>;
    fn form_token(&self) -> &str;

    /// Each field's English label (its message `field-<name>`) and value as it reads.
    #[cfg(feature = "server")]
    fn labelled(&self) -> Vec<(std::borrow::Cow<'static, str>, String)> {
        self.values()
            .into_iter()
            .map(|(name, value)| (super::Lang::En.field_label(name), value))
            .collect()
    }
}

/// A record form and the content it validates into.
pub trait RecordForm: FormBasics + Default + Clone + DeserializeOwned + Send + 'static {
    type Content: Send + 'static;

    /// Checks every field, collecting a message for each one that is refused.
    fn content(&self) -> Result<Self::Content, FormErrors>;

    /// The title or name a new record's slug is made from.
    fn title(content: &Self::Content) -> &str;
}

/// How a field's value reads on the conflict page and in the audit trail.
trait Shown {
    fn shown(&self) -> String;
}

impl Shown for String {
    fn shown(&self) -> String {
        self.trim().to_owned()
    }
}

impl Shown for Vec<String> {
    fn shown(&self) -> String {
        self.iter().map(|v| v.trim()).collect::<Vec<_>>().join("; ")
    }
}

/// Declares a record form: its fields (each labelled by its message `field-<name>`), the fields
/// that only steer rows (ids and "remove" boxes), and the hidden `version` and `form_token`
/// every record form carries.
macro_rules! record_form {
    ($(#[$meta:meta])* $name:ident {
        $($field:ident: $ty:ty,)*
    } $(steering { $($steer:ident,)* })?) => {
        $(#[$meta])*
        #[derive(Debug, Default, Clone, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            $(pub $field: $ty,)*
            $($(pub $steer: Vec<String>,)*)?
            pub version: String,
            pub form_token: String,
        }

        impl FormBasics for $name {
            fn values(&self) -> Vec<(&'static str, String)> {
                vec![$((stringify!($field), Shown::shown(&self.$field)),)*]
            }

            fn version(&self) -> Option<i32> {
                self.version.trim().parse().ok()
            }

            fn form_token(&self) -> &str {
                &self.form_token
            }
        }
    };
}

/// Collects the values of a form once every field is checked: the content if nothing was
/// refused, or every message.
fn finish<T>(errors: FormErrors, content: Option<T>) -> Result<T, FormErrors> {
    match content {
        Some(content) if errors.is_empty() => Ok(content),
        _ => Err(errors),
    }
}

fn country(field: &'static str, input: &str) -> Result<CountryCode, InvalidInput> {
    CountryCode::parse(input.trim()).map_err(|e| e.in_field(field))
}

/// The focus areas ticked on a form, by slug.
fn area_slugs(areas: &[String]) -> Result<Vec<Slug>, InvalidInput> {
    let mut slugs: Vec<Slug> = Vec::new();
    for area in areas {
        let slug = Slug::parse(area.trim())
            .map_err(|_| InvalidInput::because("areas", Message::new("invalid-unknown-area")))?;
        if !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    Ok(slugs)
}

fn optional(text: String) -> Option<String> {
    Some(text).filter(|t| !t.is_empty())
}

/// A text's three fields on a form, `<name>`, `<name>_ms` and `<name>_zh`: their names and
/// their values.
macro_rules! texts {
    ($form:tt . $en:ident, $ms:ident, $zh:ident) => {
        (
            [stringify!($en), stringify!($ms), stringify!($zh)],
            [&$form.$en[..], &$form.$ms[..], &$form.$zh[..]],
        )
    };
}
// The staff forms name and fill the same inputs.
#[cfg(feature = "server")]
pub(crate) use texts;

/// The rows of a repeated group of fields, which arrive as one list per column: row `i` is the
/// `i`-th value of each. Rows ticked for removal and rows left blank (the empty rows a form
/// offers for adding) are left out; each row kept comes with its number on the form.
fn rows<'a, const N: usize>(
    field: &'static str,
    columns: [&'a [String]; N],
    removed: &[String],
) -> Result<Vec<(usize, [&'a str; N])>, InvalidInput> {
    let count = columns.iter().map(|c| c.len()).max().unwrap_or(0);
    if count > MAX_ROWS {
        return Err(InvalidInput::because(
            field,
            Message::new("invalid-too-many-rows").number("max", MAX_ROWS as i64),
        ));
    }
    let removed: Vec<usize> = removed.iter().filter_map(|r| r.parse().ok()).collect();
    Ok((0..count)
        .filter(|index| !removed.contains(index))
        .map(|index| {
            (
                index + 1,
                columns.map(|column| column.get(index).map_or("", |v| v.trim())),
            )
        })
        .filter(|(_, values)| values.iter().any(|v| !v.is_empty()))
        .collect())
}

/// A row's refused value, named by its row so the message beside the group says which.
fn in_row(field: &'static str, number: usize, error: InvalidInput) -> InvalidInput {
    let reason = Message::new("invalid-in-row")
        .number("row", number as i64)
        .field("field", error.field);
    let reason = match error.reason {
        Some(inner) => reason.message("reason", inner),
        None => reason.text("reason", error.message),
    };
    InvalidInput::because(field, reason)
}

/// A dated event to add to a status history.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusEvent {
    pub status: RecordStatus,
    pub occurred_on: Option<PartialDate>,
    pub note: Localized,
}

/// The "add a status event" fields shared by agreements and MoUs; no status means no event.
fn status_event(
    status: &str,
    occurred_on: &str,
    note: ([&'static str; 3], [&str; 3]),
) -> Result<Option<StatusEvent>, InvalidInput> {
    let occurred_on = optional_partial_date("new_status_on", occurred_on)?;
    let note = translated_cell(note, MAX_NOTE, English::Optional)?;
    match status.trim() {
        "" if occurred_on.is_none() && note.is_empty() => Ok(None),
        "" => Err(InvalidInput::because(
            "new_status",
            Message::new("invalid-event-status"),
        )),
        word => Ok(Some(StatusEvent {
            status: RecordStatus::parse(word).map_err(|e| e.in_field("new_status"))?,
            occurred_on,
            note,
        })),
    }
}

record_form!(
    /// A focus area of the cooperation.
    AreaForm {
        name: String,
        name_ms: String,
        name_zh: String,
        description: String,
        description_ms: String,
        description_zh: String,
    }
);

#[derive(Debug, Clone, PartialEq)]
pub struct AreaContent {
    pub name: Localized,
    pub description: Localized,
}

impl RecordForm for AreaForm {
    type Content = AreaContent;

    fn content(&self) -> Result<AreaContent, FormErrors> {
        let mut errors = FormErrors::default();
        let name = translated(
            &mut errors,
            texts!(self.name, name_ms, name_zh),
            MAX_NAME,
            English::Required,
        );
        let description = translated(
            &mut errors,
            texts!(self.description, description_ms, description_zh),
            MAX_TEXT,
            English::Optional,
        );
        let content = (|| {
            Some(AreaContent {
                name: name?,
                description: description?,
            })
        })();
        finish(errors, content)
    }

    fn title(content: &AreaContent) -> &str {
        content.name.primary_text()
    }
}

record_form!(OrganisationForm {
    name: String,
    name_ms: String,
    name_zh: String,
    short_name: String,
    country: String,
    kind: String,
    website: String,
    description: String,
    description_ms: String,
    description_zh: String,
});

#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationContent {
    pub name: Localized,
    pub short_name: Option<String>,
    pub country: CountryCode,
    pub kind: OrganisationKind,
    pub website: Option<String>,
    pub description: Localized,
}

impl RecordForm for OrganisationForm {
    type Content = OrganisationContent;

    fn content(&self) -> Result<OrganisationContent, FormErrors> {
        let mut errors = FormErrors::default();
        let name = translated(
            &mut errors,
            texts!(self.name, name_ms, name_zh),
            MAX_NAME,
            English::Required,
        );
        let short_name = errors.check(optional_text("short_name", &self.short_name, MAX_SHORT));
        let country = errors.check(country("country", &self.country));
        let kind =
            errors.check(OrganisationKind::parse(self.kind.trim()).map_err(|e| e.in_field("kind")));
        let website = errors.check(optional_web_address("website", &self.website));
        let description = translated(
            &mut errors,
            texts!(self.description, description_ms, description_zh),
            MAX_TEXT,
            English::Optional,
        );
        let content = (|| {
            Some(OrganisationContent {
                name: name?,
                short_name: optional(short_name?),
                country: country?,
                kind: kind?,
                website: website?,
                description: description?,
            })
        })();
        finish(errors, content)
    }

    fn title(content: &OrganisationContent) -> &str {
        content.name.primary_text()
    }
}

record_form!(
    /// A person and the posts they held.
    PersonForm {
        name: String,
        name_ms: String,
        name_zh: String,
        country: String,
        appointment_title: Vec<String>,
        appointment_title_ms: Vec<String>,
        appointment_title_zh: Vec<String>,
        appointment_organisation: Vec<String>,
        appointment_from: Vec<String>,
        appointment_to: Vec<String>,
    }
    steering { appointment_remove, }
);

#[derive(Debug, Clone, PartialEq)]
pub struct Appointment {
    pub title: Localized,
    pub organisation: Option<Slug>,
    pub starts_on: Option<PartialDate>,
    pub ends_on: Option<PartialDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonContent {
    pub name: Localized,
    pub country: CountryCode,
    pub appointments: Vec<Appointment>,
}

/// Whether `to` can end a span that starts at `from`, at whatever precision each is known:
/// "2024" may end a post begun in "2024-04", but "2023" may not.
fn ends_after(from: &PartialDate, to: &PartialDate) -> bool {
    let (from, to) = (from.iso().to_string(), to.iso().to_string());
    to >= from || from.starts_with(&to)
}

fn appointment(values: [&str; 6]) -> Result<Appointment, InvalidInput> {
    let [title, title_ms, title_zh, organisation, from, to] = values;
    let appointment = Appointment {
        title: translated_cell(
            (
                ["title", "title_ms", "title_zh"],
                [title, title_ms, title_zh],
            ),
            MAX_NAME,
            English::Required,
        )?,
        organisation: optional_ref("organisation", organisation, Collection::Organisations)?,
        starts_on: optional_partial_date("from", from)?,
        ends_on: optional_partial_date("to", to)?,
    };
    if let (Some(from), Some(to)) = (&appointment.starts_on, &appointment.ends_on)
        && !ends_after(from, to)
    {
        return Err(InvalidInput::because(
            "to",
            Message::new("invalid-before-start"),
        ));
    }
    Ok(appointment)
}

impl RecordForm for PersonForm {
    type Content = PersonContent;

    fn content(&self) -> Result<PersonContent, FormErrors> {
        let mut errors = FormErrors::default();
        let name = translated(
            &mut errors,
            texts!(self.name, name_ms, name_zh),
            MAX_NAME,
            English::Required,
        );
        let country = errors.check(country("country", &self.country));
        let columns = [
            &self.appointment_title[..],
            &self.appointment_title_ms[..],
            &self.appointment_title_zh[..],
            &self.appointment_organisation[..],
            &self.appointment_from[..],
            &self.appointment_to[..],
        ];
        let mut appointments = Vec::new();
        for (number, values) in errors
            .check(rows("appointments", columns, &self.appointment_remove))
            .unwrap_or_default()
        {
            match appointment(values) {
                Ok(appointment) => appointments.push(appointment),
                Err(error) => errors.add(in_row("appointments", number, error)),
            }
        }
        let content = (|| {
            Some(PersonContent {
                name: name?,
                country: country?,
                appointments,
            })
        })();
        finish(errors, content)
    }

    fn title(content: &PersonContent) -> &str {
        content.name.primary_text()
    }
}

record_form!(
    /// A government-to-government agreement, with an event to add to its status history.
    AgreementForm {
        title: String,
        title_ms: String,
        title_zh: String,
        signed_on: String,
        signed_at: String,
        signed_at_ms: String,
        signed_at_zh: String,
        summary: String,
        summary_ms: String,
        summary_zh: String,
        parties: Vec<String>,
        signatories: String,
        areas: Vec<String>,
        new_status: String,
        new_status_on: String,
        new_status_note: String,
        new_status_note_ms: String,
        new_status_note_zh: String,
    }
);

#[derive(Debug, Clone, PartialEq)]
pub struct AgreementContent {
    pub title: Localized,
    pub signed_on: Option<PartialDate>,
    pub signed_at: Localized,
    pub summary: Localized,
    pub parties: Vec<CountryCode>,
    pub signatories: Vec<Slug>,
    pub areas: Vec<Slug>,
    pub new_event: Option<StatusEvent>,
}

fn parties(codes: &[String]) -> Result<Vec<CountryCode>, InvalidInput> {
    let mut parties: Vec<CountryCode> = Vec::new();
    for code in codes {
        let party = country("parties", code)?;
        if !parties.contains(&party) {
            parties.push(party);
        }
    }
    if parties.len() < 2 {
        return Err(InvalidInput::because(
            "parties",
            Message::new("invalid-two-countries"),
        ));
    }
    Ok(parties)
}

impl RecordForm for AgreementForm {
    type Content = AgreementContent;

    fn content(&self) -> Result<AgreementContent, FormErrors> {
        let mut errors = FormErrors::default();
        let title = translated(
            &mut errors,
            texts!(self.title, title_ms, title_zh),
            MAX_NAME,
            English::Required,
        );
        let signed_on = errors.check(optional_partial_date("signed_on", &self.signed_on));
        let signed_at = translated(
            &mut errors,
            texts!(self.signed_at, signed_at_ms, signed_at_zh),
            MAX_SHORT,
            English::Optional,
        );
        let summary = translated(
            &mut errors,
            texts!(self.summary, summary_ms, summary_zh),
            MAX_TEXT,
            English::Optional,
        );
        let parties = errors.check(parties(&self.parties));
        let signatories = errors.check(refs_in(
            "signatories",
            &self.signatories,
            Collection::People,
        ));
        let areas = errors.check(area_slugs(&self.areas));
        let new_event = errors.check(status_event(
            &self.new_status,
            &self.new_status_on,
            texts!(self.new_status_note, new_status_note_ms, new_status_note_zh),
        ));
        let content = (|| {
            Some(AgreementContent {
                title: title?,
                signed_on: signed_on?,
                signed_at: signed_at?,
                summary: summary?,
                parties: parties?,
                signatories: signatories?,
                areas: areas?,
                new_event: new_event?,
            })
        })();
        finish(errors, content)
    }

    fn title(content: &AgreementContent) -> &str {
        content.title.primary_text()
    }
}

record_form!(
    /// A session of a joint body.
    MeetingForm {
        title: String,
        title_ms: String,
        title_zh: String,
        joint_body: String,
        joint_body_ms: String,
        joint_body_zh: String,
        ordinal: String,
        agreement: String,
        held_on: String,
        place: String,
        place_ms: String,
        place_zh: String,
        summary: String,
        summary_ms: String,
        summary_zh: String,
        outcomes: String,
        outcomes_ms: String,
        outcomes_zh: String,
        co_chairs: String,
        organisations: String,
        areas: Vec<String>,
    }
);

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingContent {
    pub title: Localized,
    pub joint_body: Localized,
    pub ordinal: Option<i32>,
    pub agreement: Option<Slug>,
    pub held_on: Option<PartialDate>,
    pub place: Localized,
    pub summary: Localized,
    pub outcomes: Localized,
    /// In the order they are listed.
    pub co_chairs: Vec<Slug>,
    pub organisations: Vec<Slug>,
    pub areas: Vec<Slug>,
}

fn ordinal(input: &str) -> Result<Option<i32>, InvalidInput> {
    match input.trim() {
        "" => Ok(None),
        text => text
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=10_000).contains(n))
            .map(Some)
            .ok_or_else(|| InvalidInput::because("ordinal", Message::new("invalid-ordinal"))),
    }
}

impl RecordForm for MeetingForm {
    type Content = MeetingContent;

    fn content(&self) -> Result<MeetingContent, FormErrors> {
        let mut errors = FormErrors::default();
        let title = translated(
            &mut errors,
            texts!(self.title, title_ms, title_zh),
            MAX_NAME,
            English::Required,
        );
        let joint_body = translated(
            &mut errors,
            texts!(self.joint_body, joint_body_ms, joint_body_zh),
            MAX_SHORT,
            English::Required,
        );
        let ordinal = errors.check(ordinal(&self.ordinal));
        let agreement = errors.check(optional_ref(
            "agreement",
            &self.agreement,
            Collection::Agreements,
        ));
        let held_on = errors.check(optional_partial_date("held_on", &self.held_on));
        let place = translated(
            &mut errors,
            texts!(self.place, place_ms, place_zh),
            MAX_SHORT,
            English::Optional,
        );
        let summary = translated(
            &mut errors,
            texts!(self.summary, summary_ms, summary_zh),
            MAX_TEXT,
            English::Optional,
        );
        let outcomes = translated(
            &mut errors,
            texts!(self.outcomes, outcomes_ms, outcomes_zh),
            MAX_TEXT,
            English::Optional,
        );
        let co_chairs = errors.check(refs_in("co_chairs", &self.co_chairs, Collection::People));
        let organisations = errors.check(refs_in(
            "organisations",
            &self.organisations,
            Collection::Organisations,
        ));
        let areas = errors.check(area_slugs(&self.areas));
        let content = (|| {
            Some(MeetingContent {
                title: title?,
                joint_body: joint_body?,
                ordinal: ordinal?,
                agreement: agreement?,
                held_on: held_on?,
                place: place?,
                summary: summary?,
                outcomes: outcomes?,
                co_chairs: co_chairs?,
                organisations: organisations?,
                areas: areas?,
            })
        })();
        finish(errors, content)
    }

    fn title(content: &MeetingContent) -> &str {
        content.title.primary_text()
    }
}

record_form!(
    /// A visit, its members and its itinerary.
    DelegationForm {
        title: String,
        title_ms: String,
        title_zh: String,
        leader: String,
        from_country: String,
        host_country: String,
        starts_on: String,
        ends_on: String,
        purpose: String,
        purpose_ms: String,
        purpose_zh: String,
        members: String,
        areas: Vec<String>,
        stop_position: Vec<String>,
        stop_title: Vec<String>,
        stop_title_ms: Vec<String>,
        stop_title_zh: Vec<String>,
        stop_on: Vec<String>,
        stop_place: Vec<String>,
        stop_place_ms: Vec<String>,
        stop_place_zh: Vec<String>,
        stop_organisation: Vec<String>,
        stop_meeting: Vec<String>,
        stop_event: Vec<String>,
        stop_event_ms: Vec<String>,
        stop_event_zh: Vec<String>,
        stop_summary: Vec<String>,
        stop_summary_ms: Vec<String>,
        stop_summary_zh: Vec<String>,
    }
    steering { stop_id, stop_remove, }
);

/// A member of a delegation and the role they had on the visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub person: Slug,
    pub role: Localized,
}

/// One stop of an itinerary; `id` is the stop it edits, `None` for a new stop.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub id: Option<i32>,
    pub title: Localized,
    pub stop_on: Option<PartialDate>,
    pub place: Localized,
    pub organisation: Option<Slug>,
    pub meeting: Option<Slug>,
    pub event_name: Localized,
    pub summary: Localized,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DelegationContent {
    pub title: Localized,
    pub leader: Option<Slug>,
    pub from_country: CountryCode,
    pub host_country: CountryCode,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub purpose: Localized,
    pub members: Vec<Member>,
    pub areas: Vec<Slug>,
    /// In itinerary order.
    pub stops: Vec<Stop>,
}

/// Members one per line, each an address with an optional role after a bar:
/// `/people/chang-lih-kang | Minister of Science, Technology and Innovation`.
fn members(input: &str) -> Result<Vec<Member>, InvalidInput> {
    let mut members: Vec<Member> = Vec::new();
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut parts = line.splitn(4, '|');
        let person = parts.next().unwrap_or_default();
        let roles: [&str; 3] = std::array::from_fn(|_| parts.next().unwrap_or_default());
        let person = refs_in("members", person, Collection::People)?
            .pop()
            .ok_or_else(|| {
                InvalidInput::because("members", Message::new("invalid-member-without-person"))
            })?;
        if members.iter().any(|m| m.person == person) {
            return Err(InvalidInput::because(
                "members",
                Message::new("invalid-member-twice").text("address", format!("/people/{person}")),
            ));
        }
        let role = translated_cell((["members"; 3], roles), MAX_SHORT, English::Optional)?;
        members.push(Member { person, role });
    }
    Ok(members)
}

fn stop(id: &str, values: [&str; 16]) -> Result<(Option<u32>, Stop), InvalidInput> {
    let [
        position,
        title,
        title_ms,
        title_zh,
        on,
        place,
        place_ms,
        place_zh,
        organisation,
        meeting,
        event,
        event_ms,
        event_zh,
        summary,
        summary_ms,
        summary_zh,
    ] = values;
    let position = match position {
        "" => None,
        text => Some(
            text.parse::<u32>()
                .ok()
                .filter(|p| (1..=1_000).contains(p))
                .ok_or_else(|| {
                    InvalidInput::because("position", Message::new("invalid-position"))
                })?,
        ),
    };
    let id = match id.trim() {
        "" => None,
        text => Some(
            text.parse::<i32>()
                .map_err(|_| InvalidInput::because("stop", Message::new("invalid-stop")))?,
        ),
    };
    let stop = Stop {
        id,
        title: translated_cell(
            (
                ["title", "title_ms", "title_zh"],
                [title, title_ms, title_zh],
            ),
            MAX_NAME,
            English::Required,
        )?,
        stop_on: optional_partial_date("date", on)?,
        place: translated_cell(
            (
                ["place", "place_ms", "place_zh"],
                [place, place_ms, place_zh],
            ),
            MAX_SHORT,
            English::Optional,
        )?,
        organisation: optional_ref("organisation", organisation, Collection::Organisations)?,
        meeting: optional_ref("meeting", meeting, Collection::Meetings)?,
        event_name: translated_cell(
            (
                ["event", "event_ms", "event_zh"],
                [event, event_ms, event_zh],
            ),
            MAX_SHORT,
            English::Optional,
        )?,
        summary: translated_cell(
            (
                ["summary", "summary_ms", "summary_zh"],
                [summary, summary_ms, summary_zh],
            ),
            MAX_TEXT,
            English::Optional,
        )?,
    };
    Ok((position, stop))
}

impl DelegationForm {
    /// The stops in the order their positions give; stops without a position keep their place
    /// after the numbered ones.
    fn stops(&self, errors: &mut FormErrors) -> Vec<Stop> {
        let columns = [
            &self.stop_position[..],
            &self.stop_title[..],
            &self.stop_title_ms[..],
            &self.stop_title_zh[..],
            &self.stop_on[..],
            &self.stop_place[..],
            &self.stop_place_ms[..],
            &self.stop_place_zh[..],
            &self.stop_organisation[..],
            &self.stop_meeting[..],
            &self.stop_event[..],
            &self.stop_event_ms[..],
            &self.stop_event_zh[..],
            &self.stop_summary[..],
            &self.stop_summary_ms[..],
            &self.stop_summary_zh[..],
        ];
        let mut stops = Vec::new();
        for (number, values) in errors
            .check(rows("itinerary", columns, &self.stop_remove))
            .unwrap_or_default()
        {
            let id = self.stop_id.get(number - 1).map_or("", String::as_str);
            match stop(id, values) {
                Ok((position, stop)) => stops.push((position.unwrap_or(u32::MAX), number, stop)),
                Err(error) => errors.add(in_row("itinerary", number, error)),
            }
        }
        stops.sort_by_key(|(position, number, _)| (*position, *number));
        stops.into_iter().map(|(_, _, stop)| stop).collect()
    }
}

impl RecordForm for DelegationForm {
    type Content = DelegationContent;

    fn content(&self) -> Result<DelegationContent, FormErrors> {
        let mut errors = FormErrors::default();
        let title = translated(
            &mut errors,
            texts!(self.title, title_ms, title_zh),
            MAX_NAME,
            English::Required,
        );
        let leader = errors.check(optional_ref("leader", &self.leader, Collection::People));
        let from_country = errors.check(country("from_country", &self.from_country));
        let host_country = errors.check(country("host_country", &self.host_country));
        let starts_on = errors.check(required_day("starts_on", &self.starts_on));
        let ends_on = errors.check(required_day("ends_on", &self.ends_on));
        if let (Some(start), Some(end)) = (starts_on, ends_on)
            && end < start
        {
            errors.add(InvalidInput::because(
                "ends_on",
                Message::new("invalid-before-start"),
            ));
        }
        let purpose = translated(
            &mut errors,
            texts!(self.purpose, purpose_ms, purpose_zh),
            MAX_TEXT,
            English::Optional,
        );
        let members = errors.check(members(&self.members));
        let areas = errors.check(area_slugs(&self.areas));
        let stops = self.stops(&mut errors);
        let content = (|| {
            Some(DelegationContent {
                title: title?,
                leader: leader?,
                from_country: from_country?,
                host_country: host_country?,
                starts_on: starts_on?,
                ends_on: ends_on?,
                purpose: purpose?,
                members: members?,
                areas: areas?,
                stops,
            })
        })();
        finish(errors, content)
    }

    fn title(content: &DelegationContent) -> &str {
        content.title.primary_text()
    }
}

record_form!(
    /// A memorandum of understanding between organisations.
    MouForm {
        title: String,
        title_ms: String,
        title_zh: String,
        signed_on: String,
        place: String,
        place_ms: String,
        place_zh: String,
        signed_at: String,
        purpose: String,
        purpose_ms: String,
        purpose_zh: String,
        parties: String,
        witnesses: String,
        areas: Vec<String>,
        valid_until: String,
        renews: String,
        new_status: String,
        new_status_on: String,
        new_status_note: String,
        new_status_note_ms: String,
        new_status_note_zh: String,
    }
);

/// Where an MoU was signed: at a meeting, or at the `number`-th stop of a visit's itinerary.
#[derive(Debug, Clone, PartialEq)]
pub enum SigningPlace {
    Meeting(Slug),
    Stop { delegation: Slug, number: u32 },
}

impl SigningPlace {
    /// A meeting's address (or slug), or a stop as `/delegations/<slug>#stop-<number>`, the
    /// stop's anchor on the visit's page.
    pub fn parse(field: &'static str, input: &str) -> Result<Option<Self>, InvalidInput> {
        let text = input.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let refuse = || {
            InvalidInput::because(
                field,
                Message::new("invalid-signing-place").text("text", shorten(text, 80)),
            )
        };
        match text.split_once('#') {
            Some((delegation, anchor)) => {
                let number = anchor
                    .strip_prefix("stop-")
                    .and_then(|n| n.parse::<u32>().ok())
                    .filter(|n| (1..=1_000).contains(n))
                    .ok_or_else(refuse)?;
                let delegation = optional_ref(field, delegation, Collection::Delegations)
                    .map_err(|_| refuse())?
                    .ok_or_else(refuse)?;
                Ok(Some(Self::Stop { delegation, number }))
            }
            None => optional_ref(field, text, Collection::Meetings)
                .map(|slug| slug.map(Self::Meeting))
                .map_err(|_| refuse()),
        }
    }

    pub fn address(&self) -> String {
        match self {
            Self::Meeting(slug) => format!("/meetings/{slug}"),
            Self::Stop { delegation, number } => format!("/delegations/{delegation}#stop-{number}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MouContent {
    pub title: Localized,
    pub signed_on: Option<PartialDate>,
    pub place: Localized,
    pub signed_at: Option<SigningPlace>,
    pub purpose: Localized,
    /// In the order the MoU names them.
    pub parties: Vec<Slug>,
    pub witnesses: Vec<Slug>,
    pub areas: Vec<Slug>,
    pub valid_until: Option<NaiveDate>,
    pub renews: Option<Slug>,
    pub new_event: Option<StatusEvent>,
}

fn mou_parties(input: &str) -> Result<Vec<Slug>, InvalidInput> {
    let parties = refs_in("parties", input, Collection::Organisations)?;
    if parties.len() < 2 {
        return Err(InvalidInput::because(
            "parties",
            Message::new("invalid-two-organisations"),
        ));
    }
    Ok(parties)
}

impl RecordForm for MouForm {
    type Content = MouContent;

    fn content(&self) -> Result<MouContent, FormErrors> {
        let mut errors = FormErrors::default();
        let title = translated(
            &mut errors,
            texts!(self.title, title_ms, title_zh),
            MAX_NAME,
            English::Required,
        );
        let signed_on = errors.check(optional_partial_date("signed_on", &self.signed_on));
        let place = translated(
            &mut errors,
            texts!(self.place, place_ms, place_zh),
            MAX_SHORT,
            English::Optional,
        );
        let signed_at = errors.check(SigningPlace::parse("signed_at", &self.signed_at));
        let purpose = translated(
            &mut errors,
            texts!(self.purpose, purpose_ms, purpose_zh),
            MAX_TEXT,
            English::Optional,
        );
        let parties = errors.check(mou_parties(&self.parties));
        let witnesses = errors.check(refs_in("witnesses", &self.witnesses, Collection::People));
        let areas = errors.check(area_slugs(&self.areas));
        let valid_until = errors.check(optional_day("valid_until", &self.valid_until));
        let renews = errors.check(optional_ref("renews", &self.renews, Collection::Mous));
        let new_event = errors.check(status_event(
            &self.new_status,
            &self.new_status_on,
            texts!(self.new_status_note, new_status_note_ms, new_status_note_zh),
        ));
        let content = (|| {
            Some(MouContent {
                title: title?,
                signed_on: signed_on?,
                place: place?,
                signed_at: signed_at?,
                purpose: purpose?,
                parties: parties?,
                witnesses: witnesses?,
                areas: areas?,
                valid_until: valid_until?,
                renews: renews?,
                new_event: new_event?,
            })
        })();
        finish(errors, content)
    }

    fn title(content: &MouContent) -> &str {
        content.title.primary_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn an_organisation_needs_a_name_a_country_a_kind_and_a_safe_website() {
        let form = OrganisationForm {
            name: "<script>alert(1)</script>".into(),
            country: "my".into(),
            kind: "agency".into(),
            website: "https://www.mimos.my".into(),
            ..OrganisationForm::default()
        };
        let content = form.content().unwrap();
        assert_eq!(content.country.as_str(), "MY");
        assert_eq!(content.short_name, None);
        let bad = OrganisationForm {
            name: " ".into(),
            country: "Malaysia".into(),
            kind: "club".into(),
            website: "javascript:alert(1)".into(),
            description: "x".repeat(MAX_TEXT + 1),
            ..OrganisationForm::default()
        };
        let errors = bad.content().unwrap_err();
        for field in ["name", "country", "kind", "website", "description"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn appointment_rows_skip_blanks_and_removals_and_name_bad_rows() {
        let form = PersonForm {
            name: "Chang Lih Kang".into(),
            country: "MY".into(),
            appointment_title: strings(&["Minister", "", "Deputy", "Old post"]),
            appointment_organisation: strings(&["/organisations/mosti", "", "", ""]),
            appointment_from: strings(&["2022-12", "", "2020", ""]),
            appointment_to: strings(&["", "", "2019", ""]),
            appointment_remove: strings(&["3"]),
            ..PersonForm::default()
        };
        let errors = form.content().unwrap_err();
        let message = errors.get("appointments").unwrap().sentence_in(Lang::En);
        assert!(message.contains("row 3"), "{message}");
        let fixed = PersonForm {
            appointment_to: strings(&["", "", "2021", ""]),
            ..form
        };
        let content = fixed.content().unwrap();
        assert_eq!(content.appointments.len(), 2);
        assert_eq!(
            content.appointments[0]
                .organisation
                .as_ref()
                .unwrap()
                .as_str(),
            "mosti"
        );
    }

    #[test]
    fn a_span_may_end_in_the_year_it_began() {
        let date = |t| PartialDate::parse(t).unwrap();
        assert!(ends_after(&date("2024-04"), &date("2024")));
        assert!(ends_after(&date("2024-04"), &date("2024-04-30")));
        assert!(!ends_after(&date("2024-04"), &date("2023")));
    }

    #[test]
    fn an_agreement_has_two_parties_and_an_optional_status_event() {
        let form = AgreementForm {
            title: "Space cooperation".into(),
            parties: strings(&["MY", "CN"]),
            signatories: "chang-lih-kang".into(),
            new_status: "in_force".into(),
            new_status_on: "2024-05".into(),
            ..AgreementForm::default()
        };
        let content = form.content().unwrap();
        assert_eq!(content.new_event.unwrap().status, RecordStatus::InForce);
        let bad = AgreementForm {
            parties: strings(&["MY"]),
            new_status: "".into(),
            new_status_note: "ratified".into(),
            ..form
        };
        let errors = bad.content().unwrap_err();
        assert!(errors.get("parties").is_some());
        assert!(errors.get("new_status").is_some());
    }

    #[test]
    fn a_visit_ends_on_or_after_its_start_and_orders_its_stops() {
        let form = DelegationForm {
            title: "Working visit".into(),
            from_country: "MY".into(),
            host_country: "CN".into(),
            starts_on: "2024-04-24".into(),
            ends_on: "2024-04-28".into(),
            members: "/people/a | Minister\nb".into(),
            stop_id: strings(&["7", "", ""]),
            stop_position: strings(&["2", "1", ""]),
            stop_title: strings(&["Second", "First", ""]),
            ..DelegationForm::default()
        };
        let content = form.content().unwrap();
        let titles: Vec<&str> = content
            .stops
            .iter()
            .map(|s| s.title.primary_text())
            .collect();
        assert_eq!(titles, ["First", "Second"]);
        assert_eq!(content.stops[1].id, Some(7));
        assert_eq!(content.members[0].role.primary_text(), "Minister");
        assert!(content.members[1].role.is_empty());
        let backwards = DelegationForm {
            ends_on: "2024-04-23".into(),
            members: "/people/a\n/people/a".into(),
            ..form
        };
        let errors = backwards.content().unwrap_err();
        assert!(errors.get("ends_on").is_some());
        assert!(errors.get("members").is_some());
    }

    #[test]
    fn an_mou_has_two_parties_and_is_signed_at_a_meeting_or_a_stop() {
        let form = MouForm {
            title: "MIMOS–CETC MoU".into(),
            parties: "/organisations/mimos\ncetc".into(),
            signed_at: "/delegations/working-visit-to-china-2024#stop-3".into(),
            valid_until: "2029-04-30".into(),
            ..MouForm::default()
        };
        let content = form.content().unwrap();
        assert_eq!(
            content.signed_at.unwrap().address(),
            "/delegations/working-visit-to-china-2024#stop-3"
        );
        let bad = MouForm {
            parties: "/organisations/mimos".into(),
            signed_at: "/mous/x".into(),
            valid_until: "2029".into(),
            ..MouForm::default()
        };
        let errors = bad.content().unwrap_err();
        for field in ["title", "parties", "signed_at", "valid_until"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn a_record_text_keeps_each_translation_and_checks_each_field() {
        let form = OrganisationForm {
            name: "Universiti Malaya".into(),
            name_zh: "马来亚大学".into(),
            country: "MY".into(),
            kind: "university".into(),
            description_ms: "Universiti tertua di Malaysia.".into(),
            ..OrganisationForm::default()
        };
        let content = form.content().unwrap();
        assert_eq!(content.name.get(Lang::Zh), Some("马来亚大学"));
        assert_eq!(content.name.get(Lang::Ms), None);
        assert_eq!(
            content.description.shown(Lang::En).lang,
            Lang::Ms,
            "a text written only in Malay stands in for the English"
        );
        let bad = OrganisationForm {
            name: String::new(),
            name_ms: "x".repeat(MAX_NAME + 1),
            ..form
        };
        let errors = bad.content().unwrap_err();
        assert!(errors.get("name").is_some());
        assert!(errors.get("name_ms").is_some());
        assert!(errors.get("name_zh").is_none());
    }

    #[test]
    fn rows_and_member_roles_carry_their_translations() {
        let form = DelegationForm {
            title: "Working visit".into(),
            title_zh: "工作访问".into(),
            from_country: "MY".into(),
            host_country: "CN".into(),
            starts_on: "2024-04-24".into(),
            ends_on: "2024-04-28".into(),
            members: "/people/a | Minister | Menteri | 部长".into(),
            stop_title: strings(&["Beijing"]),
            stop_title_zh: strings(&["北京"]),
            stop_place_ms: strings(&["Beijing, China"]),
            ..DelegationForm::default()
        };
        let content = form.content().unwrap();
        assert_eq!(content.title.get(Lang::Zh), Some("工作访问"));
        let role = &content.members[0].role;
        assert_eq!(
            [role.get(Lang::En), role.get(Lang::Ms), role.get(Lang::Zh)],
            [Some("Minister"), Some("Menteri"), Some("部长")]
        );
        assert_eq!(content.stops[0].title.get(Lang::Zh), Some("北京"));
        assert_eq!(content.stops[0].place.get(Lang::Ms), Some("Beijing, China"));
        let untitled = DelegationForm {
            stop_title: strings(&[""]),
            ..form
        };
        let message = untitled
            .content()
            .unwrap_err()
            .get("itinerary")
            .unwrap()
            .sentence_in(Lang::En);
        assert!(message.contains("row 1"), "{message}");
    }

    #[test]
    fn too_many_rows_are_refused_not_stored() {
        let many = vec!["x".to_owned(); MAX_ROWS + 1];
        let form = PersonForm {
            name: "A".into(),
            country: "MY".into(),
            appointment_title: many,
            ..PersonForm::default()
        };
        assert!(form.content().unwrap_err().get("appointments").is_some());
    }
}
