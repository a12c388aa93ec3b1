//! A .zip of reports as files of a batch: each report inside is a member named
//! `reports.zip/子目录/某局.docx` (names in GBK decoded), junk left out, archives inside opened
//! (to [`MAX_DEPTH`]), and caps for the archive as a whole against zip bombs.

use super::is_report_file;
use crate::input::decode::MAX_INPUT_BYTES;
use crate::input::zip::{self, Entry, ZipError};
use crate::ReadError;

/// Largest .zip file a batch opens.
pub const MAX_ARCHIVE_BYTES: usize = 256 * 1024 * 1024;
/// Largest total that an archive, with the archives inside it, may unpack to.
pub const MAX_EXPANDED_BYTES: usize = 1024 * 1024 * 1024;
/// Most reports (and archives inside) an archive may hold, at every level together.
pub const MAX_MEMBERS: usize = 10_000;
/// Above 1 MB, an archive whose members unpack to more than this many times their packed size is
/// taken as a zip bomb (reports pack 3–10 times; Word and PDF files hardly at all).
pub const MAX_RATIO: usize = 100;
/// How many archives deep a report may be: a .zip in a .zip in a .zip, no deeper.
pub const MAX_DEPTH: usize = 3;

/// Decodes a name in the legacy code page (GBK), as `read_input_with` takes it.
pub type Legacy = fn(&[u8]) -> Option<String>;

/// Whether a file is a zip of reports rather than a report: a zip archive that is not a Word
/// document or another Office/OpenDocument file (told by content: `[Content_Types].xml` or
/// `mimetype` inside). A damaged zip counts as an archive only when its name ends with `.zip`
/// (a damaged .docx stays a damaged Word document).
pub fn is_archive(name: &str, bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
        return false;
    }
    match zip::entries(bytes) {
        Ok(entries) => !entries.iter().any(|e| matches!(e.name.as_str(), "[Content_Types].xml" | "mimetype" | "word/document.xml")),
        Err(_) => is_archive_file(name),
    }
}

/// Whether a file name ends with `.zip` (in any case).
pub fn is_archive_file(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && !stem.ends_with('/') && ext.eq_ignore_ascii_case("zip"))
}

/// Files that archives carry but nobody means as a report: anything under `__MACOSX/`, macOS's
/// `._*` and `.DS_Store`, Windows' `Thumbs.db` and `desktop.ini`, Word's `~$` lock files, and
/// hidden files and folders (a name starting with `.`), as a folder walk skips them.
pub fn is_junk(path: &str) -> bool {
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    let file = path.rsplit('/').next().unwrap_or("");
    parts.any(|p| p == "__MACOSX" || p.starts_with('.'))
        || file.starts_with("~$")
        || file.eq_ignore_ascii_case("thumbs.db")
        || file.eq_ignore_ascii_case("desktop.ini")
}

/// One report of an archive: its name in the batch, its bytes or why it could not be unpacked
/// (in Chinese), and where it is (the entry's index at each level, for [`extract`]).
#[derive(Debug)]
pub struct Member {
    pub name: String,
    pub content: Result<Vec<u8>, String>,
    pub location: Vec<usize>,
}

/// An archive being unpacked, one member at a time ([`Iterator`]): only one member's bytes (and
/// the archives it is in) are held at once.
pub struct Expansion {
    levels: Vec<Level>,
    legacy: Legacy,
    /// Bytes every opened level's members may still unpack to, and members still allowed.
    bytes_left: usize,
    members_left: usize,
}

/// One open archive: its bytes, the entries taken (in name order) and the next one.
struct Level {
    prefix: String,
    location: Vec<usize>,
    bytes: Vec<u8>,
    entries: Vec<Entry>,
    taken: Vec<(usize, String)>,
    next: usize,
}

