//! The checked batch written out: the text summary, the JSON document or array, NDJSON, the CSV
//! summary (for Excel) or an .xlsx workbook.

use crate::args::Format;
use nianbao_core::batch::{sheet, Entry};
use rayon::prelude::*;
use rayon::ThreadPool;
use std::io::{IoSlice, Write};
use std::sync::mpsc::Receiver;

/// Entries whose JSON is written in one go when a batch's JSON is streamed: enough for every
/// thread to have several, few enough that the memory one batch of them takes is used again by
/// the next instead of growing with the batch.
const JSON_CHUNK: usize = 64;

/// Why the results could not be written.
pub enum Failure {
    /// The output could not be made (its reason in Chinese); nothing was written.
    Render(String),
    Write(std::io::Error),
}

/// Writes the entries to `out`. `single` is one file given on its own (not a folder): its JSON
/// is the SPEC §6 document itself and its text has no batch summary. A batch's JSON array or
/// NDJSON is streamed (see [`stream_json`]); the other formats are made whole, then written.
pub fn write(entries: &[Entry], format: Format, single: bool, pool: &ThreadPool, out: &mut dyn Write) -> Result<(), Failure> {
    let text = match format {
        Format::Text if single => entries.iter().filter_map(|e| e.outcome.as_ref().ok()).map(crate::summary::render).collect(),
        Format::Text => batch_text(entries),
        Format::Json if single => entries.iter().filter_map(|e| e.outcome.as_ref().ok()).map(|r| r.to_json() + "\n").collect(),
        // serde_json's compact array of the entries.
        Format::Json => return stream_json(entries, [b"[", b",", b"", b"]\n"], pool, out).map_err(Failure::Write),
        Format::Ndjson => return stream_json(entries, [b"", b"", b"\n", b""], pool, out).map_err(Failure::Write),
        Format::Csv => sheet::csv(&sheet::summary(entries)),
        Format::Xlsx => {
            let sheets = [sheet::summary(entries), sheet::findings(entries), sheet::cells(entries)];
            let bytes = nianbao_core::batch::xlsx::workbook(&sheets).map_err(|e| Failure::Render(format!("无法生成 .xlsx：{e}")))?;
            return out.write_all(&bytes).map_err(Failure::Write);
        }
    };
    out.write_all(text.as_bytes()).map_err(Failure::Write)
}

/// Writes the entries' JSON framed by `[open, between, after_each, close]`: `open`, each entry's
/// JSON followed by `after_each` and separated by `between`, then `close`. The JSON is made
/// [`JSON_CHUNK`] entries at a time on `pool`'s threads, each chunk's entries in parallel, while
/// this thread writes the chunk made before.
fn stream_json(entries: &[Entry], framing: [&[u8]; 4], pool: &ThreadPool, out: &mut dyn Write) -> std::io::Result<()> {
    // One chunk waiting while the next is made: the memory of three chunks at most.
    let (made, rendered) = std::sync::mpsc::sync_channel::<Vec<Vec<u8>>>(1);
    pool.in_place_scope(|scope| {
        scope.spawn(move |_| {
            for chunk in entries.chunks(JSON_CHUNK) {
                // The writer has stopped (a failed write): nothing more to make.
                if made.send(chunk.par_iter().map(Entry::json_bytes).collect()).is_err() {
                    break;
                }
            }
        });
        write_chunks(rendered, framing, out)
    })
}

/// Writes the chunks of entries' JSON as they come, framed as [`stream_json`] says: each chunk in
/// one vectored write of its entries' buffers and the framing between them, without copying them
/// into one. Returning drops `rendered`, which tells the maker of the chunks to stop.
fn write_chunks(
    rendered: Receiver<Vec<Vec<u8>>>,
    [open, between, after_each, close]: [&[u8]; 4],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut first = Some(open);
    for chunk in rendered.iter() {
        let mut pieces = Vec::with_capacity(3 * chunk.len() + 1);
        for json in &chunk {
            pieces.push(IoSlice::new(first.take().unwrap_or(between)));
            pieces.extend([IoSlice::new(json), IoSlice::new(after_each)]);
        }
        write_all_vectored(out, &mut pieces)?;
    }
    // `open` too when there was no entry.
    write_all_vectored(out, &mut [IoSlice::new(first.unwrap_or_default()), IoSlice::new(close)])
}

/// Writes every piece, in as few calls as `out` takes them (`Write::write_all_vectored` is not
/// stable yet).
fn write_all_vectored(out: &mut dyn Write, mut pieces: &mut [IoSlice<'_>]) -> std::io::Result<()> {
    IoSlice::advance_slices(&mut pieces, 0);
    while !pieces.is_empty() {
        match out.write_vectored(pieces) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(written) => IoSlice::advance_slices(&mut pieces, written),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Each report's summary under its file name, then the batch summary table.
fn batch_text(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        out += &format!("=== {} ===\n", e.file);
        if let Some(previous) = &e.previous {
            out += &format!("上一年度报告：{previous}\n");
        }
        match &e.outcome {
            Ok(report) => out += &crate::summary::render(report),
            Err(reason) => out += &format!("无法读取：{reason}\n"),
        }
        out.push('\n');
    }
    let summary = sheet::summary(entries);
    out += &format!("=== {}（{} 个文件）===\n", summary.name, entries.len());
    out += &summary.header.join(" | ");
    out.push('\n');
    for row in &summary.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match v {
                sheet::Value::Text(t) => t.clone(),
                sheet::Value::Number(n) => nianbao_core::check::finding::show(*n),
                sheet::Value::Empty => "-".to_owned(),
            })
            .collect();
        out += &cells.join(" | ");
        out.push('\n');
    }
    out
}
