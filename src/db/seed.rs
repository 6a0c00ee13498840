//! The demo data: the Malaysia–China STI cooperation as the ministry's press statement of
//! 29 April 2024 records it. Only facts the statement gives, or well-known public facts such as
//! an organisation's country, are recorded; a date the statement does not give stays unknown.

mod translations;

use super::DbResult;
use super::schema::*;
use crate::domain::markdown::{self, RENDERER_VERSION};
use crate::domain::{OrganisationKind, PartialDate, RecordStatus, StatementStatus};
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// Whether the database holds no records yet: demo data goes only into an empty database.
pub fn is_empty(conn: &mut SqliteConnection) -> DbResult<bool> {
    let records: i64 = countries::table.count().get_result(conn)?;
    let statements: i64 = statements::table.count().get_result(conn)?;
    Ok(records == 0 && statements == 0)
}

/// Fills an empty database with the demo records; does nothing (and says so) otherwise.
/// Meant to run inside one write transaction, so that it lands whole or not at all.
pub fn seed_demo_if_empty(conn: &mut SqliteConnection) -> DbResult<bool> {
    if !is_empty(conn)? {
        return Ok(false);
    }
    Demo { conn }.insert()?;
    Ok(true)
}

fn date(text: &str) -> Option<PartialDate> {
    PartialDate::parse(text).ok()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Inserts one link row per id in `$others`: `link!(self, mou_areas, mou_id = id, area_id in &[a, b])`.
macro_rules! link {
    ($demo:expr, $table:ident, $owner_column:ident = $owner:expr, $other_column:ident in $others:expr) => {
        for other in $others {
            diesel::insert_into($table::table)
                .values((
                    $table::$owner_column.eq($owner),
                    $table::$other_column.eq(*other),
                ))
                .execute($demo.conn)?;
        }
    };
}

struct Demo<'c> {
    conn: &'c mut SqliteConnection,
}

struct Organisation<'a> {
    slug: &'a str,
    name: &'a str,
    short_name: Option<&'a str>,
    country: i32,
    kind: OrganisationKind,
    website: Option<&'a str>,
    description: &'a str,
}

struct Mou<'a> {
    slug: &'a str,
    title: &'a str,
    place: &'a str,
    meeting: Option<i32>,
    stop: i32,
    purpose: &'a str,
    parties: &'a [i32],
    witnesses: &'a [i32],
    areas: &'a [i32],
    note: &'a str,
}

struct Stop<'a> {
    title: &'a str,
    place: Option<&'a str>,
    organisation: Option<i32>,
    meeting: Option<i32>,
    event_name: Option<&'a str>,
    summary: &'a str,
}

impl Demo<'_> {
    fn country(&mut self, code: &str, slug: &str, name: &str) -> QueryResult<i32> {
        diesel::insert_into(countries::table)
            .values((
                countries::code.eq(code),
                countries::slug.eq(slug),
                countries::name.eq(name),
            ))
            .returning(countries::id)
            .get_result(self.conn)
    }

    fn area(&mut self, slug: &str, name: &str, description: &str) -> QueryResult<i32> {
        diesel::insert_into(focus_areas::table)
            .values((
                focus_areas::slug.eq(slug),
                focus_areas::name.eq(name),
                focus_areas::description.eq(description),
            ))
            .returning(focus_areas::id)
            .get_result(self.conn)
    }

    fn organisation(&mut self, o: Organisation<'_>) -> QueryResult<i32> {
        diesel::insert_into(organisations::table)
            .values((
                organisations::slug.eq(o.slug),
                organisations::name.eq(o.name),
                organisations::short_name.eq(o.short_name),
                organisations::country_id.eq(o.country),
                organisations::kind.eq(o.kind),
                organisations::website.eq(o.website),
                organisations::description.eq(o.description),
            ))
            .returning(organisations::id)
            .get_result(self.conn)
    }

    fn person(
        &mut self,
        slug: &str,
        name: &str,
        country: i32,
        post: (&str, i32, &str),
    ) -> QueryResult<i32> {
        let id = diesel::insert_into(people::table)
            .values((
                people::slug.eq(slug),
                people::name.eq(name),
                people::country_id.eq(country),
            ))
            .returning(people::id)
            .get_result(self.conn)?;
        let (title, organisation, since) = post;
        diesel::insert_into(appointments::table)
            .values((
                appointments::person_id.eq(id),
                appointments::title.eq(title),
                appointments::organisation_id.eq(organisation),
                appointments::starts_on.eq(since),
            ))
            .execute(self.conn)?;
        Ok(id)
    }
}

