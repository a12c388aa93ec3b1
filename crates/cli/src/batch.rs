//! A batch from the command line: the report files under the given paths, read and checked in
//! parallel (rayon), with last year's report given (`--previous`) or paired by year (`--pair`).

use crate::args::Options;
use nianbao_core::batch::{is_report_file, Batch, Entry};
use nianbao_core::read::meta::Published;
use nianbao_core::{Parsed, ReadError};
use rayon::prelude::*;
use std::io::Read;
use std::path::Path;

/// A file to check, or a folder that could not be listed (and why).
type Found = (String, Result<(), String>);

/// The files to check: each path given as it is (whatever its extension; `-` is stdin), and the
/// report files ([`is_report_file`]) under each folder, recursively, in name order. Hidden files
/// and folders and Word's lock files (`~$…`) are skipped.
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
    let listed = std::fs::read_dir(dir).and_then(|entries| entries.map(|e| e.map(|e| e.path())).collect::<Result<Vec<_>, _>>());
    let mut paths = match listed {
        Ok(paths) => paths,
        Err(e) => return found.push((dir.display().to_string(), Err(format!("无法打开文件夹：{e}")))),
    };
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        // Symbolic links to folders are not followed (they could loop).
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir {
            walk(&path, found);
        } else if is_report_file(&name) && path.is_file() {
            found.push((path.display().to_string(), Ok(())));
        }
    }
}

/// Reads, parses and checks every file (on the current rayon pool): one entry a file, in order,
/// an unreadable file an entry with its reason.
pub fn check(found: Vec<Found>, o: &Options, previous: Option<(&str, &Parsed)>) -> Vec<Entry> {
    let read: Vec<(String, Result<Parsed, String>)> = found
        .into_par_iter()
        .map(|(file, listed)| {
            let parsed = listed.and_then(|()| parse(&file)).map(|mut parsed| {
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

/// Reads and parses one file (`-` is stdin).
pub fn parse(file: &str) -> Result<Parsed, String> {
    read(file).and_then(|bytes| nianbao_core::parse_bytes(&bytes).map_err(|e| e.to_string()))
}

fn read(file: &str) -> Result<Vec<u8>, String> {
    let limit = nianbao_core::input::decode::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    match result {
        Ok(_) if bytes.len() as u64 >= limit => Err(ReadError::TooLarge { bytes: bytes.len() }.to_string()),
        Ok(_) => Ok(bytes),
        Err(e) => Err(format!("无法打开文件：{e}")),
    }
}
