//! A minimal zip reader: the container of .docx files (one entry found by name and inflated) and
//! the entries of a zip of reports (listed, each inflated to exactly its recorded size, for
//! `batch::archive`); encrypted, oversized (zip bombs) and malformed archives refused, not tried.

use miniz_oxide::inflate::TINFLStatus;

/// Largest unpacked size of one entry we inflate; a report's document.xml is well under 5 MB.
pub const MAX_ENTRY_BYTES: usize = 32 * 1024 * 1024;
/// Most entries an archive may list.
pub const MAX_ENTRIES: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Not a readable zip archive.
    Malformed,
    /// The entry is not in the archive.
    Missing,
    /// The entry is password-protected.
    Encrypted,
    /// Unpacking would exceed the size cap, or the archive lists too many entries.
    TooLarge,
    /// A compression method other than stored or deflate.
    Unsupported,
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// The names of the entries (for telling a Word file from another zip).
pub fn names(bytes: &[u8]) -> Result<Vec<String>, ZipError> {
    Ok(central_directory(bytes)?.into_iter().map(|e| e.name).collect())
}

/// The unpacked content of the entry called `name` (at most [`MAX_ENTRY_BYTES`]).
pub fn read(bytes: &[u8], name: &str) -> Result<Vec<u8>, ZipError> {
    read_with(bytes, name, <[u8]>::to_vec)
}

/// Largest buffer [`read_with`] keeps for the next call.
const KEPT_BYTES: usize = 4 * 1024 * 1024;

std::thread_local! {
    /// Where [`read_with`] inflates: kept from one call to the next, so that reading one document
    /// after another neither allocates nor zeroes a new buffer for each.
    static INFLATED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The unpacked content of the entry called `name`, as [`read`] gives it, handed to `use_it`
/// without being copied out of the buffer it was inflated into.
pub fn read_with<T>(bytes: &[u8], name: &str, use_it: impl FnOnce(&[u8]) -> T) -> Result<T, ZipError> {
    let entry = central_directory(bytes)?.into_iter().find(|e| e.name == name).ok_or(ZipError::Missing)?;
    if entry.size > MAX_ENTRY_BYTES {
        return Err(ZipError::TooLarge);
    }
    if entry.method != 8 {
        return inflate(bytes, &entry, MAX_ENTRY_BYTES).map(|data| use_it(&data));
    }
    let data = packed(bytes, &entry)?;
    INFLATED.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            if buffer.len() < entry.size {
                buffer.resize(entry.size, 0);
            }
            let read = match inflate_into(data, &mut buffer[..entry.size]) {
                Some(written) => Ok(use_it(&buffer[..written])),
                None => inflate(bytes, &entry, MAX_ENTRY_BYTES).map(|data| use_it(&data)),
            };
            if buffer.len() > KEPT_BYTES {
                *buffer = Vec::new();
            }
            read
        }
        // In use further up (by a caller of `use_it`): a buffer of its own.
        Err(_) => inflate(bytes, &entry, MAX_ENTRY_BYTES).map(|data| use_it(&data)),
    })
}

/// The unpacked content of `entry` (one of [`entries`]), which must be exactly the size the
/// archive records: more is a zip bomb lying about its size ([`ZipError::TooLarge`]), less a
/// damaged entry. The caller decides beforehand whether that size is acceptable.
pub fn read_entry(bytes: &[u8], entry: &Entry) -> Result<Vec<u8>, ZipError> {
    let data = inflate(bytes, entry, entry.size)?;
    if data.len() == entry.size {
        Ok(data)
    } else {
        Err(ZipError::Malformed)
    }
}

/// The packed data of `entry`, after its local header.
fn packed<'b>(bytes: &'b [u8], entry: &Entry) -> Result<&'b [u8], ZipError> {
    if entry.is_encrypted() {
        return Err(ZipError::Encrypted);
    }
    let local = entry.offset;
    if u32_at(bytes, local) != Some(0x0403_4b50) {
        return Err(ZipError::Malformed);
    }
    let start =
        local + 30 + u16_at(bytes, local + 26).ok_or(ZipError::Malformed)? + u16_at(bytes, local + 28).ok_or(ZipError::Malformed)?;
    bytes.get(start..start.checked_add(entry.compressed).ok_or(ZipError::Malformed)?).ok_or(ZipError::Malformed)
}

fn inflate(bytes: &[u8], entry: &Entry, limit: usize) -> Result<Vec<u8>, ZipError> {
    let data = packed(bytes, entry)?;
    match entry.method {
        0 if data.len() > limit => Err(ZipError::TooLarge),
        0 => Ok(data.to_vec()),
        8 => inflate_recorded(data, entry.size.min(limit)).map_or_else(
            || {
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|e| match e.status {
                    TINFLStatus::HasMoreOutput => ZipError::TooLarge,
                    _ => ZipError::Malformed,
                })
            },
            Ok,
        ),
        _ => Err(ZipError::Unsupported),
    }
}

