//! Bytes to text: UTF-8 (with or without BOM), UTF-16 and GB18030/GBK detected without asking,
//! newlines normalized, and a clear Chinese refusal for what is not a text report.

use crate::words::{is_printable_ascii, word_at};
use std::fmt;

/// Inputs larger than this are refused rather than parsed (a report is a few dozen KB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The text of an input and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why an input could not be read as a report. `Display` is the message shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    Binary,
    /// A .docx that is damaged or incomplete.
    Docx,
    /// A .docx protected by a password.
    Encrypted,
    /// A zip whose content unpacks to more than the cap (a zip bomb).
    ZipBomb,
    Zip,
    /// A .doc/.wps while this build has no .doc reader (the `doc` feature is off).
    OldWord,
    /// A .doc/.wps protected by a password.
    DocEncrypted,
    /// A .doc/.wps that is damaged or incomplete.
    DocDamaged,
    /// A Word 6.0/95 (or older) document.
    DocTooOld,
    /// A compound file (the container of .doc) with no Word document in it.
    NotWord,
    /// A PDF, in a build without the PDF reader (the `pdf` feature).
    Pdf,
    /// A PDF without a text layer (a scan).
    PdfScanned,
    /// A PDF protected by a password or by permissions.
    PdfEncrypted,
    /// A damaged or incomplete PDF.
    PdfDamaged,
    /// A PDF whose fonts do not say which characters they draw.
    PdfUnmapped,
    Image,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "内容为空：请粘贴或选择一份政府信息公开工作年度报告。"),
            ReadError::TooLarge { bytes } => write!(
                f,
                "文件太大（{} MB），超过 {} MB 的上限；年度报告通常不超过 1 MB，请确认选择的文件是否正确。",
                crate::decimal::megabytes(*bytes as u64),
                MAX_INPUT_BYTES / 1048576
            ),
            ReadError::Binary => write!(
                f,
                "无法识别为文本：内容像是二进制文件，不是年度报告的文字。请选择 .txt 文件，或在 Word 中复制报告全文后粘贴。"
            ),
            ReadError::Docx => write!(
                f,
                "这份 Word 文档（.docx）已损坏或不完整，无法读取。请在 Word 中打开后重新“另存为 .docx”，或全选复制正文后粘贴。"
            ),
            ReadError::Encrypted => write!(f, "这份 Word 文档设置了密码保护，无法读取。请在 Word 中取消密码后另存，或复制全文后粘贴。"),
            ReadError::ZipBomb => write!(
                f,
                "文件解压后超过 {} MB 的上限，不像是年度报告，已停止读取。",
                crate::input::zip::MAX_ENTRY_BYTES / 1048576
            ),
            ReadError::Zip => write!(f, "这是压缩格式的文件（zip），但不是能读取的 Word 文档（.docx）。若是 .docx，文件可能已损坏，请用 Word 或 WPS 打开后另存再试；若是多份报告的压缩包，请在完整页面或命令行中批量检查，或解压后逐个检查。"),
            ReadError::OldWord => write!(
                f,
                "这是旧版 Word/WPS 文件（.doc/.wps）或加密的 Word 文档，这里无法直接读取。请另存为 .docx（如有密码请先取消），或复制全文后粘贴。"
            ),
            ReadError::DocEncrypted => write!(
                f,
                "这份旧版 Word/WPS 文档（.doc/.wps）设置了密码保护，无法读取。请在 Word 或 WPS 中取消密码后另存，或复制全文后粘贴。"
            ),
            ReadError::DocDamaged => write!(
                f,
                "这份旧版 Word/WPS 文档（.doc/.wps）已损坏或不完整，无法读取。请在 Word 或 WPS 中打开后另存为 .docx，或全选复制正文后粘贴。"
            ),
            ReadError::DocTooOld => write!(
                f,
                "这是 Word 95 或更早版本的文档，无法读取。请在 Word 或 WPS 中打开后另存为 .docx，或全选复制正文后粘贴。"
            ),
            ReadError::NotWord => write!(
                f,
                "这是 Office 文件，但不是 Word 文档（可能是 Excel、PowerPoint 或 Microsoft Works 文件），无法读取。请选择报告的 Word 文件，或复制全文后粘贴。"
            ),
            ReadError::Pdf => write!(
                f,
                "这是 PDF 文件，暂不能直接读取。请在 PDF 阅读器中全选复制文字后粘贴，或使用报告的 Word 原稿。"
            ),
            ReadError::PdfScanned => write!(
                f,
                "这份 PDF 没有文字层（扫描件），其中的文字是图片，无法读取。请使用报告的 Word 原稿或网页文字；如只有扫描件，请先用 OCR 软件识别成文字并核对后粘贴。"
            ),
            ReadError::PdfEncrypted => write!(
                f,
                "这份 PDF 已加密（设置了打开密码或权限密码），无法读取。请在 PDF 阅读器中取消密码后另存，或使用报告的 Word 原稿。"
            ),
            ReadError::PdfDamaged => write!(
                f,
                "这份 PDF 已损坏或不完整，无法读取。请重新下载或重新导出 PDF，或使用报告的 Word 原稿。"
            ),
            ReadError::PdfUnmapped => write!(
                f,
                "这份 PDF 的字体没有记录文字编码，无法准确读出其中的文字。请使用报告的 Word 原稿或网页文字。"
            ),
            ReadError::Image => write!(
                f,
                "这是图片文件，无法读取其中的文字。请使用报告的 Word 原稿或网页文字。"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Decodes the bytes of a report file. GBK/GB18030 is decoded with encoding_rs when the crate's
/// `gb18030` feature is on (the default); the browser app turns it off and passes the browser's
/// own decoder to [`decode_with_legacy`] instead, which keeps the decoding tables out of the page.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    decode_with_legacy(bytes, &gb18030)
}

