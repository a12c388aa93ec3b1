//! The units a number may carry, in a table cell (`3件`, `1187.0427 万元`) or in the prose
//! (`116条`, `十二件`): one list, with where each may stand.

/// How a number in the prose is written: units after a Chinese numeral are counts only.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    Arabic,
    Chinese,
}

/// A unit and where it may follow a number.
struct Unit {
    text: &'static str,
    /// In a table cell (`3件`).
    in_cells: bool,
    /// After an Arabic number in the prose.
    in_prose: bool,
    /// After a Chinese number in the prose (`十二件`).
    after_chinese: bool,
    /// Counts cases (applications, reviews), as 表三 and 表四 do.
    cases: bool,
}

const fn unit(text: &'static str, in_cells: bool, in_prose: bool, after_chinese: bool, cases: bool) -> Unit {
    Unit { text, in_cells, in_prose, after_chinese, cases }
}

/// Longer units first (`万元` before `元`).
static UNITS: &[Unit] = &[
    unit("万元", true, true, false, false),
    unit("件", true, true, true, true),
    unit("条", true, true, true, true),
    unit("个", true, true, false, true),
    unit("起", false, true, true, true),
    unit("宗", false, true, true, true),
    unit("份", false, true, true, true),
    unit("项", true, true, false, false),
    unit("次", true, true, false, false),
    unit("元", true, true, false, false),
    unit("人", true, false, false, false),
    unit("家", true, false, false, false),
];

/// The cell unit that `text` is exactly.
pub fn cell_unit(text: &str) -> Option<&'static str> {
    UNITS.iter().find(|u| u.in_cells && u.text == text).map(|u| u.text)
}

/// The prose unit at the start of `rest`, after a number written as `numeral`.
pub fn units_after(rest: &str, numeral: Numeral) -> Option<&'static str> {
    let fits = |u: &&Unit| if numeral == Numeral::Arabic { u.in_prose } else { u.after_chinese };
    UNITS.iter().filter(fits).find(|u| rest.starts_with(u.text)).map(|u| u.text)
}

/// Whether a prose unit counts cases (件, 条, 起 …) rather than money or items.
pub fn counts_cases(unit: &str) -> bool {
    UNITS.iter().any(|u| u.cases && u.text == unit)
}
