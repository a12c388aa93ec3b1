//! The tables' identities (勾稽关系) as one mechanism. Each identity rule (T3-BALANCE, T3-PROCESSED,
//! T3-ROW-TOTAL, T4-TOTAL) lists its equations `Σ left = Σ right` and words its message; this module
//! evaluates them, gathers blank totals into one finding, and finds the one cell whose change makes
//! every identity hold (the suggestion) — or none, when more than one cell could explain it.

use crate::check::finding::{show, Finding, Suggestion};
use crate::check::rules::{t3_balance, t3_processed, t3_row_total, t4_total, Rule};
use crate::check::sums::{blank_note, equal, sum, Sum};
use crate::read::cell::Value;
use crate::read::Parsed;
use crate::schema::{CellKey, ValueKind};
use std::collections::HashMap;

/// One equation between cells: `Σ left = Σ right`. `left` is what the right side should be.
#[derive(Clone, Debug)]
pub struct Identity {
    pub left: Vec<CellKey>,
    pub right: Vec<CellKey>,
    /// The cell whose line the finding points at.
    pub anchor: CellKey,
    /// List `right` before `left` in the finding's cells (a total named first).
    pub right_first: bool,
}

impl Identity {
    /// `parts` add up to `total`.
    pub fn parts(parts: Vec<CellKey>, total: CellKey) -> Identity {
        Identity { left: parts, right: vec![total], anchor: total, right_first: false }
    }

    fn cells(&self) -> Vec<CellKey> {
        let (a, b) = if self.right_first { (&self.right, &self.left) } else { (&self.left, &self.right) };
        a.iter().chain(b).copied().collect()
    }

    /// How much `key` weighs in `left − right`: +1, −1, or 0 when it is not in the identity.
    fn weight(&self, key: CellKey) -> f64 {
        if self.left.contains(&key) {
            1.0
        } else if self.right.contains(&key) {
            -1.0
        } else {
            0.0
        }
    }
}

/// An identity that does not hold, with both sides.
pub struct Failure<'a> {
    pub identity: &'a Identity,
    pub left: Sum,
    pub right: Sum,
}

impl Failure<'_> {
    /// The right side as the clerk sees it: `为 3`, or `空白` for a blank single cell.
    pub fn right_stated(&self) -> String {
        if self.blank_total() {
            "空白（核对时按 0 计算）".to_owned()
        } else {
            format!("为 {}", show(self.right.value))
        }
    }

    /// The right side is one cell, and it is blank.
    fn blank_total(&self) -> bool {
        self.identity.right.len() == 1 && !self.right.blanks.is_empty()
    }

    /// The blank cells that took part as 0, but for a blank total (the message states it).
    fn blanks(&self) -> Vec<CellKey> {
        let right = if self.blank_total() { &[][..] } else { &self.right.blanks[..] };
        self.left.blanks.iter().chain(right).copied().collect()
    }
}

/// A rule's identities in a report (built once per form, not per report).
type Identities = fn(&Parsed) -> &'static [Identity];

/// The identity rules, their identities and what a clerk calls the check: the family whose members
/// are checked together.
const FAMILY: [(&Rule, Identities, &str); 4] = [
    (&t3_balance::RULE, t3_balance::identities, "表三各列“新收 + 结转 = 办结 + 结转下年”"),
    (&t3_processed::RULE, t3_processed::identities, "表三（七）总计"),
    (&t3_row_total::RULE, t3_row_total::identities, "表三各行“总计”"),
    (&t4_total::RULE, t4_total::identities, "表四各组“总计”"),
];

/// Every identity of the catalogue, for suggestions (a suggested value must satisfy all of them).
fn catalogue(p: &Parsed) -> Vec<&'static Identity> {
    FAMILY.iter().flat_map(|(_, identities, _)| identities(p)).collect()
}

/// Checks a rule's identities. A failure becomes a finding worded by `message` (the mechanism adds
/// the blank note and the suggestion); when two or more failures come only from blank single-cell
/// totals (a whole blank 总计 column or row), they become one finding that lists them.
pub fn check(rule: &Rule, p: &Parsed, identities: &[Identity], message: impl Fn(&Failure) -> String, out: &mut Vec<Finding>) {
    let failures: Vec<Failure> = identities.iter().filter_map(|identity| evaluate(p, identity)).collect();
    let (blank, other): (Vec<&Failure>, Vec<&Failure>) = failures.iter().partition(|f| f.blank_total());
    let (single, grouped) = if blank.len() >= 2 { (other, blank) } else { (failures.iter().collect(), Vec::new()) };
    let all = if single.is_empty() { Vec::new() } else { catalogue(p) };
    let residuals: Vec<Option<f64>> = all.iter().map(|&i| residual(p, i)).collect();
    for f in single {
        let text = format!("{}{}", message(f), blank_note(p, &f.blanks()));
        let suggestion = suggest(p, f, &all, &residuals);
        let text = match &suggestion {
            Some(s) => format!("{text}{}", s.describe()),
            None => text,
        };
        out.push(
            rule.finding(text)
                .cells(f.identity.cells())
                .expected_actual(f.left.value, f.right.value)
                .line(p.cell(f.identity.anchor).map_or(1, |c| c.span.line))
                .suggestion(suggestion),
        );
    }
    if let Some(first) = grouped.first() {
        out.push(blank_totals(rule, &grouped).line(p.cell(first.identity.anchor).map_or(1, |c| c.span.line)));
    }
}

