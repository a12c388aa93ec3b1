//! A minimal reader for the zip container of .docx files: finds one entry by name and inflates it,
//! refusing encrypted, oversized (zip bombs) and malformed archives instead of trying.

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

/// The unpacked content of the entry called `name`.
pub fn read(bytes: &[u8], name: &str) -> Result<Vec<u8>, ZipError> {
    let entry = central_directory(bytes)?.into_iter().find(|e| e.name == name).ok_or(ZipError::Missing)?;
    if entry.flags & 1 != 0 {
        return Err(ZipError::Encrypted);
    }
    if entry.size > MAX_ENTRY_BYTES {
        return Err(ZipError::TooLarge);
    }
    let local = entry.offset;
    if u32_at(bytes, local) != Some(0x0403_4b50) {
        return Err(ZipError::Malformed);
    }
    let start =
        local + 30 + u16_at(bytes, local + 26).ok_or(ZipError::Malformed)? + u16_at(bytes, local + 28).ok_or(ZipError::Malformed)?;
    let data = bytes.get(start..start.checked_add(entry.compressed).ok_or(ZipError::Malformed)?).ok_or(ZipError::Malformed)?;
    match entry.method {
        0 => Ok(data.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_ENTRY_BYTES).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge,
            _ => ZipError::Malformed,
        }),
        _ => Err(ZipError::Unsupported),
    }
}

struct Entry {
    name: String,
    flags: usize,
    method: usize,
    compressed: usize,
    size: usize,
    offset: usize,
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

    /// A stored (uncompressed) zip with the given entries, for tests.
    pub fn stored(entries: &[(&str, &[u8])], flags: u16) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let header = |sig: u32, central: bool| {
                let mut h = sig.to_le_bytes().to_vec();
                if central {
                    h.extend(20u16.to_le_bytes());
                }
                h.extend(20u16.to_le_bytes());
                h.extend(flags.to_le_bytes());
                h.extend(0u16.to_le_bytes()); // stored
                h.extend([0u8; 8]); // time, date, crc
                h.extend((data.len() as u32).to_le_bytes());
                h.extend((data.len() as u32).to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes());
                if central {
                    h.extend([0u8; 10]); // comment length, disk, internal and external attributes
                    h.extend(offset.to_le_bytes());
                }
                h.extend(name.as_bytes());
                h
            };
            out.extend(header(0x0403_4b50, false));
            out.extend(*data);
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
}