impl Expansion {
    /// Opens the archive `name`, or says (in Chinese) why it cannot be opened at all: damaged,
    /// encrypted, too big, a zip bomb, or no reports in it.
    pub fn open(name: &str, bytes: Vec<u8>, legacy: Legacy) -> Result<Expansion, String> {
        if bytes.len() > MAX_ARCHIVE_BYTES {
            return Err(format!(
                "压缩文件有 {} MB，超过 {} MB 的上限，未打开。请分成几个较小的压缩文件。",
                crate::decimal::megabytes(bytes.len() as u64),
                MAX_ARCHIVE_BYTES / 1048576
            ));
        }
        let mut expansion = Expansion { levels: Vec::new(), legacy, bytes_left: MAX_EXPANDED_BYTES, members_left: MAX_MEMBERS };
        expansion.push(name, bytes, Vec::new())?;
        Ok(expansion)
    }

    /// How many members are still to come (an archive inside counts as one until it is opened).
    pub fn remaining(&self) -> usize {
        self.levels.iter().map(|l| l.taken.len() - l.next).sum()
    }

    fn push(&mut self, name: &str, bytes: Vec<u8>, location: Vec<usize>) -> Result<(), String> {
        let entries = zip::entries(&bytes).map_err(|e| match e {
            ZipError::TooLarge => format!("压缩文件中的文件超过 {} 个，未打开。", zip::MAX_ENTRIES),
            _ => "压缩文件已损坏或不完整，无法打开。请重新压缩或解压后选择报告文件。".to_owned(),
        })?;
        let mut taken: Vec<(usize, String)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.is_folder())
            .map(|(i, e)| (i, entry_name(e, self.legacy)))
            .filter(|(_, n)| !is_junk(n) && (is_report_file(n) || is_archive_file(n)))
            .collect();
        taken.sort_by(|a, b| a.1.cmp(&b.1));
        if taken.is_empty() {
            let extensions = super::REPORT_EXTENSIONS.join(" .");
            return Err(format!("压缩文件中没有年度报告文件（.{extensions} 或 .zip）。"));
        }
        if taken.iter().all(|&(i, _)| entries[i].is_encrypted()) {
            return Err("压缩文件设置了密码，无法打开。请解压后选择报告文件。".to_owned());
        }
        // In u64: on wasm32 the recorded sizes of many entries could overflow usize.
        let unpacked: u64 = taken.iter().map(|&(i, _)| entries[i].size as u64).sum();
        let packed: u64 = taken.iter().map(|&(i, _)| entries[i].compressed as u64).sum();
        let bomb = unpacked > 1024 * 1024 && unpacked / packed.max(1) > MAX_RATIO as u64;
        if unpacked > self.bytes_left as u64 || bomb || taken.len() > self.members_left {
            return Err(format!(
                "压缩文件解压后的大小异常（超过 {} MB 的上限、压缩比超过 {MAX_RATIO} 倍或文件超过 {MAX_MEMBERS} 个），不像是年度报告，未打开。",
                MAX_EXPANDED_BYTES / 1048576
            ));
        }
        self.bytes_left -= unpacked as usize;
        self.members_left -= taken.len();
        self.levels.push(Level { prefix: format!("{name}/"), location, bytes, entries, taken, next: 0 });
        Ok(())
    }
}

impl Iterator for Expansion {
    type Item = Member;

    fn next(&mut self) -> Option<Member> {
        loop {
            let level = self.levels.last_mut()?;
            let Some((index, path)) = level.taken.get(level.next) else {
                self.levels.pop();
                continue;
            };
            level.next += 1;
            let name = format!("{}{path}", level.prefix);
            let mut location = level.location.clone();
            location.push(*index);
            let entry = &level.entries[*index];
            let limit = if is_report_file(path) { MAX_INPUT_BYTES } else { MAX_ARCHIVE_BYTES };
            let content = unpack(&level.bytes, entry, limit);
            let depth = self.levels.len();
            if let Ok(bytes) = &content {
                if is_archive(&name, bytes) {
                    if depth >= MAX_DEPTH {
                        let reason = format!("压缩文件中的压缩文件嵌套超过 {MAX_DEPTH} 层，未打开。请解压后选择报告文件。");
                        return Some(Member { name, content: Err(reason), location });
                    }
                    let bytes = content.expect("checked above");
                    match self.push(&name, bytes, location.clone()) {
                        Ok(()) => continue,
                        Err(reason) => return Some(Member { name, content: Err(reason), location }),
                    }
                }
            }
            return Some(Member { name, content, location });
        }
    }
}

