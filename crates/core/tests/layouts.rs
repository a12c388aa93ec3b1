//! Synthetic 2021 reports in four layouts (tab rows, `|` rows, one cell per line, PDF text) and
//! the messes of SPEC §5: every cell lands under the right key, blank cells do not shift the
//! numbers after them, and a row that cannot be placed is reported, not guessed.

mod common;

use common::{cell_values, check, fixture, key, rules, synthetic, LAYOUTS};
use nianbao_core::read::cell::Value;
use nianbao_core::Format;

fn text(layout: &str) -> String {
    String::from_utf8(fixture(&format!("synthetic/{layout}"))).unwrap()
}

fn edit(layout: &str, from: &str, to: &str) -> String {
    let t = text(layout);
    assert!(t.contains(from), "{layout} has no {from:?}");
    t.replacen(from, to, 1)
}

#[test]
fn every_layout_reads_the_same_cells() {
    let reference = synthetic(LAYOUTS[0]);
    assert_eq!(reference.parsed.cells.len(), 10 + 25 * 7 + 15);
    for layout in LAYOUTS {
        let r = synthetic(layout);
        let values: Vec<_> = cell_values(&r).into_iter().map(|(k, v, _)| (k, v)).collect();
        let expected: Vec<_> = cell_values(&reference).into_iter().map(|(k, v, _)| (k, v)).collect();
        assert_eq!(values, expected, "{layout}");
        assert_eq!(r.parsed.format, Format::F2021, "{layout}");
        assert_eq!((r.parsed.year, r.parsed.organ.as_deref()), (Some(2023), Some("示例市人民政府")), "{layout}");
        assert_eq!(r.findings, vec![], "{layout}");
    }
}

#[test]
fn cells_by_key() {
    for layout in LAYOUTS {
        let p = synthetic(layout).parsed;
        let v = |name: &str| p.value(key(name)).unwrap_or_else(|| panic!("{layout}: {name} missing"));
        assert_eq!(v("active.rules.issued"), 1.0, "{layout}");
        assert_eq!(v("active.normative.in_force"), 30.0, "{layout}");
        assert_eq!(v("active.licensing.decisions"), 120.0, "{layout}");
        assert_eq!(v("active.fees.amount_wan"), 12.5, "{layout}");
        assert_eq!(v("applications.new.natural"), 20.0, "{layout}");
        assert_eq!(v("applications.new.total"), 27.0, "{layout}");
        assert_eq!(v("applications.partial.commercial"), 1.0, "{layout}");
        assert_eq!(v("applications.unable_not_held.research"), 1.0, "{layout}");
        assert_eq!(v("applications.ignored_repeat.other_org"), 1.0, "{layout}");
        assert_eq!(v("applications.other_no_correction.legal"), 1.0, "{layout}");
        assert_eq!(v("applications.processed.total"), 29.0, "{layout}");
        assert_eq!(v("applications.carried_out.commercial"), 1.0, "{layout}");
        assert_eq!(v("reviews.review.pending"), 1.0, "{layout}");
        assert_eq!(v("reviews.review.total"), 4.0, "{layout}");
        assert_eq!(v("reviews.lawsuit_after_review.other"), 1.0, "{layout}");
    }
}

#[test]
fn blank_cells_keep_their_place() {
    for (layout, from, to) in [
        ("tab-rows-2021.txt", "规章\t1\t0\t5", "规章\t1\t\t5"),
        ("pipe-rows-2021.txt", "| 规章 | 1 | 0 | 5 |", "| 规章 | 1 |  | 5 |"),
        ("tab-rows-2021.txt", "规章\t1\t0\t5", "规章\t1\t\u{3000}\t5"),
    ] {
        let r = check(&edit(layout, from, to));
        let blank = r.parsed.cell(key("active.rules.repealed")).unwrap();
        assert_eq!((&blank.value, blank.raw.as_str()), (&Value::Blank, ""), "{layout}");
        assert_eq!(r.parsed.value(key("active.rules.in_force")), Some(5.0), "{layout}");
        assert_eq!(rules(&r), vec!["CELL-BLANK"], "{layout}");
        assert_eq!(r.findings[0].cells, vec!["active.rules.repealed"]);
    }
}

