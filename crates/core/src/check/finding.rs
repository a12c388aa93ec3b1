//! A finding: one problem (or note) in a report, named by its rule id, with the cells involved.

use crate::schema::{CellKey, TableKey};
use serde::{Serialize, Serializer};

/// How serious a finding is (SPEC §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    /// Rows that are in the report but could not be read: the tool's limit, not the report's fault
    /// (STRUCT-UNREAD). Never counted as an error.
    Unread,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Unread => "unread",
        }
    }

    /// 错误 / 警告 / 提示.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
            Severity::Unread => "未能读取",
        }
    }
}

/// One finding, as in the JSON output contract (SPEC §6).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The table the finding is about (None for the report as a whole).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<TableKey>,
    pub cells: Vec<CellKey>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    pub expected: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    pub actual: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The one cell whose change makes the identity hold, and its value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

/// A fix of one cell: the value that makes every checked identity hold.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub cell: CellKey,
    #[serde(serialize_with = "write_number")]
    pub value: f64,
}

impl Suggestion {
    /// `建议：表三“（一）予以公开”行“总计”列改为 272。`
    pub fn describe(&self) -> String {
        format!("建议：{}改为 {}。", self.cell.label(), show(self.value))
    }
}

impl Finding {
    /// The cells involved; the finding's table is theirs.
    pub fn cells(mut self, cells: impl IntoIterator<Item = CellKey>) -> Self {
        self.cells = cells.into_iter().collect();
        if let Some(first) = self.cells.first() {
            self.table = Some(first.table);
        }
        self
    }

    pub fn table(mut self, table: TableKey) -> Self {
        self.table = Some(table);
        self
    }

    pub fn suggestion(mut self, suggestion: Option<Suggestion>) -> Self {
        self.suggestion = suggestion;
        self
    }

    pub fn line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn expected_actual(mut self, expected: f64, actual: f64) -> Self {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }
}

/// Numbers print as integers when they are whole (`5`, not `5.0`).
pub fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => write_number(v, s),
        None => s.serialize_none(),
    }
}

pub fn write_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    match whole(*v) {
        Some(n) => s.serialize_i64(n),
        None => s.serialize_f64(*v),
    }
}

/// A number for a Chinese message: `5`, `1187.0427`.
pub fn show(v: f64) -> String {
    match whole(v) {
        Some(n) => n.to_string(),
        None => crate::decimal::show(v),
    }
}

/// The number as an integer when it is whole and below 9×10¹⁵ (where every integer is exact).
/// Told by converting it there and back, without `f64::fract`, which is a call into the math
/// library on most machines; NaN and the infinities are not whole.
fn whole(v: f64) -> Option<i64> {
    let n = v as i64;
    (n as f64 == v && v.abs() < 9.0e15).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_as_integers() {
        let cases =
            [(5.0, Some(5)), (-0.0, Some(0)), (-3.0, Some(-3)), (0.5, None), (1187.0427, None), (8.9e15, Some(8_900_000_000_000_000))];
        for (v, whole_value) in cases {
            assert_eq!(whole(v), whole_value, "{v}");
        }
        for v in [9.0e15, -9.0e15, 1e300, -1e300, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(whole(v), None, "{v}");
        }
        assert_eq!((show(5.0), show(-0.0), show(2.5)), ("5".to_owned(), "0".to_owned(), "2.5".to_owned()));
    }
}