/// The member at `location` (as [`Member::location`] gave it) of an archive, unpacked again:
/// for opening one report of a batch later without keeping them all.
pub fn extract(bytes: &[u8], location: &[usize]) -> Result<Vec<u8>, String> {
    let changed = || "压缩文件已损坏或已改变，无法再次读取这个文件。".to_owned();
    let mut held: Vec<u8>;
    let mut archive = bytes;
    for (depth, &index) in location.iter().enumerate() {
        let entries = zip::entries(archive).map_err(|_| changed())?;
        let entry = entries.get(index).ok_or_else(changed)?;
        if depth + 1 == location.len() {
            return unpack(archive, entry, MAX_INPUT_BYTES);
        }
        held = unpack(archive, entry, MAX_ARCHIVE_BYTES)?;
        archive = &held;
    }
    Err(changed())
}

/// An entry's bytes, or why not (in Chinese): encrypted, too big (by its recorded size, before
/// unpacking), an unsupported compression method, damaged.
fn unpack(bytes: &[u8], entry: &Entry, limit: usize) -> Result<Vec<u8>, String> {
    if entry.is_encrypted() {
        return Err("这个文件设置了密码，无法解压。请解压后选择报告文件。".to_owned());
    }
    if entry.size > limit {
        return Err(ReadError::TooLarge { bytes: entry.size }.to_string());
    }
    zip::read_entry(bytes, entry).map_err(|e| match e {
        ZipError::Unsupported => "这个文件的压缩方式不受支持（只支持常见的 Deflate 压缩），无法解压。请解压后选择报告文件。".to_owned(),
        ZipError::TooLarge => "这个文件解压后比压缩文件记录的大（可能是压缩炸弹），已停止解压。".to_owned(),
        _ => "压缩文件中的这个文件已损坏，无法解压。".to_owned(),
    })
}