/// The crate's own GB18030/GBK decoder: encoding_rs with the `gb18030` feature, none without.
#[cfg(feature = "gb18030")]
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes).map(|s| s.into_owned())
}

#[cfg(not(feature = "gb18030"))]
pub fn gb18030(_: &[u8]) -> Option<String> {
    None
}

/// Decodes with `legacy` as the decoder for text that is not Unicode (GB18030/GBK): it returns
/// the text, or None when the bytes are not valid in that encoding either.
pub fn decode_with_legacy(bytes: &[u8], legacy: &dyn Fn(&[u8]) -> Option<String>) -> Result<Decoded, ReadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    if let Some(err) = known_binary(bytes) {
        return Err(err);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        (String::from_utf8_lossy(rest).into_owned(), "UTF-8")
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (utf16(rest, u16::from_le_bytes), "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (utf16(rest, u16::from_be_bytes), "UTF-16BE")
    } else if let Some(le) = utf16_without_bom(bytes) {
        if le {
            (utf16(bytes, u16::from_le_bytes), "UTF-16LE")
        } else {
            (utf16(bytes, u16::from_be_bytes), "UTF-16BE")
        }
    } else if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        (s.to_owned(), "UTF-8")
    } else if let Some(s) = legacy(bytes) {
        (s, "GB18030")
    } else {
        return Err(ReadError::Binary);
    };
    let scan = scan(&text);
    if scan.binary {
        return Err(ReadError::Binary);
    }
    let text = if scan.breaks { normalize_newlines(&text) } else { text };
    if text.chars().all(crate::text::is_space) {
        return Err(ReadError::Empty);
    }
    Ok(Decoded { text, encoding })
}

/// UTF-16 code units from byte pairs; a lone surrogate or a last odd byte becomes U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])).collect();
    let mut text = String::from_utf16_lossy(&units);
    if !bytes.len().is_multiple_of(2) {
        text.push('\u{fffd}');
    }
    text
}

/// Files that are certainly not text, recognized by their first bytes.
fn known_binary(bytes: &[u8]) -> Option<ReadError> {
    const SIGNATURES: &[(&[u8], ReadError)] = &[
        (b"%PDF", ReadError::Pdf),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ReadError::OldWord), // .doc is read before decoding when it can be
        (b"\x89PNG", ReadError::Image),
        (b"\xff\xd8\xff", ReadError::Image),
        (b"GIF8", ReadError::Image),
        (b"BM", ReadError::Image),
    ];
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(ReadError::Zip); // .docx is read before decoding (crate::read_input)
    }
    SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)).map(|(_, err)| err.clone())
}

/// UTF-16 without a BOM: most of the high bytes of ASCII-range characters are zero.
/// Returns Some(true) for little-endian, Some(false) for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    if !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample.chunks(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_even = sample.chunks(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_odd * 4 > pairs {
        Some(true)
    } else if zero_even * 4 > pairs {
        Some(false)
    } else {
        None
    }
}

/// What one pass over decoded text finds before it is accepted.
struct Scan {
    /// NULs, or more than one character in 20 a control character or U+FFFD, among the first
    /// 65,536 characters: not a report.
    binary: bool,
    /// `normalize_newlines` would change the text (most UTF-8 files: no, and no copy is made).
    breaks: bool,
}

/// One pass over the bytes of the text; only the bytes in [`ATTENTION`] are looked at closer.
fn scan(text: &str) -> Scan {
    const CHARS: usize = 65536;
    // Where the first CHARS characters end, found only when a NUL or control character asks.
    let counted = std::cell::OnceCell::new();
    let counted = || *counted.get_or_init(|| char_start(text, CHARS));
    let bytes = text.as_bytes();
    let (mut control, mut breaks) = (0usize, false);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !ATTENTION[b as usize] {
            i += 1;
            // After printable ASCII, eight more of it (most of a web page's markup) need no look.
            if b < 0x80 && word_at(bytes, i).is_some_and(is_printable_ascii) {
                i += 8;
            }
            continue;
        }
        let next = |k: usize| bytes.get(i + k).copied();
        let (is_control, is_break) = match b {
            0 if i < counted() => return Scan { binary: true, breaks },
            b'\n' | b'\t' => (false, false),
            b'\r' | b'\x0b' | b'\x0c' => (false, true),
            0x01..=0x1f | 0x7f => (true, false),
            0xc2 => (matches!(next(1), Some(0x80..=0x9f)), next(1) == Some(0x85)), // U+0080–U+009F, U+0085
            0xe2 => (false, next(1) == Some(0x80) && matches!(next(2), Some(0xa8 | 0xa9))), // U+2028, U+2029
            0xef => (next(1) == Some(0xbf) && next(2) == Some(0xbd), next(1) == Some(0xbb) && next(2) == Some(0xbf)), // U+FFFD, U+FEFF
            _ => (false, false),
        };
        control += usize::from(is_control && i < counted());
        breaks |= is_break;
        i += 1;
    }
    Scan { binary: control > 0 && control * 20 > text[..counted()].chars().count(), breaks }
}

