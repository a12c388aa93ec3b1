//! Text to parsed report: sections, metadata, and the three tables read from their regions.

pub mod breaks;
pub mod cell;
pub mod level;
pub mod meta;
pub mod numerals;
mod parsed;
pub mod prose;
pub mod sections;
pub mod tables;
pub mod tokens;
pub mod units;

pub use parsed::{CellIndex, Parsed};

use crate::input::InputKind;
use crate::schema::{Format, TableKey};
use crate::text::{skeleton, Source};
use sections::Section;
use tables::TableOutput;

/// Parses decoded report text.
pub fn parse(text: String, encoding: &'static str) -> Parsed {
    let source = breaks::restore(Source::new(text));
    let sections = sections::find(&source);
    let first_section = sections.iter().map(|s| s.line).min().unwrap_or(source.line_count());
    let (organ, title_year, title_line) = meta::title(&source, first_section);
    let organ = organ.or_else(|| meta::signature_organ(&source));
    let year = title_year.or_else(|| meta::period_year(&source));
    let published = meta::published(&source);

    let starts: Vec<(TableKey, Option<usize>)> = TableKey::ALL.iter().map(|&t| (t, table_start(&source, &sections, t))).collect();
    // The three tables' cells go into one list, each reader adding its own.
    let mut cells = Vec::with_capacity(tables::most_cells());
    let mut tables = Vec::new();
    let mut markers = Vec::new();
    let mut excluded: Vec<(usize, usize)> = sections.iter().map(|s| (s.line, s.line)).collect();
    for &(table, start) in &starts {
        let region = start.map(|start| (start, region_end(&source, &sections, &starts, start)));
        let segments = match region {
            Some((start, end)) if start < end => tokens::segments(&source, start + 1, end),
            _ => Default::default(),
        };
        let read_table = match table {
            TableKey::Active => tables::read_active,
            TableKey::Applications => tables::read_applications,
            TableKey::Reviews => tables::read_reviews,
        };
        let TableOutput { mut read, cells: all_cells, markers: table_markers } = read_table(&source, segments, start, cells);
        cells = all_cells;
        if let Some((start, end)) = region {
            read.end = Some(end);
            excluded.push((start, end));
        }
        tables.push(read);
        markers.extend(table_markers);
    }
    let has = |f: Format| markers.iter().any(|m| m.format == f);
    let format = Format::from_markers(has(Format::F2019), has(Format::F2021));
    let prose = prose::read(&source, &excluded);
    let cell_index = CellIndex::new(&cells);
    cells.shrink_to_fit();
    Parsed {
        source,
        input: InputKind::Text,
        encoding,
        organ,
        year,
        title_line,
        format,
        published,
        sections,
        cells,
        tables,
        markers,
        prose,
        cell_index,
    }
}

/// The line where a table's region starts: its section heading, or failing that a line that only
/// the table has.
fn table_start(source: &Source, sections: &[Section], table: TableKey) -> Option<usize> {
    if let Some(s) = sections.iter().find(|s| s.no == table.section()) {
        return Some(s.line);
    }
    let signature = |skel: &str| match table {
        TableKey::Active => skel.starts_with("第二十条"),
        TableKey::Applications => skel.contains("勾稽关系") || skel.contains("本年新收政府信息公开申请数量"),
        TableKey::Reviews => skel.starts_with("行政复议") && skel.chars().count() <= 12,
    };
    source.lines().find(|(_, _, l)| signature(&skeleton(l))).map(|(no, _, _)| no.saturating_sub(1).max(1))
}

/// The last line of a region: the line before the next section heading or table start.
fn region_end(source: &Source, sections: &[Section], starts: &[(TableKey, Option<usize>)], start: usize) -> usize {
    let next = sections.iter().map(|s| s.line).chain(starts.iter().filter_map(|(_, s)| *s)).filter(|&l| l > start).min();
    next.map_or(source.line_count(), |l| l - 1)
}
