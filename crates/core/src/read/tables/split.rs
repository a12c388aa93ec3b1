//! Cells run together with no separator (`规章105`, `350000035`, a whole 表四 as one run of digits):
//! the ways to cut a run into a row's cells, kept only when exactly one cut fits the row — its
//! number of columns, numbers as they are written (no leading zeros, a sign only in 本年增/减) and
//! the row's own identity (总计 = the sum of the other columns). Two cuts that fit, or none: the
//! row is not read.

use crate::schema::ValueKind;

/// The longest number a cell of a run is taken to hold (9,999,999).
const MAX_DIGITS: usize = 7;

/// The one way to cut `run` into `kinds.len()` cells that fits, as byte ranges of `run`; None when
/// no cut or more than one cut fits. `group` is the row's identity: in each group of that many
/// cells, the last is the sum of the others.
pub fn unique_cut(run: &str, kinds: &[ValueKind], group: Option<usize>) -> Option<Vec<(usize, usize)>> {
    if kinds.is_empty() || !run.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'+') {
        return None;
    }
    let mut found = Vec::new();
    let mut cut = Vec::with_capacity(kinds.len());
    search(run.as_bytes(), 0, kinds, group, &mut cut, &mut found);
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Depth-first: the next cell starts at `at`; stops once two cuts fit.
fn search(
    run: &[u8],
    at: usize,
    kinds: &[ValueKind],
    group: Option<usize>,
    cut: &mut Vec<(usize, usize)>,
    found: &mut Vec<Vec<(usize, usize)>>,
) {
    if found.len() >= 2 {
        return;
    }
    let index = cut.len();
    if index == kinds.len() {
        if at == run.len() {
            found.push(cut.clone());
        }
        return;
    }
    let cells_left = kinds.len() - index;
    if run.len() - at < cells_left {
        return;
    }
    let signed = kinds[index] == ValueKind::Signed;
    let sign = usize::from(signed && matches!(run[at], b'-' | b'+'));
    for len in 1..=MAX_DIGITS.min(run.len() - at - sign) {
        let digits = &run[at + sign..at + sign + len];
        if !digits.iter().all(u8::is_ascii_digit) || (len > 1 && digits[0] == b'0') {
            break;
        }
        cut.push((at, at + sign + len));
        if group_holds(run, cut, group) {
            search(run, at + sign + len, kinds, group, cut, found);
        }
        cut.pop();
    }
}

/// Whether the group just completed by `cut` (if any) adds up.
fn group_holds(run: &[u8], cut: &[(usize, usize)], group: Option<usize>) -> bool {
    let Some(width) = group.filter(|w| *w >= 2 && cut.len().is_multiple_of(*w)) else {
        return true;
    };
    let value = |&(s, e): &(usize, usize)| -> i64 { std::str::from_utf8(&run[s..e]).ok().and_then(|t| t.parse().ok()).unwrap_or(-1) };
    let cells = &cut[cut.len() - width..];
    let parts: i64 = cells[..width - 1].iter().map(value).sum();
    parts == value(&cells[width - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use ValueKind::{Count, Signed};

    fn cells<'a>(run: &'a str, kinds: &[ValueKind], group: Option<usize>) -> Option<Vec<&'a str>> {
        unique_cut(run, kinds, group).map(|cut| cut.into_iter().map(|(s, e)| &run[s..e]).collect())
    }

    #[test]
    fn one_digit_per_column_and_no_leading_zeros() {
        assert_eq!(cells("105", &[Count; 3], None), Some(vec!["1", "0", "5"]));
        assert_eq!(cells("000", &[Count; 3], None), Some(vec!["0", "0", "0"]));
        assert_eq!(cells("1015", &[Count; 3], None), None, "10|1|5 and 1|0|15 both fit");
        assert_eq!(cells("1005", &[Count; 3], None), Some(vec!["10", "0", "5"]), "1|0|05 and 1|00|5 are not numbers as written");
    }

    #[test]
    fn a_row_total_makes_the_cut_unique() {
        // 自然人 35, the other five 0, 总计 35.
        assert_eq!(cells("350000035", &[Count; 7], Some(7)), Some(vec!["35", "0", "0", "0", "0", "0", "35"]));
        assert_eq!(cells("1288210050313620", &[Count; 7], Some(7)), None, "1288 21 0 0 50 3 1362 misses a digit: no cut fits");
        assert_eq!(cells("12882100503136 2", &[Count; 7], Some(7)), None, "not a digit run");
    }

    #[test]
    fn every_group_of_a_review_row() {
        let run = "21014100010010 1".replace(' ', "");
        assert_eq!(
            cells(&run, &[Count; 15], Some(5)),
            Some(vec!["2", "1", "0", "1", "4", "1", "0", "0", "0", "1", "0", "0", "1", "0", "1"])
        );
    }

    #[test]
    fn a_sign_starts_a_signed_cell_only() {
        assert_eq!(cells("1207-9433", &[Count, Signed, Count], None), None, "-9|433, -94|33 and -943|3 all fit");
        assert_eq!(cells("12+156", &[Count, Signed], None), Some(vec!["12", "+156"]));
        assert_eq!(cells("12-1", &[Count, Count], None), None, "no sign in a count");
    }
}
