//! The demo records in Malay and Chinese: the names of organisations, people, agreements and
//! places as they are known in each language, translations of the demo's own descriptions, and
//! the press statement translated in full. A name without a settled Malay or Chinese form (an
//! acronym, a company known only by its English name) is left untranslated, so its pages fall
//! back to English and say so.

use crate::db::DbResult;
use crate::db::schema::*;
use diesel::prelude::*;

/// Sets translated columns of the row with `slug`: `translate!(conn, organisations, "mosti",
/// name_ms = "…", name_zh = "…")`.
macro_rules! translate {
    ($conn:expr, $table:ident, $slug:expr, $($column:ident = $value:expr),+ $(,)?) => {
        diesel::update($table::table.filter($table::slug.eq($slug)))
            .set(($($table::$column.eq($value)),+))
            .execute($conn)?
    };
}

pub(super) fn translate(conn: &mut SqliteConnection) -> DbResult<()> {
    countries(conn)?;
    areas(conn)?;
    organisations(conn)?;
    people(conn)?;
    agreements(conn)?;
    meetings(conn)?;
    delegation(conn)?;
    mous(conn)?;
    Ok(())
}

fn countries(conn: &mut SqliteConnection) -> DbResult<()> {
    translate!(
        conn,
        countries,
        "malaysia",
        name_ms = "Malaysia",
        name_zh = "马来西亚"
    );
    translate!(
        conn,
        countries,
        "china",
        name_ms = "China",
        name_zh = "中国"
    );
    Ok(())
}

fn areas(conn: &mut SqliteConnection) -> DbResult<()> {
    translate!(
        conn,
        focus_areas,
        "energy-storage",
        name_ms = "Penyimpanan tenaga",
        name_zh = "储能",
        description_ms = "Teknologi yang menyimpan tenaga untuk digunakan kemudian, daripada bateri hingga sistem berskala grid.",
        description_zh = "为日后使用而储存能量的技术，从电池到电网级储能系统。"
    );
    translate!(
        conn,
        focus_areas,
        "human-vaccines",
        name_ms = "Vaksin manusia",
        name_zh = "人用疫苗",
        description_ms = "Penyelidikan, pembangunan dan pengeluaran vaksin untuk manusia.",
        description_zh = "人用疫苗的研究、开发与生产。"
    );
    translate!(
        conn,
        focus_areas,
        "space-technology",
        name_ms = "Teknologi angkasa",
        name_zh = "航天技术",
        description_ms =
            "Sains angkasa, satelit serta penerokaan dan penggunaan angkasa lepas secara aman.",
        description_zh = "空间科学、卫星，以及和平探索与利用外层空间。"
    );
    translate!(
        conn,
        focus_areas,
        "artificial-intelligence",
        name_ms = "Kecerdasan buatan",
        name_zh = "人工智能",
        description_ms =
            "Pembelajaran mesin serta penyelidikan dan aplikasi kecerdasan buatan yang lain.",
        description_zh = "机器学习及其他人工智能研究与应用。"
    );
    translate!(
        conn,
        focus_areas,
        "blockchain",
        name_ms = "Rantaian blok",
        name_zh = "区块链",
        description_ms = "Teknologi lejar teragih dan aplikasinya.",
        description_zh = "分布式账本技术及其应用。"
    );
    translate!(
        conn,
        focus_areas,
        "advanced-materials",
        name_ms = "Bahan termaju",
        name_zh = "先进材料",
        description_ms = "Bahan baharu serta teknologi untuk menghasilkan dan menggunakannya.",
        description_zh = "新材料及其制备与应用技术。"
    );
    translate!(
        conn,
        focus_areas,
        "microelectronics-and-semiconductors",
        name_ms = "Mikroelektronik dan semikonduktor",
        name_zh = "微电子与半导体",
        description_ms = "Reka bentuk cip, pembungkusan termaju, semikonduktor jalur lebar dan reka bentuk sistem.",
        description_zh = "芯片设计、先进封装、宽禁带半导体与系统设计。"
    );
    translate!(
        conn,
        focus_areas,
        "technology-transfer-and-commercialisation",
        name_ms = "Pemindahan teknologi dan pengkomersialan",
        name_zh = "技术转移与商业化",
        description_ms = "Membawa hasil penyelidikan ke pasaran: pemindahan teknologi, keusahawanan, syarikat pemula dan syarikat terbitan.",
        description_zh = "推动研究成果走向市场：技术转移、创业、初创企业与衍生企业。"
    );
    translate!(
        conn,
        focus_areas,
        "people-to-people-exchange",
        name_ms = "Pertukaran rakyat dengan rakyat",
        name_zh = "人文交流",
        description_ms = "Pertukaran penyelidik, pelajar dan pakar antara kedua-dua negara.",
        description_zh = "两国研究人员、学生与专家之间的交流。"
    );
    translate!(
        conn,
        focus_areas,
        "multilateral-cooperation",
        name_ms = "Kerjasama pelbagai hala",
        name_zh = "多边合作",
        description_ms = "Kerjasama dalam rangka mekanisme pelbagai hala.",
        description_zh = "在多边机制框架下的合作。"
    );
    translate!(
        conn,
        focus_areas,
        "electric-vehicles",
        name_ms = "Kenderaan elektrik",
        name_zh = "电动汽车",
        description_ms = "Inovasi kenderaan elektrik dan penggunaannya.",
        description_zh = "电动汽车的创新与推广应用。"
    );
    Ok(())
}