/// One finding for many blank totals: which cells are blank and what each should be.
fn blank_totals(rule: &Rule, failures: &[&Failure]) -> Finding {
    let totals: Vec<CellKey> = failures.iter().map(|f| f.identity.right[0]).collect();
    let same_column = totals.iter().all(|k| k.column == totals[0].column && k.table == totals[0].table);
    let same_row = totals.iter().all(|k| k.row == totals[0].row && k.table == totals[0].table);
    let first = totals[0];
    let (whole, each): (String, Box<dyn Fn(CellKey) -> String>) = if same_column {
        (format!("{}“{}”列", first.table.short(), first.column_def().label), Box::new(|k: CellKey| format!("“{}”行", k.row_label())))
    } else if same_row {
        (format!("{}“{}”行", first.table.short(), first.row_label()), Box::new(|k: CellKey| format!("“{}”列", k.column_def().label)))
    } else {
        (format!("{}的 {} 个合计单元格", first.table.short(), totals.len()), Box::new(|k: CellKey| k.label()))
    };
    let listed: Vec<String> = failures.iter().map(|f| format!("{}应为 {}", each(f.identity.right[0]), show(f.left.value))).collect();
    let message = format!(
        "{whole}有 {} 个单元格为空白，核对时按 0 计算，因此与各项之和对不上：{}。空白不等于 0，请填写合计数。",
        failures.len(),
        listed.join("，")
    );
    rule.finding(message).cells(failures.iter().flat_map(|f| f.identity.cells()))
}

/// Both sides of an identity when it fails; None when it holds or cannot be checked.
fn evaluate<'a>(p: &Parsed, identity: &'a Identity) -> Option<Failure<'a>> {
    let (left, right) = (sum(p, &identity.left)?, sum(p, &identity.right)?);
    (!equal(left.value, right.value)).then_some(Failure { identity, left, right })
}

/// `Σ left − Σ right`, None when the identity cannot be checked.
fn residual(p: &Parsed, identity: &Identity) -> Option<f64> {
    Some(sum(p, &identity.left)?.value - sum(p, &identity.right)?.value)
}

/// The one cell of the failing identity whose change makes every checkable identity that contains it
/// hold (identities without it are another cell's business), with a value its column allows; None when no cell or several cells could.
fn suggest(p: &Parsed, failure: &Failure, all: &[&Identity], residuals: &[Option<f64>]) -> Option<Suggestion> {
    let r = failure.left.value - failure.right.value;
    let mut found: HashMap<CellKey, f64> = HashMap::new();
    for key in failure.identity.cells() {
        let delta = -r / failure.identity.weight(key);
        let fits_all = all.iter().zip(residuals).all(|(identity, residual)| {
            let weight = identity.weight(key);
            weight == 0.0 || residual.is_none_or(|res| equal(res + weight * delta, 0.0))
        });
        let Some(current) = p.cell(key).and_then(|c| match c.value {
            Value::Number { value, .. } => Some(value),
            Value::Blank | Value::Placeholder => Some(0.0),
            Value::Text => None,
        }) else {
            continue;
        };
        let value = current + delta;
        let allowed = key.column_def().kind == ValueKind::Signed || value >= 0.0;
        if fits_all && allowed {
            found.insert(key, value);
        }
    }
    if found.len() != 1 {
        return None;
    }
    let (&cell, &value) = found.iter().next()?;
    Some(Suggestion { cell, value })
}

/// The checks (as a clerk calls them) with an identity that involves any of `cells`: what cannot be
/// checked while those cells are unread.
pub fn checks_touching(p: &Parsed, cells: &[CellKey]) -> Vec<&'static str> {
    FAMILY
        .iter()
        .filter(|(_, identities, _)| identities(p).iter().any(|i| i.left.iter().chain(&i.right).any(|k| cells.contains(k))))
        .map(|(_, _, name)| *name)
        .collect()
}
