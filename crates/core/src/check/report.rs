//! The checked report — what was read and its findings — serialized as the SPEC §6 document.

use crate::check::finding::{write_number, Finding, Severity};
use crate::read::cell::Cell;
use crate::read::Parsed;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

/// A checked report: what was read and every finding.
#[derive(Debug)]
pub struct Report {
    pub parsed: Parsed,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    pub fn to_json(&self) -> String {
        let mut json = Vec::with_capacity(self.json_size_hint());
        serde_json::to_writer(&mut json, self).unwrap_or_else(|_| unreachable!("a report always serializes"));
        String::from_utf8(json).unwrap_or_else(|_| unreachable!("serde_json writes UTF-8"))
    }

    /// About how many bytes the report's JSON takes (a cell's entry is about 60–90 bytes, 30
    /// more with its origin in a .docx or HTML table), so that it is written into one buffer
    /// without growing it again and again.
    pub fn json_size_hint(&self) -> usize {
        let cell = if self.parsed.cells.iter().any(|c| c.origin.is_some()) { 128 } else { 96 };
        2048 + self.parsed.cells.len() * cell + self.findings.len() * 512
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| unreachable!("a report always serializes"))
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = &self.parsed;
        let mut doc = s.serialize_struct("Report", 10)?;
        doc.serialize_field("organ", &p.organ)?;
        doc.serialize_field("year", &p.year)?;
        doc.serialize_field("format", &p.format)?;
        doc.serialize_field("input", &p.input)?;
        doc.serialize_field("encoding", p.encoding)?;
        doc.serialize_field("published", &p.published)?;
        doc.serialize_field("sections", &p.sections)?;
        doc.serialize_field("cells", &CellMap(&p.cells))?;
        doc.serialize_field("tables", &p.tables)?;
        doc.serialize_field("findings", &self.findings)?;
        doc.end()
    }
}

/// Cells as a JSON object keyed `table.row.column`, in table order.
struct CellMap<'a>(&'a [Cell]);

impl Serialize for CellMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for cell in self.0 {
            map.serialize_entry(&cell.key, &CellJson(cell))?;
        }
        map.end()
    }
}

struct CellJson<'a>(&'a Cell);

impl Serialize for CellJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let unit = c.value.unit();
        let mut obj = s.serialize_struct("Cell", 6)?;
        obj.serialize_field("value", &c.number().map(Number))?;
        obj.serialize_field("raw", &c.raw)?;
        if let Some(unit) = unit {
            obj.serialize_field("unit", unit)?;
        } else {
            obj.skip_field("unit")?;
        }
        obj.serialize_field("line", &c.span.line)?;
        obj.serialize_field("col", &c.span.col)?;
        if let Some(origin) = &c.origin {
            obj.serialize_field("origin", origin)?;
        } else {
            obj.skip_field("origin")?;
        }
        obj.end()
    }
}

struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_number(&self.0, s)
    }
}