fn organisations(conn: &mut SqliteConnection) -> DbResult<()> {
    translate!(
        conn,
        organisations,
        "mosti",
        name_ms = "Kementerian Sains, Teknologi dan Inovasi",
        name_zh = "马来西亚科学、工艺与革新部",
        description_ms = "Kementerian Malaysia yang bertanggungjawab atas sains, teknologi dan inovasi; ia menerajui kerjasama ini bagi pihak Malaysia.",
        description_zh = "负责科学、工艺与革新事务的马来西亚政府部门，代表马方主导这项合作。"
    );
    translate!(
        conn,
        organisations,
        "most-china",
        name_ms = "Kementerian Sains dan Teknologi Republik Rakyat China",
        name_zh = "中华人民共和国科学技术部",
        description_ms = "Kementerian China yang bertanggungjawab atas sains dan teknologi; ia menerajui kerjasama ini bagi pihak China.",
        description_zh = "负责科学技术事务的中国政府部门，代表中方主导这项合作。"
    );
    translate!(
        conn,
        organisations,
        "xiamen-university",
        name_ms = "Universiti Xiamen",
        name_zh = "厦门大学",
        description_ms = "Sebuah universiti di Xiamen, Fujian.",
        description_zh = "位于福建省厦门市的大学。"
    );
    translate!(
        conn,
        organisations,
        "mimos",
        name_ms = "MIMOS Berhad (Institut Sistem Mikroelektronik Malaysia)",
        name_zh = "马来西亚微电子系统研究院",
        description_ms = "Pusat penyelidikan dan pembangunan gunaan negara Malaysia dalam bidang mikroelektronik dan teknologi maklumat.",
        description_zh = "马来西亚国家级微电子与信息技术应用研发中心。"
    );
    translate!(
        conn,
        organisations,
        "xiamen-university-malaysia",
        name_ms = "Universiti Xiamen Malaysia",
        name_zh = "厦门大学马来西亚分校",
        description_ms = "Kampus Universiti Xiamen di Malaysia, di Sepang, Selangor.",
        description_zh = "厦门大学在马来西亚的校区，位于雪兰莪州雪邦。"
    );
    translate!(
        conn,
        organisations,
        "cetc",
        name_zh = "中国电子科技集团有限公司",
        description_ms = "Kumpulan elektronik dan teknologi maklumat milik kerajaan China.",
        description_zh = "中国国有电子信息技术企业集团。"
    );
    translate!(
        conn,
        organisations,
        "xiaomi",
        name_zh = "小米集团",
        description_ms = "Syarikat elektronik pengguna dari China.",
        description_zh = "中国消费电子企业。"
    );
    translate!(
        conn,
        organisations,
        "mranti",
        description_ms =
            "Agensi Malaysia yang membantu hasil penyelidikan dan teknologi sampai ke pasaran.",
        description_zh = "帮助研究成果与技术走向市场的马来西亚机构。"
    );
    translate!(
        conn,
        organisations,
        "zhongguancun-science-city",
        name_zh = "北京中关村科学城创新发展有限公司",
        description_ms =
            "Syarikat yang membangunkan inovasi di Zhongguancun (Z-Park), taman sains Beijing.",
        description_zh = "在北京中关村科技园区推动创新发展的企业。"
    );
    translate!(
        conn,
        organisations,
        "baic-international",
        name_zh = "北京汽车国际发展有限公司",
        description_ms = "Cabang antarabangsa kumpulan automotif Beijing, BAIC.",
        description_zh = "北京汽车集团的国际业务公司。"
    );
    translate!(
        conn,
        organisations,
        "baic-bluepark",
        name_zh = "北汽蓝谷新能源科技股份有限公司",
        description_ms = "Syarikat kenderaan tenaga baharu BAIC.",
        description_zh = "北汽集团旗下的新能源汽车企业。"
    );
    translate!(
        conn,
        organisations,
        "cnsa",
        name_ms = "Pentadbiran Angkasa Negara China",
        name_zh = "国家航天局",
        description_ms = "Agensi angkasa negara China.",
        description_zh = "中国国家航天机构。"
    );
    Ok(())
}