/// An entry's path as the archive's maker meant it: UTF-8 when flagged or valid, else the legacy
/// code page (GBK: Windows' built-in zip and many tools write Chinese names so, without the flag);
/// `\` as `/`, no leading `/`.
fn entry_name(entry: &Entry, legacy: Legacy) -> String {
    let raw = &entry.raw_name;
    let name = match std::str::from_utf8(raw) {
        Ok(s) => s.to_owned(),
        Err(_) if entry.is_utf8() => String::from_utf8_lossy(raw).into_owned(),
        Err(_) => legacy(raw).unwrap_or_else(|| String::from_utf8_lossy(raw).into_owned()),
    };
    name.replace('\\', "/").trim_start_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::decode::gb18030;
    use crate::input::zip::tests::{build, TestEntry};

    const DOCX: &[u8] = include_bytes!("../../../../tests/fixtures/structured/youchegang-2020.docx");

    fn gbk(name: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(name).0.into_owned()
    }

    fn open(bytes: Vec<u8>) -> Result<Vec<Member>, String> {
        Expansion::open("reports.zip", bytes, gb18030).map(Iterator::collect)
    }

    fn names(members: &[Member]) -> Vec<&str> {
        members.iter().map(|m| m.name.as_str()).collect()
    }

    #[test]
    fn gbk_and_utf8_names_folders_and_junk() {
        let zip = build(&[
            TestEntry::stored(gbk("子目录/"), b""),
            TestEntry::deflated(gbk("子目录/某局.txt"), "某局的报告".as_bytes()),
            TestEntry { flags: 0x800, ..TestEntry::stored("乙镇.html", b"<p>x</p>") },
            TestEntry::stored("甲县\\水利局.txt".as_bytes(), b"utf-8 without the flag"),
            TestEntry::stored(gbk("__MACOSX/子目录/._某局.txt"), b"\x00\x05\x16\x07"),
            TestEntry::stored(gbk("子目录/._某局.txt"), b"\x00\x05\x16\x07"),
            TestEntry::stored("子目录/.DS_Store", b"x"),
            TestEntry::stored("Thumbs.db", b"x"),
            TestEntry::stored(gbk("子目录/~$某局.docx"), b"x"),
            TestEntry::stored(gbk("说明.xlsx"), b"x"),
            TestEntry::stored(gbk("封面.jpg"), b"x"),
        ]);
        assert!(is_archive("reports.zip", &zip));
        let members = open(zip.clone()).unwrap();
        assert_eq!(names(&members), ["reports.zip/乙镇.html", "reports.zip/子目录/某局.txt", "reports.zip/甲县/水利局.txt"]);
        assert_eq!(members[1].content.as_deref(), Ok("某局的报告".as_bytes()));
        assert_eq!(members[1].location, [1]);
        assert_eq!(extract(&zip, &members[1].location).unwrap(), "某局的报告".as_bytes());
        assert_eq!(Expansion::open("reports.zip", zip, gb18030).unwrap().remaining(), 3);
        for junk in ["__MACOSX/a/b.txt", "a/._b.txt", ".DS_Store", "a/Thumbs.db", "DESKTOP.INI", "~$b.docx", ".git/x.txt"] {
            assert!(is_junk(junk), "{junk}");
        }
        assert!(!is_junk("子目录/某局.txt"));
    }

    #[test]
    fn a_docx_is_a_report_not_an_archive() {
        assert!(!is_archive("youchegang-2020.docx", DOCX));
        assert!(!is_archive("renamed.zip", DOCX), "told by content, not by the name");
        let zip = build(&[TestEntry::stored("油车港镇.docx", DOCX)]);
        let members = open(zip).unwrap();
        assert_eq!(names(&members), ["reports.zip/油车港镇.docx"]);
        assert_eq!(members[0].content.as_deref(), Ok(DOCX), "read as a report, not opened");
        let xlsx = build(&[TestEntry::stored("[Content_Types].xml", b"<Types/>"), TestEntry::stored("xl/workbook.xml", b"x")]);
        assert!(!is_archive("book.xlsx", &xlsx));
        assert!(!is_archive("a.txt", b"PK but text"));
    }

    #[test]
    fn archives_inside_are_opened_to_a_depth() {
        let inner = build(&[TestEntry::stored("2022.txt", b"2022"), TestEntry::stored("readme.md", b"x")]);
        let damaged = inner[..inner.len() - 10].to_vec();
        let middle = build(&[TestEntry::stored("2023.txt", b"2023"), TestEntry::deflated("往年.zip", &inner)]);
        let zip =
            build(&[TestEntry::stored("中.zip", &middle), TestEntry::stored("坏.zip", &damaged), TestEntry::stored("2024.txt", b"2024")]);
        let members = open(zip.clone()).unwrap();
        assert_eq!(
            names(&members),
            ["reports.zip/2024.txt", "reports.zip/中.zip/2023.txt", "reports.zip/中.zip/往年.zip/2022.txt", "reports.zip/坏.zip"]
        );
        assert_eq!(members[2].content.as_deref(), Ok(&b"2022"[..]));
        assert_eq!(members[2].location, [0, 1, 0]);
        assert_eq!(extract(&zip, &members[2].location).unwrap(), b"2022");
        assert_eq!(members[3].content, Err("压缩文件已损坏或不完整，无法打开。请重新压缩或解压后选择报告文件。".to_owned()));
        let deepest = build(&[TestEntry::stored("d.zip", &zip)]);
        let members = open(build(&[TestEntry::stored("e.zip", &deepest)])).unwrap();
        assert_eq!(
            names(&members),
            ["reports.zip/e.zip/d.zip/2024.txt", "reports.zip/e.zip/d.zip/中.zip", "reports.zip/e.zip/d.zip/坏.zip"]
        );
        assert_eq!(members[1].content, Err("压缩文件中的压缩文件嵌套超过 3 层，未打开。请解压后选择报告文件。".to_owned()));
    }

    #[test]
    fn zip_bombs_are_refused() {
        let zeros = vec![0u8; 64 * 1024 * 1024];
        let bomb = build(&[TestEntry::deflated("a.txt", &zeros)]);
        let refused = "压缩文件解压后的大小异常（超过 1024 MB 的上限、压缩比超过 100 倍或文件超过 10000 个），不像是年度报告，未打开。";
        assert_eq!(open(bomb).unwrap_err(), refused, "the ratio");
        let lying = build(&[TestEntry { size: 1000, ..TestEntry::deflated("a.txt", &zeros) }, TestEntry::stored("b.txt", b"b")]);
        let members = open(lying).unwrap();
        assert_eq!(members[0].content, Err("这个文件解压后比压缩文件记录的大（可能是压缩炸弹），已停止解压。".to_owned()));
        assert_eq!(members[1].content.as_deref(), Ok(&b"b"[..]));
        let huge: Vec<TestEntry> =
            (0..5).map(|i| TestEntry { size: 250 * 1024 * 1024, ..TestEntry::stored(format!("{i}.zip"), &[1; 4 << 20]) }).collect();
        assert_eq!(open(build(&huge)).unwrap_err(), refused, "the total");
        let many: Vec<TestEntry> = (0..10_001).map(|i| TestEntry::stored(format!("{i}.txt"), b"")).collect();
        assert_eq!(open(build(&many)).unwrap_err(), "压缩文件中的文件超过 10000 个，未打开。");
        let big = vec![b'x'; MAX_INPUT_BYTES + 1];
        let members = open(build(&[TestEntry::stored("big.txt", &big)])).unwrap();
        assert_eq!(members[0].content, Err(ReadError::TooLarge { bytes: MAX_INPUT_BYTES + 1 }.to_string()));
    }

    #[test]
    fn encrypted_damaged_and_empty_archives_are_one_reason() {
        let locked = build(&[
            TestEntry { flags: 1, ..TestEntry::stored("a.txt", b"x") },
            TestEntry { flags: 1, ..TestEntry::stored("b.txt", b"y") },
        ]);
        assert_eq!(open(locked).unwrap_err(), "压缩文件设置了密码，无法打开。请解压后选择报告文件。");
        let one_locked = build(&[TestEntry { flags: 1, ..TestEntry::stored("a.txt", b"x") }, TestEntry::stored("b.txt", b"y")]);
        let members = open(one_locked).unwrap();
        assert_eq!(members[0].content, Err("这个文件设置了密码，无法解压。请解压后选择报告文件。".to_owned()));
        assert_eq!(members[1].content.as_deref(), Ok(&b"y"[..]));
        let zip = build(&[TestEntry::stored("a.txt", b"x")]);
        let cut = zip[..zip.len() - 5].to_vec();
        assert!(is_archive("cut.zip", &cut) && !is_archive("cut.docx", &cut));
        assert_eq!(open(cut).unwrap_err(), "压缩文件已损坏或不完整，无法打开。请重新压缩或解压后选择报告文件。");
        let empty = build(&[TestEntry::stored("封面.jpg", b"x"), TestEntry::stored("__MACOSX/._a.txt", b"x")]);
        assert_eq!(open(empty).unwrap_err(), "压缩文件中没有年度报告文件（.txt .docx .doc .wps .html .htm .pdf 或 .zip）。");
        let lzma = build(&[TestEntry { method: 14, ..TestEntry::stored("a.txt", b"x") }]);
        assert_eq!(
            open(lzma).unwrap()[0].content,
            Err("这个文件的压缩方式不受支持（只支持常见的 Deflate 压缩），无法解压。请解压后选择报告文件。".to_owned())
        );
    }
}