const STATEMENT_BODY: &str = r#"The Ministry of Science, Technology and Innovation (MOSTI) announced on 29 April 2024 that Malaysia and China will carry their research collaboration forward through the **Second Malaysia–China Joint Research Project Group**.

## Joint research

The Joint Research Project Group will concentrate on:

- energy storage technology;
- human vaccines;
- space technology;
- artificial intelligence;
- blockchain;
- advanced materials technology.

## The 3rd Joint Committee Meeting

The commitment was discussed at the **3rd Malaysia–China Joint Committee Meeting (JCM) on Science, Technology and Innovation Cooperation**, co-chaired by the Minister of Science, Technology and Innovation, Chang Lih Kang, and China's Minister of Science and Technology, Yin Hejun. The meeting took place during the Minister's working visit to China from 24 to 28 April 2024.

The JCM is held under the Science, Technology and Innovation Cooperation Agreement that Malaysia and China signed on 4 October 2013. This year's meeting fell in the 50th anniversary of diplomatic relations between the two countries.

Besides the research areas above, the meeting covered microelectronics technology, advanced materials technology, technology transfer and entrepreneurship, people-to-people exchange, and cooperation within multilateral mechanisms.

At the close of the meeting, both ministers witnessed the signing of a memorandum of understanding (MoU) on semiconductor and microelectronics technology cooperation between Xiamen University, the Malaysian Institute of Microelectronic Systems (MIMOS) and Xiamen University Malaysia.

## Four MoUs

| Parties | Where | Field |
| --- | --- | --- |
| Xiamen University, MIMOS and Xiamen University Malaysia | 3rd Joint Committee Meeting | semiconductors and microelectronics |
| MIMOS Berhad and CETC | CETC | advanced packaging, broadband semiconductors, system design |
| MRANTI and Beijing Zhongguancun Science City Innovation Development Co Ltd | Zhongguancun Forum 2024 | technology commercialisation |
| Gigafactory Malaysia, BAIC International Development and BAIC Bluepark New Energy Technology | Auto China 2024 | electric vehicles |

## Visits to industry

During the visit the Minister met China Electronics Technology Group Corporation (CETC), TCab Technology Co Ltd and Xiaomi to explore cooperation with China's STI industries.

- **CETC** — the Minister witnessed the signing of an MoU between MIMOS Berhad and CETC on advanced packaging, broadband semiconductors and system design. According to the ministry, the cooperation can advance technology, drive economic growth and strengthen competitiveness globally.
- **Zhongguancun Forum 2024** — the Minister took part in the forum and witnessed the exchange of an MoU between the Malaysian Research Accelerator for Technology and Innovation (MRANTI) and Beijing Zhongguancun Science City Innovation Development Co Ltd to set up an International Technology Commercialisation Office between Z-Park and MRANTI, helping start-ups and spin-off companies of both countries reach markets and financing.
- **Auto China 2024** — the Minister witnessed the signing of an MoU between Gigafactory Malaysia Sdn Bhd (GMSB), BAIC International Development Co Ltd and BAIC Bluepark New Energy Technology Co Ltd to promote innovation in electric vehicles (EV) and EV adoption in the ASEAN region.

## Space cooperation

The Minister also visited the China National Space Administration (CNSA) to strengthen the bilateral relationship built on the Agreement on Space Cooperation and the Peaceful Use of Outer Space, and to speed up the exchange of science and technology for the peaceful exploration and use of space.