/// Deflated `data` unpacked into a buffer of the size the archive records, in one go: None when
/// it does not fit (a wrong size) or is damaged, for the growing, checked reading to handle.
fn inflate_recorded(data: &[u8], size: usize) -> Option<Vec<u8>> {
    let mut out = vec![0; size];
    let written = inflate_into(data, &mut out)?;
    out.truncate(written);
    Some(out)
}

/// Deflated `data` unpacked into `out` in one go: how many bytes it fills, or None when it does
/// not fit or is damaged.
fn inflate_into(data: &[u8], out: &mut [u8]) -> Option<usize> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    // On the stack: boxed, its 11 KB of tables were zeroed on the heap and then copied there.
    let mut state = DecompressorOxide::new();
    let (status, _, written) = decompress(&mut state, data, out, 0, inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF);
    (status == TINFLStatus::Done).then_some(written)
}

/// One entry of the central directory.
pub struct Entry {
    /// The name as stored, read as UTF-8 (lossily): exact for the ASCII names of a .docx.
    pub name: String,
    /// The name's bytes as stored (GBK in archives made by Windows, see [`Entry::is_utf8`]).
    pub raw_name: Vec<u8>,
    flags: usize,
    method: usize,
    /// Packed and unpacked sizes, as recorded.
    pub compressed: usize,
    pub size: usize,
    offset: usize,
}

impl Entry {
    pub fn is_encrypted(&self) -> bool {
        self.flags & 1 != 0
    }

    /// Whether the archive says the name is UTF-8 (general purpose flag bit 11).
    pub fn is_utf8(&self) -> bool {
        self.flags & 0x800 != 0
    }

    /// A folder, not a file (its name ends with `/`).
    pub fn is_folder(&self) -> bool {
        self.raw_name.ends_with(b"/")
    }
}

/// The entries of an archive, in the order of its central directory.
pub fn entries(bytes: &[u8]) -> Result<Vec<Entry>, ZipError> {
    central_directory(bytes)
}

