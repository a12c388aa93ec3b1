//! Helpers for rule tests: the synthetic consistent 2021 report and running one rule on a text.

use crate::{Finding, Report};

/// A consistent 2021-format report (tab-separated rows); every rule stays silent on it except
/// where a test changes it.
pub const SYNTHETIC_2021: &str = include_str!("../../../tests/fixtures/synthetic/tab-rows-2021.txt");

pub fn check(text: &str) -> Report {
    crate::check_text(text).expect("test text is readable")
}

/// The findings of one rule on a text.
pub fn findings(text: &str, rule: &str) -> Vec<Finding> {
    check(text).findings.into_iter().filter(|f| f.rule == rule).collect()
}

/// The synthetic report with one piece of text replaced (which must be present).
pub fn edited(from: &str, to: &str) -> String {
    assert!(SYNTHETIC_2021.contains(from), "fixture has no {from:?}");
    SYNTHETIC_2021.replacen(from, to, 1)
}

/// A 2019-format 表二 (第二十条第（一）项 only), for the 表二 rules of that format.
pub const ACTIVE_2019: &str = "示例镇2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t2\t2\t9\n三、收到和处理政府信息公开申请情况\n";

/// A cell key from its SPEC name (a typo fails the test).
pub fn key(name: &str) -> crate::CellKey {
    crate::CellKey::parse(name).unwrap_or_else(|| panic!("no cell key {name:?}"))
}