The ministry described the visit, and the cooperation it produced, as significant milestones for Malaysia–China cooperation that will keep fostering innovation for the benefit of both countries.
"#;

impl Demo<'_> {
    fn insert(mut self) -> DbResult<()> {
        use OrganisationKind::*;
        let my = self.country("MY", "malaysia", "Malaysia")?;
        let cn = self.country("CN", "china", "China")?;

        let energy = self.area(
            "energy-storage",
            "Energy storage",
            "Technologies that store energy for later use, from batteries to grid-scale systems.",
        )?;
        let vaccines = self.area(
            "human-vaccines",
            "Human vaccines",
            "Research, development and production of vaccines for people.",
        )?;
        let space = self.area(
            "space-technology",
            "Space technology",
            "Space science, satellites and the peaceful exploration and use of outer space.",
        )?;
        let ai = self.area(
            "artificial-intelligence",
            "Artificial intelligence",
            "Machine learning and other artificial intelligence research and applications.",
        )?;
        let blockchain = self.area(
            "blockchain",
            "Blockchain",
            "Distributed ledger technology and its applications.",
        )?;
        let materials = self.area(
            "advanced-materials",
            "Advanced materials",
            "New materials and the technology to make and use them.",
        )?;
        let chips = self.area(
            "microelectronics-and-semiconductors",
            "Microelectronics and semiconductors",
            "Chip design, advanced packaging, broadband semiconductors and system design.",
        )?;
        let transfer = self.area("technology-transfer-and-commercialisation", "Technology transfer and commercialisation", "Bringing research to market: technology transfer, entrepreneurship, start-ups and spin-off companies.")?;
        let people_exchange = self.area(
            "people-to-people-exchange",
            "People-to-people exchange",
            "Exchanges of researchers, students and experts between the two countries.",
        )?;
        let multilateral = self.area(
            "multilateral-cooperation",
            "Multilateral cooperation",
            "Cooperation within the framework of multilateral mechanisms.",
        )?;
        let ev = self.area(
            "electric-vehicles",
            "Electric vehicles",
            "Innovation in electric vehicles and their adoption.",
        )?;

        let mosti = self.organisation(Organisation { slug: "mosti", name: "Ministry of Science, Technology and Innovation", short_name: Some("MOSTI"), country: my, kind: Ministry, website: Some("https://www.mosti.gov.my"), description: "The Malaysian ministry responsible for science, technology and innovation; it leads Malaysia's side of the cooperation." })?;
        let most = self.organisation(Organisation { slug: "most-china", name: "Ministry of Science and Technology of the People's Republic of China", short_name: Some("MOST"), country: cn, kind: Ministry, website: Some("https://www.most.gov.cn"), description: "The Chinese ministry responsible for science and technology; it leads China's side of the cooperation." })?;
        let xmu = self.organisation(Organisation {
            slug: "xiamen-university",
            name: "Xiamen University",
            short_name: None,
            country: cn,
            kind: University,
            website: Some("https://www.xmu.edu.cn"),
            description: "A university in Xiamen, Fujian.",
        })?;
        let mimos = self.organisation(Organisation { slug: "mimos", name: "MIMOS Berhad (Malaysian Institute of Microelectronic Systems)", short_name: Some("MIMOS"), country: my, kind: ResearchInstitute, website: Some("https://www.mimos.my"), description: "Malaysia's national applied research and development centre in microelectronics and information technology." })?;
        let xmum = self.organisation(Organisation {
            slug: "xiamen-university-malaysia",
            name: "Xiamen University Malaysia",
            short_name: Some("XMUM"),
            country: my,
            kind: University,
            website: Some("https://www.xmu.edu.my"),
            description: "The Malaysian campus of Xiamen University, in Sepang, Selangor.",
        })?;
        let cetc = self.organisation(Organisation {
            slug: "cetc",
            name: "China Electronics Technology Group Corporation",
            short_name: Some("CETC"),
            country: cn,
            kind: Company,
            website: Some("https://www.cetc.com.cn"),
            description: "A state-owned Chinese electronics and information technology group.",
        })?;
        let tcab = self.organisation(Organisation {
            slug: "tcab-technology",
            name: "TCab Technology Co Ltd",
            short_name: Some("TCab Technology"),
            country: cn,
            kind: Company,
            website: None,
            description: "",
        })?;
        let xiaomi = self.organisation(Organisation {
            slug: "xiaomi",
            name: "Xiaomi",
            short_name: None,
            country: cn,
            kind: Company,
            website: Some("https://www.mi.com"),
            description: "A Chinese consumer electronics company.",
        })?;
        let mranti = self.organisation(Organisation { slug: "mranti", name: "Malaysian Research Accelerator for Technology and Innovation", short_name: Some("MRANTI"), country: my, kind: Agency, website: Some("https://mranti.my"), description: "The Malaysian agency that helps research and technology reach the market." })?;
        let zgc = self.organisation(Organisation { slug: "zhongguancun-science-city", name: "Beijing Zhongguancun Science City Innovation Development Co Ltd", short_name: Some("Zhongguancun Science City"), country: cn, kind: Company, website: None, description: "A company developing innovation in Zhongguancun (Z-Park), Beijing's science park." })?;
        let gmsb = self.organisation(Organisation {
            slug: "gigafactory-malaysia",
            name: "Gigafactory Malaysia Sdn Bhd",
            short_name: Some("GMSB"),
            country: my,
            kind: Company,
            website: None,
            description: "",
        })?;
        let baic_international = self.organisation(Organisation {
            slug: "baic-international",
            name: "BAIC International Development Co Ltd",
            short_name: Some("BAIC International"),
            country: cn,
            kind: Company,
            website: None,
            description: "The international arm of the Beijing automotive group BAIC.",
        })?;
        let baic_bluepark = self.organisation(Organisation {
            slug: "baic-bluepark",
            name: "BAIC Bluepark New Energy Technology Co Ltd",
            short_name: Some("BAIC Bluepark"),
            country: cn,
            kind: Company,
            website: None,
            description: "BAIC's new energy vehicle company.",
        })?;
        let cnsa = self.organisation(Organisation {
            slug: "cnsa",
            name: "China National Space Administration",
            short_name: Some("CNSA"),
            country: cn,
            kind: Agency,
            website: Some("https://www.cnsa.gov.cn"),
            description: "China's national space agency.",
        })?;

        let chang = self.person(
            "chang-lih-kang",
            "Chang Lih Kang",
            my,
            (
                "Minister of Science, Technology and Innovation",
                mosti,
                "2022-12",
            ),
        )?;
        let yin = self.person(
            "yin-hejun",
            "Yin Hejun",
            cn,
            ("Minister of Science and Technology", most, "2023-03"),
        )?;

        let sti_agreement = self.agreement(
            "sti-cooperation-agreement-2013",
            "Malaysia–China Science, Technology and Innovation Cooperation Agreement",
            date("2013-10-04"),
            "The framework of science, technology and innovation cooperation between Malaysia and China, signed on 4 October 2013. The Joint Committee Meetings on STI cooperation are organised under it.",
            &[my, cn],
            &[],
        )?;
        let space_agreement = self.agreement(
            "space-cooperation-agreement",
            "Agreement on Space Cooperation and the Peaceful Use of Outer Space",
            None,
            "An agreement between Malaysia and China to speed up the exchange of science and technology for the exploration and use of outer space for peaceful purposes.",
            &[my, cn],
            &[space],
        )?;

        let jcm = self.meeting(
            ("3rd-joint-committee-meeting-sti", "3rd Malaysia–China Joint Committee Meeting on STI Cooperation"),
            "Malaysia–China Joint Committee on Science, Technology and Innovation Cooperation",
            Some(3),
            sti_agreement,
            (date("2024-04"), Some("China")),
            "The third meeting of the joint committee, held during the Minister's working visit to China of 24–28 April 2024, in the year of the 50th anniversary of Malaysia–China diplomatic relations.",
            "The two sides pledged to collaborate in research through the Second Malaysia–China Joint Research Project Group, and discussed microelectronics technology, advanced materials technology, technology transfer and entrepreneurship, people-to-people exchange, and cooperation within multilateral mechanisms. Both ministers witnessed the signing of an MoU between Xiamen University, MIMOS and Xiamen University Malaysia.",
            (&[chang, yin], &[mosti, most]),
            &[chips, materials, transfer, people_exchange, multilateral, energy, vaccines, space, ai, blockchain],
        )?;
        let jrpg = self.meeting(
            ("second-joint-research-project-group", "Second Malaysia–China Joint Research Project Group"),
            "Malaysia–China Joint Research Project Group",
            Some(2),
            sti_agreement,
            (None, None),
            "The second round of joint research between the two countries, to which both sides committed at the 3rd Joint Committee Meeting on STI Cooperation in April 2024.",
            "Focus areas: energy storage technology, human vaccines, space technology, artificial intelligence, blockchain and advanced materials technology.",
            (&[], &[mosti, most]),
            &[energy, vaccines, space, ai, blockchain, materials],
        )?;

        let visit = diesel::insert_into(delegations::table)
            .values((
                delegations::slug.eq("working-visit-to-china-2024"),
                delegations::title.eq("Working visit to China by the Minister of Science, Technology and Innovation"),
                delegations::leader_id.eq(chang),
                delegations::from_country_id.eq(my),
                delegations::host_country_id.eq(cn),
                delegations::starts_on.eq(day(2024, 4, 24)),
                delegations::ends_on.eq(day(2024, 4, 28)),
                delegations::purpose.eq("To co-chair the 3rd Joint Committee Meeting on STI Cooperation and to explore cooperation with China's science, technology and innovation industries."),
            ))
            .returning(delegations::id)
            .get_result::<i32>(self.conn)?;
        link!(self, delegation_areas, delegation_id = visit, area_id in &[chips, materials, transfer, people_exchange, multilateral, energy, vaccines, space, ai, blockchain, ev]);

        let jcm_stop = self.stop(visit, 1, Stop { title: "3rd Joint Committee Meeting on STI Cooperation", place: Some("China"), organisation: Some(most), meeting: Some(jcm), event_name: None, summary: "Co-chaired the meeting with Yin Hejun; both ministers witnessed the signing of the Xiamen University–MIMOS–Xiamen University Malaysia MoU." })?;
        let cetc_stop = self.stop(
            visit,
            2,
            Stop {
                title: "China Electronics Technology Group Corporation (CETC)",
                place: None,
                organisation: Some(cetc),
                meeting: None,
                event_name: None,
                summary: "Explored cooperation and witnessed the signing of the MIMOS–CETC MoU.",
            },
        )?;
        self.stop(
            visit,
            3,
            Stop {
                title: "TCab Technology Co Ltd",
                place: None,
                organisation: Some(tcab),
                meeting: None,
                event_name: None,
                summary: "Explored potential cooperation with the company.",
            },
        )?;
        self.stop(
            visit,
            4,
            Stop {
                title: "Xiaomi",
                place: None,
                organisation: Some(xiaomi),
                meeting: None,
                event_name: None,
                summary: "Explored potential cooperation with the company.",
            },
        )?;
        let forum_stop = self.stop(visit, 5, Stop { title: "Zhongguancun Forum 2024", place: Some("Beijing"), organisation: None, meeting: None, event_name: Some("Zhongguancun Forum 2024"), summary: "Took part in the forum and witnessed the exchange of the MRANTI–Zhongguancun Science City MoU." })?;
        let auto_stop = self.stop(visit, 6, Stop { title: "Auto China 2024", place: Some("Beijing"), organisation: None, meeting: None, event_name: Some("Auto China 2024"), summary: "Witnessed the signing of the MoU between Gigafactory Malaysia, BAIC International and BAIC Bluepark." })?;
        self.stop(visit, 7, Stop { title: "China National Space Administration (CNSA)", place: None, organisation: Some(cnsa), meeting: None, event_name: None, summary: "Visited the space agency to strengthen the relationship built on the Agreement on Space Cooperation and the Peaceful Use of Outer Space." })?;

        let mou_chips = self.mou(Mou { slug: "xmu-mimos-xmum-semiconductor-mou-2024", title: "MoU on semiconductor and microelectronics technology cooperation between Xiamen University, MIMOS and Xiamen University Malaysia", place: "China", meeting: Some(jcm), stop: jcm_stop, purpose: "Cooperation in semiconductor and microelectronics technology.", parties: &[xmu, mimos, xmum], witnesses: &[chang, yin], areas: &[chips], note: "Signed at the close of the 3rd Joint Committee Meeting, witnessed by both ministers." })?;
        let mou_cetc = self.mou(Mou { slug: "mimos-cetc-mou-2024", title: "MoU between MIMOS Berhad and China Electronics Technology Group Corporation", place: "China", meeting: None, stop: cetc_stop, purpose: "Joint innovation in advanced packaging, broadband semiconductors and system design.", parties: &[mimos, cetc], witnesses: &[chang], areas: &[chips], note: "Signed at CETC, witnessed by the Minister." })?;
        let mou_zgc = self.mou(Mou { slug: "mranti-zhongguancun-mou-2024", title: "MoU between MRANTI and Beijing Zhongguancun Science City Innovation Development Co Ltd", place: "Beijing", meeting: None, stop: forum_stop, purpose: "To establish an International Technology Commercialisation Office between Z-Park and MRANTI, supporting start-ups and spin-off companies of both countries in market access and financing.", parties: &[mranti, zgc], witnesses: &[chang], areas: &[transfer], note: "Exchanged at the Zhongguancun Forum 2024, witnessed by the Minister." })?;
        let mou_ev = self.mou(Mou { slug: "gmsb-baic-ev-mou-2024", title: "MoU between Gigafactory Malaysia, BAIC International Development and BAIC Bluepark New Energy Technology", place: "Beijing", meeting: None, stop: auto_stop, purpose: "To promote innovation in the electric vehicle sector and the adoption of electric vehicles in the ASEAN region.", parties: &[gmsb, baic_international, baic_bluepark], witnesses: &[chang], areas: &[ev], note: "Signed at the Auto China 2024 exhibition, witnessed by the Minister." })?;

        let published_at = day(2024, 4, 29).and_hms_opt(0, 0, 0).unwrap_or_default();
        let statement = self.statement(
            "malaysia-china-second-joint-research-project-group-2024",
            "Malaysia and China to collaborate in research through the Second Joint Research Project Group",
            "At the 3rd Malaysia–China Joint Committee Meeting on STI Cooperation, the two countries agreed to collaborate in energy storage, human vaccines, space technology, artificial intelligence, blockchain and advanced materials; four MoUs were signed during the Minister's working visit to China.",
            published_at,
        )?;
        link!(self, statement_subjects, statement_id = statement, agreement_id in &[sti_agreement, space_agreement]);
        link!(self, statement_subjects, statement_id = statement, meeting_id in &[jcm, jrpg]);
        link!(self, statement_subjects, statement_id = statement, delegation_id in &[visit]);
        link!(self, statement_subjects, statement_id = statement, mou_id in &[mou_chips, mou_cetc, mou_zgc, mou_ev]);
        link!(self, statement_subjects, statement_id = statement, organisation_id in &[mosti, most, xmu, mimos, xmum, cetc, tcab, xiaomi, mranti, zgc, gmsb, baic_international, baic_bluepark, cnsa]);
        link!(self, statement_subjects, statement_id = statement, person_id in &[chang, yin]);
        link!(self, statement_subjects, statement_id = statement, area_id in &[energy, vaccines, space, ai, blockchain, materials, chips, transfer, people_exchange, multilateral, ev]);
        translations::translate(self.conn)
    }

    fn agreement(
        &mut self,
        slug: &str,
        title: &str,
        signed_on: Option<PartialDate>,
        summary: &str,
        parties: &[i32],
        areas: &[i32],
    ) -> DbResult<i32> {
        let id = diesel::insert_into(agreements::table)
            .values((
                agreements::slug.eq(slug),
                agreements::title.eq(title),
                agreements::signed_on.eq(signed_on),
                agreements::summary.eq(summary),
                agreements::status.eq(RecordStatus::Signed),
            ))
            .returning(agreements::id)
            .get_result(self.conn)?;
        diesel::insert_into(agreement_status_events::table)
            .values((
                agreement_status_events::agreement_id.eq(id),
                agreement_status_events::status.eq(RecordStatus::Signed),
                agreement_status_events::occurred_on.eq(signed_on),
            ))
            .execute(self.conn)?;
        link!(self, agreement_parties, agreement_id = id, country_id in parties);
        link!(self, agreement_areas, agreement_id = id, area_id in areas);
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    fn meeting(
        &mut self,
        (slug, title): (&str, &str),
        joint_body: &str,
        ordinal: Option<i32>,
        agreement: i32,
        (held_on, place): (Option<PartialDate>, Option<&str>),
        summary: &str,
        outcomes: &str,
        (co_chairs, organisations): (&[i32], &[i32]),
        areas: &[i32],
    ) -> DbResult<i32> {
        let id = diesel::insert_into(meetings::table)
            .values((
                meetings::slug.eq(slug),
                meetings::title.eq(title),
                meetings::joint_body.eq(joint_body),
                meetings::ordinal.eq(ordinal),
                meetings::agreement_id.eq(agreement),
                meetings::held_on.eq(held_on),
                meetings::place.eq(place),
                meetings::summary.eq(summary),
                meetings::outcomes.eq(outcomes),
            ))
            .returning(meetings::id)
            .get_result(self.conn)?;
        for (position, person) in (0..).zip(co_chairs) {
            diesel::insert_into(meeting_co_chairs::table)
                .values((
                    meeting_co_chairs::meeting_id.eq(id),
                    meeting_co_chairs::person_id.eq(person),
                    meeting_co_chairs::position.eq(position),
                ))
                .execute(self.conn)?;
        }
        link!(self, meeting_organisations, meeting_id = id, organisation_id in organisations);
        link!(self, meeting_areas, meeting_id = id, area_id in areas);
        Ok(id)
    }

    fn stop(&mut self, delegation: i32, position: i32, stop: Stop<'_>) -> DbResult<i32> {
        Ok(diesel::insert_into(itinerary_stops::table)
            .values((
                itinerary_stops::delegation_id.eq(delegation),
                itinerary_stops::position.eq(position),
                itinerary_stops::title.eq(stop.title),
                itinerary_stops::place.eq(stop.place),
                itinerary_stops::organisation_id.eq(stop.organisation),
                itinerary_stops::meeting_id.eq(stop.meeting),
                itinerary_stops::event_name.eq(stop.event_name),
                itinerary_stops::summary.eq(stop.summary),
            ))
            .returning(itinerary_stops::id)
            .get_result(self.conn)?)
    }

    fn mou(&mut self, mou: Mou<'_>) -> DbResult<i32> {
        // The statement dates the signings only to the visit of 24–28 April 2024.
        let signed_on = date("2024-04");
        let id = diesel::insert_into(mous::table)
            .values((
                mous::slug.eq(mou.slug),
                mous::title.eq(mou.title),
                mous::signed_on.eq(signed_on),
                mous::place.eq(mou.place),
                mous::meeting_id.eq(mou.meeting),
                mous::itinerary_stop_id.eq(mou.stop),
                mous::purpose.eq(mou.purpose),
                mous::status.eq(RecordStatus::Signed),
            ))
            .returning(mous::id)
            .get_result(self.conn)?;
        diesel::insert_into(mou_status_events::table)
            .values((
                mou_status_events::mou_id.eq(id),
                mou_status_events::status.eq(RecordStatus::Signed),
                mou_status_events::occurred_on.eq(signed_on),
                mou_status_events::note.eq(mou.note),
            ))
            .execute(self.conn)?;
        for (position, party) in (0..).zip(mou.parties) {
            diesel::insert_into(mou_parties::table)
                .values((
                    mou_parties::mou_id.eq(id),
                    mou_parties::organisation_id.eq(party),
                    mou_parties::position.eq(position),
                ))
                .execute(self.conn)?;
        }
        link!(self, mou_witnesses, mou_id = id, person_id in mou.witnesses);
        link!(self, mou_areas, mou_id = id, area_id in mou.areas);
        Ok(id)
    }

    fn statement(
        &mut self,
        slug: &str,
        title: &str,
        summary: &str,
        published_at: NaiveDateTime,
    ) -> DbResult<i32> {
        let body_html = markdown::render(STATEMENT_BODY);
        let id = diesel::insert_into(statements::table)
            .values((
                statements::slug.eq(slug),
                statements::title.eq(title),
                statements::summary.eq(summary),
                statements::dateline.eq("KUALA LUMPUR"),
                statements::body_markdown.eq(STATEMENT_BODY),
                statements::body_html.eq(&body_html),
                statements::body_text.eq(markdown::plain_text(STATEMENT_BODY)),
                statements::renderer_version.eq(RENDERER_VERSION),
                statements::language.eq(Lang::En),
                statements::status.eq(StatementStatus::Published),
                statements::published_at.eq(published_at),
            ))
            .returning(statements::id)
            .get_result(self.conn)?;
        let revision: i32 = diesel::insert_into(statement_revisions::table)
            .values((
                statement_revisions::statement_id.eq(id),
                statement_revisions::number.eq(1),
                statement_revisions::title.eq(title),
                statement_revisions::summary.eq(summary),
                statement_revisions::body_markdown.eq(STATEMENT_BODY),
                statement_revisions::body_html.eq(&body_html),
                statement_revisions::renderer_version.eq(RENDERER_VERSION),
                statement_revisions::change_note
                    .eq("First published in English, Malay and Chinese."),
                statement_revisions::published_at.eq(published_at),
            ))
            .returning(statement_revisions::id)
            .get_result(self.conn)?;
        // Published in all three languages at once, as translations of each other.
        for (lang, [title, summary, dateline, body]) in [
            (Lang::Ms, translations::STATEMENT_MS),
            (Lang::Zh, translations::STATEMENT_ZH),
        ] {
            let body_html = markdown::render(body);
            diesel::insert_into(statement_translations::table)
                .values((
                    statement_translations::statement_id.eq(id),
                    statement_translations::language.eq(lang),
                    statement_translations::title.eq(title),
                    statement_translations::summary.eq(summary),
                    statement_translations::dateline.eq(dateline),
                    statement_translations::body_markdown.eq(body),
                    statement_translations::body_html.eq(&body_html),
                    statement_translations::body_text.eq(markdown::plain_text(body)),
                    statement_translations::renderer_version.eq(RENDERER_VERSION),
                ))
                .execute(self.conn)?;
            diesel::insert_into(statement_revision_translations::table)
                .values((
                    statement_revision_translations::revision_id.eq(revision),
                    statement_revision_translations::language.eq(lang),
                    statement_revision_translations::title.eq(title),
                    statement_revision_translations::summary.eq(summary),
                    statement_revision_translations::body_markdown.eq(body),
                    statement_revision_translations::body_html.eq(&body_html),
                    statement_revision_translations::renderer_version.eq(RENDERER_VERSION),
                ))
                .execute(self.conn)?;
        }
        Ok(id)
    }
}