fn central_directory(bytes: &[u8]) -> Result<Vec<Entry>, ZipError> {
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let eocd =
        (search_from..bytes.len().saturating_sub(21)).rev().find(|&i| u32_at(bytes, i) == Some(0x0605_4b50)).ok_or(ZipError::Malformed)?;
    let count = u16_at(bytes, eocd + 10).ok_or(ZipError::Malformed)?;
    let mut at = u32_at(bytes, eocd + 16).ok_or(ZipError::Malformed)?;
    if count > MAX_ENTRIES {
        return Err(ZipError::TooLarge);
    }
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(bytes, at) != Some(0x0201_4b50) {
            return Err(ZipError::Malformed);
        }
        let field = |off: usize, wide: bool| {
            if wide {
                u32_at(bytes, at + off)
            } else {
                u16_at(bytes, at + off)
            }
        };
        let (name_len, extra_len, comment_len) = (field(28, false), field(30, false), field(32, false));
        let (Some(name_len), Some(extra_len), Some(comment_len)) = (name_len, extra_len, comment_len) else {
            return Err(ZipError::Malformed);
        };
        let name = bytes.get(at + 46..at + 46 + name_len).ok_or(ZipError::Malformed)?;
        entries.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            raw_name: name.to_vec(),
            flags: field(8, false).ok_or(ZipError::Malformed)?,
            method: field(10, false).ok_or(ZipError::Malformed)?,
            compressed: field(20, true).ok_or(ZipError::Malformed)?,
            size: field(24, true).ok_or(ZipError::Malformed)?,
            offset: field(42, true).ok_or(ZipError::Malformed)?,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(entries)
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// One entry for [`build`]: the name's bytes, the data as packed, the size it unpacks to, the
    /// flags (1: encrypted, 0x800: UTF-8 name) and the method (0 stored, 8 deflate).
    pub struct TestEntry {
        pub name: Vec<u8>,
        pub packed: Vec<u8>,
        pub size: u32,
        pub flags: u16,
        pub method: u16,
    }

    impl TestEntry {
        pub fn stored(name: impl Into<Vec<u8>>, data: &[u8]) -> TestEntry {
            TestEntry { name: name.into(), packed: data.to_vec(), size: data.len() as u32, flags: 0, method: 0 }
        }

        pub fn deflated(name: impl Into<Vec<u8>>, data: &[u8]) -> TestEntry {
            let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
            TestEntry { name: name.into(), packed, size: data.len() as u32, flags: 0, method: 8 }
        }
    }

    /// A zip archive of the given entries, for tests.
    pub fn build(entries: &[TestEntry]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for e in entries {
            let offset = out.len() as u32;
            let header = |sig: u32, central: bool| {
                let mut h = sig.to_le_bytes().to_vec();
                if central {
                    h.extend(20u16.to_le_bytes());
                }
                h.extend(20u16.to_le_bytes());
                h.extend(e.flags.to_le_bytes());
                h.extend(e.method.to_le_bytes());
                h.extend([0u8; 8]); // time, date, crc
                h.extend((e.packed.len() as u32).to_le_bytes());
                h.extend(e.size.to_le_bytes());
                h.extend((e.name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes());
                if central {
                    h.extend([0u8; 10]); // comment length, disk, internal and external attributes
                    h.extend(offset.to_le_bytes());
                }
                h.extend(&e.name);
                h
            };
            out.extend(header(0x0403_4b50, false));
            out.extend(&e.packed);
            central.extend(header(0x0201_4b50, true));
        }
        let cd_offset = out.len() as u32;
        out.extend(&central);
        out.extend(0x0605_4b50u32.to_le_bytes());
        out.extend([0u8; 4]);
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(cd_offset.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    /// A stored (uncompressed) zip with the given entries, all with the same flags.
    pub fn stored(entries: &[(&str, &[u8])], flags: u16) -> Vec<u8> {
        build(&entries.iter().map(|(name, data)| TestEntry { flags, ..TestEntry::stored(*name, data) }).collect::<Vec<_>>())
    }

    #[test]
    fn reads_a_stored_entry_and_refuses_what_it_should() {
        let zip = stored(&[("word/document.xml", b"<w:document/>")], 0);
        assert_eq!(read(&zip, "word/document.xml").unwrap(), b"<w:document/>");
        assert_eq!(names(&zip).unwrap(), vec!["word/document.xml"]);
        assert_eq!(read(&zip, "other.xml"), Err(ZipError::Missing));
        let encrypted = stored(&[("word/document.xml", b"x")], 1);
        assert_eq!(read(&encrypted, "word/document.xml"), Err(ZipError::Encrypted));
        assert_eq!(read(b"PK\x03\x04 not really", "x"), Err(ZipError::Malformed));
        assert_eq!(read(&zip[..zip.len() - 30], "word/document.xml"), Err(ZipError::Malformed));
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        // 64 MB of zeros deflates to a few dozen KB.
        let zeros = vec![0u8; 64 * 1024 * 1024];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 6);
        assert!(packed.len() < 200_000);
        let mut zip = stored(&[("word/document.xml", &packed)], 0);
        // Mark it deflated, with a small declared size (bombs lie about their size).
        let cd = zip.windows(4).rposition(|w| w == 0x0201_4b50u32.to_le_bytes()).unwrap();
        zip[cd + 10] = 8;
        assert_eq!(read(&zip, "word/document.xml"), Err(ZipError::TooLarge));
    }

    #[test]
    fn the_kept_buffer_gives_only_the_entry_read() {
        let long = "年度报告".repeat(200);
        let zip = build(&[TestEntry::deflated("a.txt", long.as_bytes()), TestEntry::deflated("b.txt", b"short")]);
        assert_eq!(read_with(&zip, "a.txt", <[u8]>::to_vec).unwrap(), long.as_bytes());
        assert_eq!(read_with(&zip, "b.txt", <[u8]>::to_vec).unwrap(), b"short");
        // Read while the buffer is in use: into a buffer of its own.
        let nested = read_with(&zip, "a.txt", |a| (a.len(), read(&zip, "b.txt").unwrap()));
        assert_eq!(nested.unwrap(), (long.len(), b"short".to_vec()));
    }

    #[test]
    fn an_entry_unpacks_to_exactly_its_recorded_size() {
        let text = "年度报告".repeat(100);
        let zip = build(&[TestEntry::deflated("a.txt", text.as_bytes())]);
        let entry = &entries(&zip).unwrap()[0];
        assert_eq!(read_entry(&zip, entry).unwrap(), text.as_bytes());
        let lying = build(&[TestEntry { size: 10, ..TestEntry::deflated("a.txt", text.as_bytes()) }]);
        assert_eq!(read_entry(&lying, &entries(&lying).unwrap()[0]), Err(ZipError::TooLarge));
        let short = build(&[TestEntry { size: 2000, ..TestEntry::deflated("a.txt", text.as_bytes()) }]);
        assert_eq!(read_entry(&short, &entries(&short).unwrap()[0]), Err(ZipError::Malformed));
        let lzma = build(&[TestEntry { method: 14, ..TestEntry::stored("a.txt", b"x") }]);
        assert_eq!(read_entry(&lzma, &entries(&lzma).unwrap()[0]), Err(ZipError::Unsupported));
    }
}