#[test]
fn placeholders_in_every_layout() {
    for (layout, from, to) in [
        ("tab-rows-2021.txt", "3.其他\t0\t0\t0", "3.其他\t/\t—\t无"),
        ("pipe-rows-2021.txt", "| 3.其他 | 0 | 0 | 0 |", "| 3.其他 | / | — | 无 |"),
        ("cell-lines-2021.txt", "3.其他\n\n0\n\n0\n\n0\n", "3.其他\n\n/\n\n—\n\n无\n"),
        ("pdf-text-2021.txt", "3.其他 0 0 0", "3.其他 / — 无"),
    ] {
        let r = check(&edit(layout, from, to));
        for (column, raw) in [("natural", "/"), ("commercial", "—"), ("research", "无")] {
            let cell = r.parsed.cell(key(&format!("applications.other_misc.{column}"))).unwrap_or_else(|| panic!("{layout} {column}"));
            assert_eq!((&cell.value, cell.raw.as_str()), (&Value::Placeholder, raw), "{layout}");
        }
        assert_eq!(r.parsed.value(key("applications.other_misc.total")), Some(0.0), "{layout}");
        assert_eq!(rules(&r), vec!["CELL-PLACEHOLDER"], "{layout}");
    }
}

#[test]
fn a_dropped_blank_row_is_reported_not_guessed() {
    // PDF text drops the blank cell entirely: six numbers for seven columns cannot be placed.
    for (layout, from, to) in [
        ("pdf-text-2021.txt", "（一）予以公开 8 1 0 0 1 0 10", "（一）予以公开 8 1 0 1 0 10"),
        ("cell-lines-2021.txt", "（一）予以公开\n\n8\n\n1\n\n0\n\n0\n\n", "（一）予以公开\n\n8\n\n1\n\n0\n\n"),
    ] {
        let r = check(&edit(layout, from, to));
        assert!(r.parsed.cells.iter().all(|c| c.key.row != nianbao_core::RowKey::Granted), "{layout}: no invented values");
        assert_eq!(r.parsed.value(key("applications.partial.natural")), Some(3.0), "{layout}: later rows unaffected");
        let unread = r.findings.iter().find(|f| f.rule == "STRUCT-UNREAD").unwrap_or_else(|| panic!("{layout}"));
        assert!(unread.message.contains("有 1 行未能读取：“（一）予以公开”（找到 6 个数字，应有 7 个）"), "{layout}: {}", unread.message);
        assert_eq!(unread.cells.len(), 7);
    }
}

#[test]
fn traditional_characters_read_like_simplified() {
    let t = text("tab-rows-2021.txt")
        .replace("规章", "規章")
        .replace("行政规范性文件", "行政規範性文件")
        .replace("（一）予以公开", "（一）予以公開")
        .replace("三、收到和处理政府信息公开申请情况", "三、收到和處理政府信息公開申請情況")
        .replace("结转下年度继续办理", "結轉下年度繼續辦理")
        .replace("本年制发件数", "本年製發件數");
    let r = check(&t);
    assert_eq!(cell_values(&r).len(), 200);
    assert_eq!(r.parsed.value(key("applications.granted.total")), Some(10.0));
    assert_eq!(r.parsed.value(key("applications.carried_out.total")), Some(1.0));
    assert_eq!(r.findings, vec![]);
}

#[test]
fn years_in_headers_units_in_cells_and_page_footers() {
    let t = edit("tab-rows-2021.txt", "本年制发件数\t本年废止件数", "本年(2023)制发件数\t本年（2023）废止件数").replacen(
        "行政许可\t120",
        "行政许可\t120件\n—5—",
        1,
    );
    let r = check(&t);
    let cell = r.parsed.cell(key("active.licensing.decisions")).unwrap();
    assert_eq!((cell.number(), cell.value.unit(), cell.raw.as_str()), (Some(120.0), Some("件"), "120件"));
    assert_eq!(r.parsed.value(key("active.penalty.decisions")), Some(45.0));
    assert_eq!(r.parsed.format, Format::F2021);
    assert_eq!(r.findings, vec![]);
}

