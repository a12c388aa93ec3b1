//! The parsed report — metadata, sections, cells and what the table reader learned — and the
//! checked report with its findings, serialized as the SPEC §6 document.

use crate::cell::{Cell, Value};
use crate::finding::{write_number, Finding, Severity};
use crate::meta::Published;
use crate::prose::Prose;
use crate::schema::{Format, TableKey};
use crate::sections::Section;
use crate::tables::{Marker, TableRead};
use crate::text::Source;
use serde::ser::{SerializeMap, SerializeStruct};
use std::collections::HashMap;
use serde::{Serialize, Serializer};

/// Everything read from a report, before any rule is checked.
#[derive(Debug)]
pub struct Parsed {
    pub source: Source,
    /// What the text was read from: `text`, `docx` or `html`.
    pub input: &'static str,
    pub encoding: &'static str,
    pub organ: Option<String>,
    pub year: Option<i32>,
    pub title_line: Option<usize>,
    pub format: Format,
    pub published: Option<Published>,
    pub sections: Vec<Section>,
    pub cells: Vec<Cell>,
    pub tables: Vec<TableRead>,
    pub markers: Vec<Marker>,
    /// The prose outside the tables, read into sentences and numbers.
    pub prose: Prose,
    /// Cell key → index into `cells`.
    pub cell_index: HashMap<String, usize>,
}

impl Parsed {
    pub fn cell(&self, key: &str) -> Option<&Cell> {
        self.cell_index.get(key).map(|&i| &self.cells[i])
    }

    /// The value of a cell for arithmetic: a number, 0 for a blank or placeholder, None when the
    /// cell was not read (or holds text).
    pub fn value(&self, key: &str) -> Option<f64> {
        self.cell(key).and_then(|c| match c.value {
            Value::Number { value, .. } => Some(value),
            Value::Blank | Value::Placeholder => Some(0.0),
            Value::Text => None,
        })
    }

    /// The body of section `no` (the lines after its heading, up to the next heading), with the
    /// heading's line.
    pub fn section_body(&self, no: u8) -> Option<(usize, String)> {
        let (heading, last) = self.section_lines(no)?;
        let body = (heading + 1..=last).map(|l| self.source.line(l)).collect::<Vec<_>>().join("\n");
        Some((heading, body))
    }

    /// The line of section `no`'s heading and the last line of its body.
    pub fn section_lines(&self, no: u8) -> Option<(usize, usize)> {
        let heading = self.sections.iter().find(|s| s.no == no)?;
        let next = self.sections.iter().map(|s| s.line).filter(|&l| l > heading.line).min();
        Some((heading.line, next.map_or(self.source.line_count(), |l| l - 1)))
    }

    /// Attaches to each cell the table/row/cell of the structured document its text was rendered from.
    pub fn attach_origins(&mut self, rendered: &crate::document::Rendered) {
        for cell in &mut self.cells {
            cell.origin = rendered.origin(cell.span.line, cell.span.start);
        }
    }

    pub fn table(&self, key: TableKey) -> &TableRead {
        self.tables.iter().find(|t| t.table == key).expect("all three tables are read")
    }

    pub fn cells_of(&self, table: TableKey) -> impl Iterator<Item = &Cell> {
        let prefix = format!("{}.", table.as_str());
        self.cells.iter().filter(move |c| c.key.starts_with(&prefix))
    }
}

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
        serde_json::to_string(self).expect("a report always serializes")
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serializes")
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = &self.parsed;
        let mut doc = s.serialize_struct("Report", 10)?;
        doc.serialize_field("organ", &p.organ)?;
        doc.serialize_field("year", &p.year)?;
        doc.serialize_field("format", &p.format)?;
        doc.serialize_field("input", p.input)?;
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
        write_number(self.0, s)
    }
}