/// The byte offset where character `n` of `text` starts (its length when it has no more):
/// characters counted as the bytes that start one, a stretch at a time.
fn char_start(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut at, mut left) = (0, n);
    // The next `left` bytes hold at most `left` starts of characters.
    while left > 0 && at < bytes.len() {
        let end = bytes.len().min(at + left);
        left -= bytes[at..end].iter().filter(|&&b| (b as i8) >= -0x40).count();
        at = end;
    }
    at + bytes[at..].iter().take_while(|&&b| (b as i8) < -0x40).count()
}

/// The bytes that can start a control character, a line break or U+FFFD/U+FEFF in UTF-8.
const ATTENTION: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[0xef] = true;
    table
};

/// CRLF, CR, form feed and Unicode line separators become LF; stray BOMs are dropped.
fn normalize_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\x0c' | '\x0b' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\u{feff}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "毛坝镇2020年政府信息公开工作年度报告\r\n一、总体情况\r";

    /// What [`scan`] finds, character by character: (binary, breaks); breaks only for text that is
    /// not binary (a NUL ends the scan).
    fn scanned_slowly(text: &str) -> (bool, Option<bool>) {
        let counted: Vec<char> = text.chars().take(65536).collect();
        let is_control = |c: char| matches!(c, '\x01'..='\x08' | '\x0e'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}' | '\u{fffd}');
        let control = counted.iter().filter(|&&c| is_control(c)).count();
        let binary = counted.contains(&'\0') || (control > 0 && control * 20 > counted.len());
        let breaks = text.contains(['\r', '\x0b', '\x0c', '\u{85}', '\u{2028}', '\u{2029}', '\u{feff}']);
        (binary, (!binary).then_some(breaks))
    }

    #[test]
    fn scan_passes_no_character_it_must_see() {
        // Each character the scan looks at, after printable ASCII runs of every length (the runs
        // it passes eight bytes at a time) and in Chinese text. Two control characters in fewer
        // than 40 make the text binary and one does not, so a control character passed over shows.
        for special in ["\0", "\x01", "\x7f", "\r", "\x0b", "\x0c", "\u{85}", "\u{9f}", "\u{2028}", "\u{2029}", "\u{feff}", "\u{fffd}"] {
            for before in ["<p class=MsoNormal style='margin:0'>", "一、总体情况", "abc\n\tdef"] {
                for cut in 0..=before.len() {
                    let Some(head) = before.get(..cut) else { continue };
                    for after in ["", "x", "<span lang=EN-US>", "年度报告\n"] {
                        let text = format!("{head}{special}{head}{special}{after}");
                        let found = scan(&text);
                        let (binary, breaks) = scanned_slowly(&text);
                        assert_eq!((found.binary, (!found.binary).then_some(found.breaks)), (binary, breaks), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!(plain.text, "毛坝镇2020年政府信息公开工作年度报告\n一、总体情况\n");
        assert_eq!(plain.encoding, "UTF-8");
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, plain.text);
    }

    #[cfg(feature = "gb18030")]
    #[test]
    fn utf16_and_gbk() {
        let (gbk, _, _) = encoding_rs::GBK.encode(SAMPLE);
        let d = decode(&gbk).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.starts_with("毛坝镇2020年"));

        let mut le = vec![0xff, 0xfe];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        let mut be = vec![0xfe, 0xff];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert!(decode(&be).unwrap().text.starts_with("毛坝镇"));
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b"").unwrap_err(), ReadError::Empty);
        assert_eq!(decode(" \r\n\t".as_bytes()).unwrap_err(), ReadError::Empty);
        assert_eq!(decode(b"%PDF-1.7\n...").unwrap_err(), ReadError::Pdf);
        assert_eq!(decode(b"PK\x03\x04....word/document.xml").unwrap_err(), ReadError::Zip);
        assert_eq!(decode(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest").unwrap_err(), ReadError::OldWord);
        assert_eq!(decode(&[0u8, 1, 2, 3, 200, 201, 255, 254, 7]).unwrap_err(), ReadError::Binary);
        assert!(ReadError::Binary.to_string().contains("二进制"));
    }

    #[test]
    fn where_a_character_starts() {
        let text = "ab中文c";
        for n in 0..7 {
            assert_eq!(char_start(text, n), text.char_indices().nth(n).map_or(text.len(), |(at, _)| at));
        }
    }
}
