//! A batch from the command line: the report files (and .zip archives of reports) under the given
//! paths, read and checked in parallel (rayon), with last year's report given (`--previous`) or
//! paired by year (`--pair`).

use crate::args::Options;
use nianbao_core::batch::archive::{self, Expansion};
use nianbao_core::batch::{is_report_file, Batch, Entry};
use nianbao_core::read::meta::Published;
use nianbao_core::{Parsed, ReadError};
use rayon::prelude::*;
use std::io::Read;
use std::path::Path;

/// A file to check, or a folder that could not be listed (and why).
type Found = (String, Result<(), String>);

/// The files to check: each path given as it is (whatever its extension; `-` is stdin), and the
/// report files ([`is_report_file`]) and .zip files under each folder, recursively, in name order.
/// Hidden files and folders and Word's lock files (`~$…`) are skipped.
pub fn find(paths: &[String]) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        if path != "-" && Path::new(path).is_dir() {
            walk(Path::new(path), &mut found);
        } else {
            found.push((path.clone(), Ok(())));
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Vec<Found>) {
    let listed = std::fs::read_dir(dir)
        .and_then(|entries| entries.map(|e| e.map(|e| (e.file_name(), e.path(), e.file_type()))).collect::<Result<Vec<_>, _>>());
    let mut entries = match listed {
        Ok(entries) => entries,
        Err(e) => return found.push((dir.display().to_string(), Err(format!("无法打开文件夹：{e}")))),
    };
    // In one folder, the paths' order is their names' (compared as bytes, without taking each
    // path apart into its components again for every comparison).
    entries.sort_unstable_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    for (name, path, kind) in entries {
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        // The listing tells a file's kind without asking the file system again. Symbolic links
        // to folders are not followed (they could loop); one to a file is taken.
        let (is_dir, is_file) = match kind {
            Ok(kind) if !kind.is_symlink() => (kind.is_dir(), kind.is_file()),
            _ => (false, path.is_file()),
        };
        if is_dir {
            walk(&path, found);
        } else if is_file && (is_report_file(&name) || archive::is_archive_file(&name)) {
            found.push((path.display().to_string(), Ok(())));
        }
    }
}

/// Reads, parses and checks every file (on the current rayon pool): one entry a report, in order
/// (a .zip gives one a report inside it, see [`read_file`]), an unreadable file an entry with
/// its reason.
pub fn check(found: Vec<Found>, o: &Options, previous: Option<(&str, &Parsed)>) -> Vec<Entry> {
    let read: Vec<Vec<(String, Result<Parsed, String>)>> = found.into_par_iter().map(|(file, listed)| read_file(file, listed)).collect();
    let read: Vec<(String, Result<Parsed, String>)> = read
        .into_iter()
        .flatten()
        .map(|(file, parsed)| {
            let parsed = parsed.map(|mut parsed| {
                if let Some(date) = &o.published {
                    parsed.published = Some(Published { date: date.clone(), line: None, source: "用户输入" });
                }
                parsed
            });
            (file, parsed)
        })
        .collect();
    if let Some((previous_file, previous)) = previous {
        return read
            .into_par_iter()
            .map(|(file, parsed)| Entry {
                file,
                outcome: parsed.map(|p| nianbao_core::check_with_previous(p, previous)),
                previous: Some(previous_file.to_owned()),
            })
            .collect();
    }
    let mut batch = Batch::new(read);
    if o.pair {
        batch.pair_years();
    }
    let findings = (0..batch.len()).into_par_iter().map(|i| batch.findings(i)).collect();
    batch.into_entries(findings)
}

/// One file's reports: the file's own, or, for a .zip of reports ([`archive::is_archive`]),
/// one for each report inside (`reports.zip/子目录/某局.docx`, parsed in parallel), or the
/// archive's one reason when it cannot be opened.
fn read_file(file: String, listed: Result<(), String>) -> Vec<(String, Result<Parsed, String>)> {
    let bytes = match listed.and_then(|()| read(&file)) {
        Ok(bytes) => bytes,
        Err(reason) => return vec![(file, Err(reason))],
    };
    if !archive::is_archive(&file, &bytes) {
        let parsed = parse_bytes(&bytes);
        return vec![(file, parsed)];
    }
    match Expansion::open(&file, bytes, nianbao_core::input::decode::gb18030) {
        Ok(members) => {
            let mut read: Vec<_> =
                members.enumerate().par_bridge().map(|(i, m)| (i, m.name, m.content.and_then(|bytes| parse_bytes(&bytes)))).collect();
            read.sort_by_key(|(i, ..)| *i);
            read.into_iter().map(|(_, name, parsed)| (name, parsed)).collect()
        }
        Err(reason) => vec![(file, Err(reason))],
    }
}

/// Reads and parses one file (`-` is stdin).
pub fn parse(file: &str) -> Result<Parsed, String> {
    read(file).and_then(|bytes| parse_bytes(&bytes))
}

fn parse_bytes(bytes: &[u8]) -> Result<Parsed, String> {
    nianbao_core::parse_bytes(bytes).map_err(|e| e.to_string())
}

/// A file's bytes: at most a report's size, or an archive's when it starts as a zip does.
fn read(file: &str) -> Result<Vec<u8>, String> {
    let report_limit = nianbao_core::input::decode::MAX_INPUT_BYTES as u64 + 1;
    let archive_limit = archive::MAX_ARCHIVE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        read_up_to(std::io::stdin().lock(), None, &mut bytes, report_limit, archive_limit)
    } else {
        std::fs::File::open(file).and_then(|f| {
            let size = f.metadata().ok().map(|m| m.len());
            read_up_to(f, size, &mut bytes, report_limit, archive_limit)
        })
    };
    let zip = bytes.starts_with(b"PK\x03\x04");
    match result {
        Ok(()) if zip && bytes.len() as u64 >= archive_limit => {
            Err(format!("压缩文件超过 {} MB 的上限，未打开。请分成几个较小的压缩文件。", archive::MAX_ARCHIVE_BYTES / 1048576))
        }
        Ok(()) if !zip && bytes.len() as u64 >= report_limit => Err(ReadError::TooLarge { bytes: bytes.len() }.to_string()),
        Ok(()) => Ok(bytes),
        Err(e) => Err(format!("无法打开文件：{e}")),
    }
}

/// Reads up to `limit` bytes, or up to `zip_limit` when they start as a zip archive does. `size`
/// is what the file system says the file holds, if it says: the buffer is made that large at once,
/// so that a file is read in one call instead of many growing ones.
fn read_up_to(mut from: impl Read, size: Option<u64>, bytes: &mut Vec<u8>, limit: u64, zip_limit: u64) -> std::io::Result<()> {
    if let Some(size) = size {
        // One byte more than the file holds, for the read that finds its end.
        bytes.reserve(usize::try_from(size.min(zip_limit)).unwrap_or(0).saturating_add(1));
    }
    (&mut from).take(limit).read_to_end(bytes)?;
    if bytes.starts_with(b"PK\x03\x04") && bytes.len() as u64 == limit {
        from.take(zip_limit - limit).read_to_end(bytes)?;
    }
    Ok(())
}