fn people(conn: &mut SqliteConnection) -> DbResult<()> {
    translate!(conn, people, "chang-lih-kang", name_zh = "郑立慷");
    translate!(conn, people, "yin-hejun", name_zh = "阴和俊");
    for (english, malay, chinese) in [
        (
            "Minister of Science, Technology and Innovation",
            "Menteri Sains, Teknologi dan Inovasi",
            "科学、工艺与革新部部长",
        ),
        (
            "Minister of Science and Technology",
            "Menteri Sains dan Teknologi",
            "科学技术部部长",
        ),
    ] {
        diesel::update(appointments::table.filter(appointments::title.eq(english)))
            .set((
                appointments::title_ms.eq(malay),
                appointments::title_zh.eq(chinese),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn agreements(conn: &mut SqliteConnection) -> DbResult<()> {
    translate!(
        conn,
        agreements,
        "sti-cooperation-agreement-2013",
        title_ms = "Perjanjian Kerjasama Sains, Teknologi dan Inovasi Malaysia–China",
        title_zh = "马中科学、技术与创新合作协定",
        summary_ms = "Rangka kerjasama sains, teknologi dan inovasi antara Malaysia dan China, ditandatangani pada 4 Oktober 2013. Mesyuarat Jawatankuasa Bersama mengenai kerjasama STI diadakan di bawahnya.",
        summary_zh = "马来西亚与中国于2013年10月4日签署的科学、技术与创新合作框架。双方的科技创新合作联合委员会会议即在此框架下举行。"
    );
    translate!(
        conn,
        agreements,
        "space-cooperation-agreement",
        title_ms = "Perjanjian Kerjasama Angkasa dan Penggunaan Angkasa Lepas secara Aman",
        title_zh = "关于航天合作与和平利用外层空间的协定",
        summary_ms = "Perjanjian antara Malaysia dan China untuk mempercepat pertukaran sains dan teknologi bagi penerokaan dan penggunaan angkasa lepas untuk tujuan aman.",
        summary_zh =
            "马来西亚与中国之间的协定，旨在加快为和平目的探索和利用外层空间而开展的科技交流。"
    );
    Ok(())
}

fn meetings(conn: &mut SqliteConnection) -> DbResult<()> {
    translate!(
        conn,
        meetings,
        "3rd-joint-committee-meeting-sti",
        title_ms = "Mesyuarat Jawatankuasa Bersama Malaysia–China Ke-3 mengenai Kerjasama STI",
        title_zh = "第三次马中科技创新合作联合委员会会议",
        joint_body_ms =
            "Jawatankuasa Bersama Malaysia–China mengenai Kerjasama Sains, Teknologi dan Inovasi",
        joint_body_zh = "马中科学、技术与创新合作联合委员会",
        place_ms = "China",
        place_zh = "中国",
        summary_ms = "Mesyuarat ketiga jawatankuasa bersama, diadakan semasa lawatan kerja Menteri ke China pada 24–28 April 2024, pada tahun ulang tahun ke-50 hubungan diplomatik Malaysia–China.",
        summary_zh = "联合委员会第三次会议，于部长2024年4月24日至28日对中国进行工作访问期间举行，适逢马中建交50周年。",
        outcomes_ms = "Kedua-dua pihak berikrar untuk bekerjasama dalam penyelidikan melalui Kumpulan Projek Penyelidikan Bersama Malaysia–China Kedua, dan membincangkan teknologi mikroelektronik, teknologi bahan termaju, pemindahan teknologi dan keusahawanan, pertukaran rakyat dengan rakyat, serta kerjasama dalam mekanisme pelbagai hala. Kedua-dua menteri menyaksikan pemeteraian MoU antara Universiti Xiamen, MIMOS dan Universiti Xiamen Malaysia.",
        outcomes_zh = "双方承诺通过第二期马中联合研究项目组开展研究合作，并就微电子技术、先进材料技术、技术转移与创业、人文交流以及多边机制框架下的合作进行了讨论。两国部长见证了厦门大学、MIMOS与厦门大学马来西亚分校签署谅解备忘录。"
    );
    translate!(
        conn,
        meetings,
        "second-joint-research-project-group",
        title_ms = "Kumpulan Projek Penyelidikan Bersama Malaysia–China Kedua",
        title_zh = "第二期马中联合研究项目组",
        joint_body_ms = "Kumpulan Projek Penyelidikan Bersama Malaysia–China",
        joint_body_zh = "马中联合研究项目组",
        summary_ms = "Pusingan kedua penyelidikan bersama antara kedua-dua negara, yang dipersetujui oleh kedua-dua pihak pada Mesyuarat Jawatankuasa Bersama Ke-3 mengenai Kerjasama STI pada April 2024.",
        summary_zh =
            "两国第二轮联合研究，双方于2024年4月第三次科技创新合作联合委员会会议上作出承诺。",
        outcomes_ms = "Bidang tumpuan: teknologi penyimpanan tenaga, vaksin manusia, teknologi angkasa, kecerdasan buatan, rantaian blok dan teknologi bahan termaju.",
        outcomes_zh = "重点领域：储能技术、人用疫苗、航天技术、人工智能、区块链与先进材料技术。"
    );
    Ok(())
}

fn delegation(conn: &mut SqliteConnection) -> DbResult<()> {
    let slug = "working-visit-to-china-2024";
    translate!(
        conn,
        delegations,
        slug,
        title_ms = "Lawatan kerja Menteri Sains, Teknologi dan Inovasi ke China",
        title_zh = "科学、工艺与革新部部长对中国的工作访问",
        purpose_ms = "Untuk mempengerusikan bersama Mesyuarat Jawatankuasa Bersama Ke-3 mengenai Kerjasama STI dan meneroka kerjasama dengan industri sains, teknologi dan inovasi China.",
        purpose_zh = "共同主持第三次科技创新合作联合委员会会议，并探讨与中国科技创新产业的合作。"
    );
    let stops = [
        (
            1,
            "Mesyuarat Jawatankuasa Bersama Ke-3 mengenai Kerjasama STI",
            "第三次科技创新合作联合委员会会议",
            "Mempengerusikan mesyuarat bersama Yin Hejun; kedua-dua menteri menyaksikan pemeteraian MoU Universiti Xiamen–MIMOS–Universiti Xiamen Malaysia.",
            "与阴和俊共同主持会议；两国部长见证厦门大学、MIMOS与厦门大学马来西亚分校签署谅解备忘录。",
        ),
        (
            2,
            "China Electronics Technology Group Corporation (CETC)",
            "中国电子科技集团（CETC）",
            "Meneroka kerjasama dan menyaksikan pemeteraian MoU MIMOS–CETC.",
            "探讨合作，并见证MIMOS与中国电科签署谅解备忘录。",
        ),
        (
            3,
            "TCab Technology Co Ltd",
            "TCab Technology Co Ltd",
            "Meneroka potensi kerjasama dengan syarikat itu.",
            "探讨与该公司的合作潜力。",
        ),
        (
            4,
            "Xiaomi",
            "小米集团",
            "Meneroka potensi kerjasama dengan syarikat itu.",
            "探讨与该公司的合作潜力。",
        ),
        (
            5,
            "Forum Zhongguancun 2024",
            "2024中关村论坛",
            "Menyertai forum dan menyaksikan pertukaran MoU MRANTI–Zhongguancun Science City.",
            "出席论坛，并见证MRANTI与中关村科学城交换谅解备忘录。",
        ),
        (
            6,
            "Auto China 2024",
            "2024北京国际汽车展览会",
            "Menyaksikan pemeteraian MoU antara Gigafactory Malaysia, BAIC International dan BAIC Bluepark.",
            "见证Gigafactory Malaysia、北汽国际与北汽蓝谷签署谅解备忘录。",
        ),
        (
            7,
            "Pentadbiran Angkasa Negara China (CNSA)",
            "国家航天局（CNSA）",
            "Melawat agensi angkasa itu untuk mengukuhkan hubungan yang berasaskan Perjanjian Kerjasama Angkasa dan Penggunaan Angkasa Lepas secara Aman.",
            "访问国家航天局，巩固以航天合作与和平利用外层空间协定为基础的双边关系。",
        ),
    ];
    let visit: i32 = delegations::table
        .filter(delegations::slug.eq(slug))
        .select(delegations::id)
        .first(conn)?;
    for (position, title_ms, title_zh, summary_ms, summary_zh) in stops {
        diesel::update(
            itinerary_stops::table
                .filter(itinerary_stops::delegation_id.eq(visit))
                .filter(itinerary_stops::position.eq(position)),
        )
        .set((
            itinerary_stops::title_ms.eq(title_ms),
            itinerary_stops::title_zh.eq(title_zh),
            itinerary_stops::summary_ms.eq(summary_ms),
            itinerary_stops::summary_zh.eq(summary_zh),
        ))
        .execute(conn)?;
    }
    for (english, malay, chinese) in [("China", "China", "中国"), ("Beijing", "Beijing", "北京")]
    {
        diesel::update(
            itinerary_stops::table
                .filter(itinerary_stops::delegation_id.eq(visit))
                .filter(itinerary_stops::place.eq(english)),
        )
        .set((
            itinerary_stops::place_ms.eq(malay),
            itinerary_stops::place_zh.eq(chinese),
        ))
        .execute(conn)?;
    }
    for (english, malay, chinese) in [
        (
            "Zhongguancun Forum 2024",
            "Forum Zhongguancun 2024",
            "2024中关村论坛",
        ),
        (
            "Auto China 2024",
            "Auto China 2024",
            "2024北京国际汽车展览会",
        ),
    ] {
        diesel::update(itinerary_stops::table.filter(itinerary_stops::event_name.eq(english)))
            .set((
                itinerary_stops::event_name_ms.eq(malay),
                itinerary_stops::event_name_zh.eq(chinese),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn mous(conn: &mut SqliteConnection) -> DbResult<()> {
    let mous = [
        (
            "xmu-mimos-xmum-semiconductor-mou-2024",
            (
                "MoU kerjasama teknologi semikonduktor dan mikroelektronik antara Universiti Xiamen, MIMOS dan Universiti Xiamen Malaysia",
                "厦门大学、MIMOS与厦门大学马来西亚分校半导体与微电子技术合作谅解备忘录",
            ),
            ("China", "中国"),
            (
                "Kerjasama dalam teknologi semikonduktor dan mikroelektronik.",
                "开展半导体与微电子技术合作。",
            ),
            (
                "Ditandatangani pada penutup Mesyuarat Jawatankuasa Bersama Ke-3, disaksikan oleh kedua-dua menteri.",
                "于第三次联合委员会会议闭幕时签署，两国部长见证。",
            ),
        ),
        (
            "mimos-cetc-mou-2024",
            (
                "MoU antara MIMOS Berhad dan China Electronics Technology Group Corporation",
                "MIMOS与中国电子科技集团有限公司谅解备忘录",
            ),
            ("China", "中国"),
            (
                "Inovasi bersama dalam pembungkusan termaju, semikonduktor jalur lebar dan reka bentuk sistem.",
                "在先进封装、宽禁带半导体与系统设计领域联合创新。",
            ),
            (
                "Ditandatangani di CETC, disaksikan oleh Menteri.",
                "于中国电科签署，部长见证。",
            ),
        ),
        (
            "mranti-zhongguancun-mou-2024",
            (
                "MoU antara MRANTI dan Beijing Zhongguancun Science City Innovation Development Co Ltd",
                "MRANTI与北京中关村科学城创新发展有限公司谅解备忘录",
            ),
            ("Beijing", "北京"),
            (
                "Untuk menubuhkan Pejabat Pengkomersialan Teknologi Antarabangsa antara Z-Park dan MRANTI, bagi menyokong syarikat pemula dan syarikat terbitan kedua-dua negara mendapatkan akses pasaran dan pembiayaan.",
                "在中关村科技园区与MRANTI之间设立国际技术商业化办公室，帮助两国初创企业和衍生企业开拓市场、获得融资。",
            ),
            (
                "Ditukar di Forum Zhongguancun 2024, disaksikan oleh Menteri.",
                "于2024中关村论坛交换，部长见证。",
            ),
        ),
        (
            "gmsb-baic-ev-mou-2024",
            (
                "MoU antara Gigafactory Malaysia, BAIC International Development dan BAIC Bluepark New Energy Technology",
                "Gigafactory Malaysia、北京汽车国际发展有限公司与北汽蓝谷新能源科技股份有限公司谅解备忘录",
            ),
            ("Beijing", "北京"),
            (
                "Untuk menggalakkan inovasi dalam sektor kenderaan elektrik dan penggunaan kenderaan elektrik di rantau ASEAN.",
                "推动电动汽车领域的创新，并促进电动汽车在东盟地区的普及。",
            ),
            (
                "Ditandatangani di pameran Auto China 2024, disaksikan oleh Menteri.",
                "于2024北京国际汽车展览会签署，部长见证。",
            ),
        ),
    ];
    for (
        slug,
        (title_ms, title_zh),
        (place_ms, place_zh),
        (purpose_ms, purpose_zh),
        (note_ms, note_zh),
    ) in mous
    {
        translate!(
            conn,
            mous,
            slug,
            title_ms = title_ms,
            title_zh = title_zh,
            place_ms = place_ms,
            place_zh = place_zh,
            purpose_ms = purpose_ms,
            purpose_zh = purpose_zh
        );
        let id: i32 = mous::table
            .filter(mous::slug.eq(slug))
            .select(mous::id)
            .first(conn)?;
        diesel::update(mou_status_events::table.filter(mou_status_events::mou_id.eq(id)))
            .set((
                mou_status_events::note_ms.eq(note_ms),
                mou_status_events::note_zh.eq(note_zh),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The press statement in Malay: title, summary, dateline and text.
pub(super) const STATEMENT_MS: [&str; 4] = [
    "Malaysia dan China bekerjasama dalam penyelidikan melalui Kumpulan Projek Penyelidikan Bersama Kedua",
    "Pada Mesyuarat Jawatankuasa Bersama Malaysia–China Ke-3 mengenai Kerjasama STI, kedua-dua negara bersetuju bekerjasama dalam penyimpanan tenaga, vaksin manusia, teknologi angkasa, kecerdasan buatan, rantaian blok dan bahan termaju; empat MoU dimeterai semasa lawatan kerja Menteri ke China.",
    "KUALA LUMPUR",
    r#"Kementerian Sains, Teknologi dan Inovasi (MOSTI) mengumumkan pada 29 April 2024 bahawa Malaysia dan China akan meneruskan kerjasama penyelidikan melalui **Kumpulan Projek Penyelidikan Bersama Malaysia–China Kedua**.

## Penyelidikan bersama

Kumpulan Projek Penyelidikan Bersama akan memberi tumpuan kepada:

- teknologi penyimpanan tenaga;
- vaksin manusia;
- teknologi angkasa;
- kecerdasan buatan;
- rantaian blok;
- teknologi bahan termaju.

## Mesyuarat Jawatankuasa Bersama Ke-3

Komitmen itu dibincangkan pada **Mesyuarat Jawatankuasa Bersama (JCM) Malaysia–China Ke-3 mengenai Kerjasama Sains, Teknologi dan Inovasi**, yang dipengerusikan bersama oleh Menteri Sains, Teknologi dan Inovasi, Chang Lih Kang, dan Menteri Sains dan Teknologi China, Yin Hejun. Mesyuarat itu berlangsung semasa lawatan kerja Menteri ke China dari 24 hingga 28 April 2024.

JCM diadakan di bawah Perjanjian Kerjasama Sains, Teknologi dan Inovasi yang ditandatangani oleh Malaysia dan China pada 4 Oktober 2013. Mesyuarat tahun ini berlangsung sempena ulang tahun ke-50 hubungan diplomatik antara kedua-dua negara.

Selain bidang penyelidikan di atas, mesyuarat turut membincangkan teknologi mikroelektronik, teknologi bahan termaju, pemindahan teknologi dan keusahawanan, pertukaran rakyat dengan rakyat, serta kerjasama dalam mekanisme pelbagai hala.

Pada penutup mesyuarat, kedua-dua menteri menyaksikan pemeteraian memorandum persefahaman (MoU) mengenai kerjasama teknologi semikonduktor dan mikroelektronik antara Universiti Xiamen, Institut Sistem Mikroelektronik Malaysia (MIMOS) dan Universiti Xiamen Malaysia.

## Empat MoU

| Pihak | Tempat | Bidang |
| --- | --- | --- |
| Universiti Xiamen, MIMOS dan Universiti Xiamen Malaysia | Mesyuarat Jawatankuasa Bersama Ke-3 | semikonduktor dan mikroelektronik |
| MIMOS Berhad dan CETC | CETC | pembungkusan termaju, semikonduktor jalur lebar, reka bentuk sistem |
| MRANTI dan Beijing Zhongguancun Science City Innovation Development Co Ltd | Forum Zhongguancun 2024 | pengkomersialan teknologi |
| Gigafactory Malaysia, BAIC International Development dan BAIC Bluepark New Energy Technology | Auto China 2024 | kenderaan elektrik |

## Lawatan ke industri

Sepanjang lawatan, Menteri bertemu China Electronics Technology Group Corporation (CETC), TCab Technology Co Ltd dan Xiaomi untuk meneroka kerjasama dengan industri STI China.

- **CETC** — Menteri menyaksikan pemeteraian MoU antara MIMOS Berhad dan CETC mengenai pembungkusan termaju, semikonduktor jalur lebar dan reka bentuk sistem. Menurut kementerian, kerjasama ini berpotensi memajukan teknologi, memacu pertumbuhan ekonomi dan meningkatkan daya saing di peringkat global.
- **Forum Zhongguancun 2024** — Menteri menyertai forum tersebut dan menyaksikan pertukaran MoU antara Malaysian Research Accelerator for Technology and Innovation (MRANTI) dan Beijing Zhongguancun Science City Innovation Development Co Ltd bagi menubuhkan Pejabat Pengkomersialan Teknologi Antarabangsa antara Z-Park dan MRANTI, yang akan membantu syarikat pemula dan syarikat terbitan kedua-dua negara mendapatkan akses pasaran dan pembiayaan.
- **Auto China 2024** — Menteri menyaksikan pemeteraian MoU antara Gigafactory Malaysia Sdn Bhd (GMSB), BAIC International Development Co Ltd dan BAIC Bluepark New Energy Technology Co Ltd untuk menggalakkan inovasi kenderaan elektrik (EV) dan penggunaan EV di rantau ASEAN.

## Kerjasama angkasa

Menteri turut melawat Pentadbiran Angkasa Negara China (CNSA) bagi mengukuhkan hubungan dua hala yang berasaskan Perjanjian Kerjasama Angkasa dan Penggunaan Angkasa Lepas secara Aman, serta mempercepat pertukaran sains dan teknologi bagi penerokaan dan penggunaan angkasa lepas secara aman.

Kementerian menyifatkan lawatan tersebut, dan kerjasama yang terhasil daripadanya, sebagai pencapaian penting dalam kerjasama Malaysia–China yang akan terus memupuk inovasi demi manfaat bersama kedua-dua negara.
"#,
];

/// The press statement in Chinese: title, summary, dateline and text.
pub(super) const STATEMENT_ZH: [&str; 4] = [
    "马中将通过第二期联合研究项目组开展研究合作",
    "在第三次马中科技创新合作联合委员会会议上，两国同意在储能、人用疫苗、航天技术、人工智能、区块链和先进材料领域开展合作；部长访华期间共签署四份谅解备忘录。",
    "吉隆坡",
    r#"马来西亚科学、工艺与革新部（MOSTI）于2024年4月29日宣布，马来西亚与中国将通过**第二期马中联合研究项目组**继续推进研究合作。

## 联合研究

联合研究项目组将重点关注：

- 储能技术；
- 人用疫苗；
- 航天技术；
- 人工智能；
- 区块链；
- 先进材料技术。

## 第三次联合委员会会议

上述承诺是在**第三次马中科学、技术与创新合作联合委员会会议**（JCM）上讨论确定的。会议由马来西亚科学、工艺与革新部部长郑立慷与中国科学技术部部长阴和俊共同主持，于部长2024年4月24日至28日对中国进行工作访问期间举行。

联合委员会会议在马来西亚与中国于2013年10月4日签署的《科学、技术与创新合作协定》框架下举行。今年的会议适逢两国建交50周年。

除上述研究领域外，会议还讨论了微电子技术、先进材料技术、技术转移与创业、人文交流以及多边机制框架下的合作。

会议结束时，两国部长见证了厦门大学、马来西亚微电子系统研究院（MIMOS）与厦门大学马来西亚分校签署半导体与微电子技术合作谅解备忘录。

## 四份谅解备忘录

| 签署方 | 地点 | 领域 |
| --- | --- | --- |
| 厦门大学、MIMOS与厦门大学马来西亚分校 | 第三次联合委员会会议 | 半导体与微电子 |
| MIMOS与中国电科 | 中国电科 | 先进封装、宽禁带半导体、系统设计 |
| MRANTI与北京中关村科学城创新发展有限公司 | 2024中关村论坛 | 技术商业化 |
| Gigafactory Malaysia、北汽国际与北汽蓝谷 | 2024北京国际汽车展览会 | 电动汽车 |

## 走访企业

访问期间，部长走访了中国电子科技集团有限公司（中国电科）、TCab Technology Co Ltd和小米集团，探讨与中国科技创新产业的合作。

- **中国电科**：部长见证MIMOS与中国电科签署谅解备忘录，在先进封装、宽禁带半导体和系统设计领域开展合作。该部表示，这项合作有望推动技术进步、促进经济增长并提升全球竞争力。
- **2024中关村论坛**：部长出席论坛，并见证马来西亚科技与创新研究加速器（MRANTI）与北京中关村科学城创新发展有限公司交换谅解备忘录，双方将在中关村科技园区与MRANTI之间设立国际技术商业化办公室，帮助两国初创企业和衍生企业开拓市场、获得融资。
- **2024北京国际汽车展览会**：部长见证Gigafactory Malaysia Sdn Bhd（GMSB）、北京汽车国际发展有限公司与北汽蓝谷新能源科技股份有限公司签署谅解备忘录，推动电动汽车领域的创新，并促进电动汽车在东盟地区的普及。

## 航天合作

部长还访问了国家航天局（CNSA），以巩固以《关于航天合作与和平利用外层空间的协定》为基础的双边关系，并加快为和平探索与利用太空而开展的科技交流。

该部表示，此次访问及其促成的合作是马中合作的重要里程碑，将继续推动创新，造福两国。
"#,
];
