//! The real sample reports are read exactly: metadata, section lines, every cell (reviewed
//! snapshots), and the structural findings their README predicts.

mod common;

use common::{dump, key, rules, sample, SAMPLES};
use nianbao_core::Format;

struct Expected {
    file: &'static str,
    organ: &'static str,
    year: i32,
    format: Format,
    sections: [usize; 6],
    cells: usize,
}

const EXPECTED: &[Expected] = &[
    Expected {
        file: "000_675c1ca713925614.txt",
        organ: "毛坝镇",
        year: 2020,
        format: Format::F2019,
        sections: [2, 9, 82, 358, 418, 421],
        cells: 198,
    },
    Expected {
        file: "001_1feac183b5673ebd.txt",
        organ: "油车港镇",
        year: 2020,
        format: Format::F2019,
        sections: [5, 17, 93, 356, 402, 408],
        cells: 198,
    },
    // 表二 has no 规章 row: three cells fewer.
    Expected {
        file: "002_f4b8342ecd306093.txt",
        organ: "新庙镇",
        year: 2020,
        format: Format::F2019,
        sections: [7, 21, 123, 521, 591, 597],
        cells: 195,
    },
    Expected {
        file: "003_4130bab209259fbf.txt",
        organ: "云阳县人和街道办事处",
        year: 2020,
        format: Format::F2019,
        sections: [7, 19, 94, 356, 401, 405],
        cells: 198,
    },
    Expected {
        file: "004_1a03130d040d2924.txt",
        organ: "工布江达县工布江达镇",
        year: 2020,
        format: Format::F2019,
        sections: [6, 28, 104, 367, 413, 434],
        cells: 198,
    },
    // 2021 表二 (10 cells) with the 2019 single （六） row (23 rows × 7) and 表四 (15).
    Expected {
        file: "hongze-district-2023.txt",
        organ: "洪泽区人民政府",
        year: 2023,
        format: Format::Mixed,
        sections: [11, 40, 56, 112, 132, 145],
        cells: 186,
    },
    Expected {
        file: "hongze-district-2024.txt",
        organ: "淮安市洪泽区人民政府",
        year: 2024,
        format: Format::Mixed,
        sections: [10, 41, 57, 112, 132, 148],
        cells: 186,
    },
    Expected {
        file: "huaian-city-2024.txt",
        organ: "淮安市人民政府",
        year: 2024,
        format: Format::F2021,
        sections: [10, 61, 77, 140, 171, 184],
        cells: 200,
    },
];

#[test]
fn metadata_sections_and_cell_counts() {
    assert_eq!(EXPECTED.len(), SAMPLES.len());
    for e in EXPECTED {
        let r = sample(e.file);
        let p = &r.parsed;
        assert_eq!(p.organ.as_deref(), Some(e.organ), "{}", e.file);
        assert_eq!(p.year, Some(e.year), "{}", e.file);
        assert_eq!(p.format, e.format, "{}", e.file);
        let lines: Vec<usize> = p.sections.iter().map(|s| s.line).collect();
        let numbers: Vec<u8> = p.sections.iter().map(|s| s.no).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6], "{}", e.file);
        assert_eq!(lines, e.sections, "{}", e.file);
        assert_eq!(p.cells.len(), e.cells, "{}", e.file);
    }
}

#[test]
fn every_cell_of_every_sample() {
    for file in SAMPLES {
        insta::assert_snapshot!(file.trim_end_matches(".txt"), dump(&sample(file)));
    }
}

#[test]
fn publication_dates() {
    let date = |file: &str| sample(file).parsed.published.map(|p| (p.date, p.line, p.source));
    assert_eq!(date("002_f4b8342ecd306093.txt"), Some(("2021-01-18".into(), Some(5), "发布时间")));
    assert_eq!(date("003_4130bab209259fbf.txt"), Some(("2021-01-19".into(), Some(409), "落款")));
    assert_eq!(date("000_675c1ca713925614.txt"), None);
}

#[test]
fn structural_findings_are_the_predicted_ones() {
    for file in SAMPLES {
        let r = sample(file);
        let expected: &[&str] = match *file {
            // 新庙镇 leaves out the 规章 row.
            "002_f4b8342ecd306093.txt" => &["STRUCT-ROW"],
            // 洪泽区: the 2021 表二 with the 2019 single （六） row.
            "hongze-district-2023.txt" | "hongze-district-2024.txt" => &["TEMPLATE-MIXED"],
            _ => &[],
        };
        let structural: Vec<&str> =
            rules(&r).into_iter().filter(|id| id.starts_with("STRUCT") || id.starts_with("TEMPLATE") || id.starts_with("CELL")).collect();
        assert_eq!(structural, expected, "{file}");
    }
}

#[test]
fn sources_of_a_few_cells() {
    let r = sample("000_675c1ca713925614.txt");
    let amount = r.parsed.cell(key("active.procurement.amount")).unwrap();
    assert_eq!((amount.number(), amount.raw.as_str(), amount.value.unit()), (Some(1187.0427), "1187.0427\u{a0}万元", Some("万元")));
    assert_eq!((amount.span.line, amount.span.col), (79, 2));

    let r = sample("huaian-city-2024.txt");
    let cell = r.parsed.cell(key("applications.new.total")).unwrap();
    assert_eq!((cell.number(), cell.span.line, cell.span.col), (Some(3119.0), 92, 35));
    let split = r.parsed.cell(key("applications.unable_needs_making.natural")).unwrap();
    assert_eq!((split.number(), split.span.line), (Some(11.0), 117), "row after the page break");
    let fee = r.parsed.cell(key("active.fees.amount_wan")).unwrap();
    assert_eq!(fee.number(), Some(96171.6));

    let r = sample("001_1feac183b5673ebd.txt");
    assert_eq!(r.parsed.cell(key("active.licensing.change")).unwrap().raw, "+156");
    assert_eq!(r.parsed.value(key("active.procurement.amount")), Some(3_189_300.0));
    assert_eq!(r.parsed.cell(key("active.procurement.amount")).unwrap().value.unit(), Some("元"));
}