#[test]
fn cells_run_together_with_no_separator() {
    let t = edit("pdf-text-2021.txt", "规章 1 0 5", "规章105");
    let r = check(&t);
    assert_eq!(
        ["issued", "repealed", "in_force"].map(|c| r.parsed.value(key(&format!("active.rules.{c}")))),
        [Some(1.0), Some(0.0), Some(5.0)]
    );
    // More digits than cells: no unique split, so the row is not read.
    let r = check(&edit("pdf-text-2021.txt", "规章 1 0 5", "规章1015"));
    assert!(r.parsed.cell(key("active.rules.issued")).is_none());
    assert_eq!(rules(&r), vec!["STRUCT-UNREAD"]);
}

#[test]
fn an_extra_row_is_kept_and_reported() {
    let r = check(&edit("pdf-text-2021.txt", "行政强制 3\n", "行政强制 3\n其他主动公开文件 16\n"));
    let extra = &r.parsed.table(nianbao_core::TableKey::Active).extra_rows;
    assert_eq!(extra.len(), 1);
    assert_eq!((extra[0].label.as_str(), extra[0].cells.clone()), ("其他主动公开文件", vec!["16".to_owned()]));
    assert_eq!(r.parsed.value(key("active.fees.amount_wan")), Some(12.5));
    assert_eq!(rules(&r), vec!["STRUCT-ROW"]);
}

#[test]
fn a_long_note_inside_a_label() {
    let r = check(&edit("tab-rows-2021.txt", "规章\t1", "规章（设区的市级以上政府及部门应提供相关数据）\t1"));
    assert_eq!(r.parsed.value(key("active.rules.issued")), Some(1.0));
    assert_eq!(r.findings, vec![]);
}

#[test]
fn the_2019_format_in_tab_rows() {
    let t = "示例镇2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t2\t2\t9\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t12\t-1\t40\n其他对外管理服务事项\t3\t0\t5\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t4\t56.5万元\n三、收到和处理政府信息公开申请情况\n";
    let r = check(t);
    assert_eq!(r.parsed.format, Format::F2019);
    assert_eq!(r.parsed.value(key("active.normative.public_total")), Some(9.0));
    assert_eq!(r.parsed.value(key("active.licensing.change")), Some(-1.0));
    assert_eq!(r.parsed.value(key("active.other_services.decisions")), Some(5.0));
    assert_eq!(r.parsed.cell(key("active.procurement.amount")).unwrap().value.unit(), Some("万元"));
}

/// A standard label with a long note after it (some regions print the form that way) is the standard
/// row, even when the note names other rows and holds numbers (SPEC §3.1).
#[test]
fn a_standard_label_with_a_note_is_the_standard_row() {
    let note = "（行政机关依照法定权限、程序制定并公开发布，涉及行政许可、行政处罚等，依据国办发〔2018〕37号）";
    for layout in LAYOUTS {
        let r = check(&edit(layout, "行政规范性文件", &format!("行政规范性文件{note}")));
        let values = ["issued", "repealed", "in_force"].map(|c| r.parsed.value(key(&format!("active.normative.{c}"))));
        assert_eq!(values, [Some(8.0), Some(2.0), Some(30.0)], "{layout}");
        assert_eq!(r.parsed.value(key("active.licensing.decisions")), Some(120.0), "{layout}");
        assert_eq!(r.parsed.value(key("active.penalty.decisions")), Some(45.0), "{layout}");
        assert_eq!(rules(&r), Vec::<&str>::new(), "{layout}: no extra row, nothing unread");
    }
    let r = check(&edit("tab-rows-2021.txt", "规章\t", "规章（设区的市以上人民政府应提供相关数据）\t"));
    assert_eq!(r.parsed.value(key("active.rules.in_force")), Some(5.0));
    assert_eq!(rules(&r), Vec::<&str>::new());
}
