//! Stream filters: Flate (with PNG/TIFF predictors), ASCIIHex, ASCII85 and LZW; image codecs are
//! never decoded (their streams are images, not text).

use super::syntax::{Dict, Object};

/// No stream unpacks to more than this (a report's largest content stream is a few hundred KB).
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// Why a stream could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum FilterError {
    /// An image codec (DCT, JPX, CCITT, JBIG2) or an unknown filter.
    Unsupported,
    Corrupt,
    /// The file's streams have unpacked to more than a file may (`file::MAX_UNPACKED_BYTES`).
    TooLarge,
}

/// The decoded bytes of a stream with dictionary `dict`. `resolve` reads indirect filter parameters.
pub fn decode(dict: &Dict, raw: &[u8], resolve: &dyn Fn(&Object) -> Object) -> Result<Vec<u8>, FilterError> {
    let filters = match dict.get(b"Filter").map(resolve) {
        None | Some(Object::Null) => return Ok(raw.to_vec()),
        Some(Object::Name(n)) => vec![n],
        Some(Object::Array(a)) => a.iter().filter_map(|o| resolve(o).as_name().map(<[u8]>::to_vec)).collect(),
        Some(_) => return Err(FilterError::Corrupt),
    };
    let parms: Vec<Option<Dict>> = match dict.get(b"DecodeParms").or_else(|| dict.get(b"DP")).map(resolve) {
        Some(Object::Dict(d)) => vec![Some(d)],
        Some(Object::Array(a)) => a.iter().map(|o| resolve(o).as_dict().cloned()).collect(),
        _ => Vec::new(),
    };
    let mut data = raw.to_vec();
    for (i, filter) in filters.iter().enumerate() {
        let parms = parms.get(i).cloned().flatten();
        data = match filter.as_slice() {
            b"FlateDecode" | b"Fl" => predict(inflate(&data)?, parms.as_ref())?,
            b"LZWDecode" | b"LZW" => predict(lzw(&data, parms.as_ref())?, parms.as_ref())?,
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
            b"ASCII85Decode" | b"A85" => ascii85(&data)?,
            _ => return Err(FilterError::Unsupported),
        };
    }
    Ok(data)
}

/// zlib data; a stream cut short or with a bad checksum still gives what it holds (as readers do).
fn inflate(data: &[u8]) -> Result<Vec<u8>, FilterError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, decompress_to_vec_zlib_with_limit, TINFLStatus};
    match decompress_to_vec_zlib_with_limit(data, MAX_STREAM_BYTES) {
        Ok(out) => Ok(out),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => Err(FilterError::Corrupt),
        Err(e) if !e.output.is_empty() => Ok(e.output),
        // Some producers write raw deflate without the zlib header.
        Err(_) => decompress_to_vec_with_limit(data, MAX_STREAM_BYTES).map_err(|_| FilterError::Corrupt),
    }
}

fn parm(parms: Option<&Dict>, key: &[u8], default: i64) -> i64 {
    parms.and_then(|p| p.get(key)).and_then(Object::as_int).unwrap_or(default)
}

/// Undoes a PNG (10–15) or TIFF (2) predictor.
fn predict(data: Vec<u8>, parms: Option<&Dict>) -> Result<Vec<u8>, FilterError> {
    let predictor = parm(parms, b"Predictor", 1);
    if predictor <= 1 {
        return Ok(data);
    }
    let colors = parm(parms, b"Colors", 1).clamp(1, 32) as usize;
    let bits = parm(parms, b"BitsPerComponent", 8).clamp(1, 16) as usize;
    let columns = parm(parms, b"Columns", 1).clamp(1, 1 << 20) as usize;
    let bpp = (colors * bits).div_ceil(8);
    let row_len = (columns * colors * bits).div_ceil(8);
    if predictor == 2 {
        if bits != 8 {
            return Err(FilterError::Unsupported);
        }
        let mut out = data;
        for row in out.chunks_mut(row_len) {
            for i in bpp..row.len() {
                row[i] = row[i].wrapping_add(row[i - bpp]);
            }
        }
        return Ok(out);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row_len];
    for chunk in data.chunks(row_len + 1) {
        let (kind, row) = (chunk[0], &chunk[1..]);
        let mut cur = row.to_vec();
        cur.resize(row_len, 0);
        for i in 0..row_len {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let upleft = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = cur[i].wrapping_add(match kind {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, upleft),
                _ => return Err(FilterError::Corrupt),
            });
        }
        out.extend_from_slice(&cur[..row.len().min(row_len)]);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data.iter().take_while(|&&b| b != b'>').filter_map(|&b| (b as char).to_digit(16)).map(|d| d as u8).collect();
    digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect()
}

fn ascii85(data: &[u8]) -> Result<Vec<u8>, FilterError> {
    let mut out = Vec::new();
    let mut group = [0u8; 5];
    let mut n = 0;
    let body = data.strip_prefix(b"<~").unwrap_or(data);
    for &b in body {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
                    out.extend_from_slice(&u32::try_from(v).map_err(|_| FilterError::Corrupt)?.to_be_bytes());
                    n = 0;
                }
            }
            b if super::syntax::is_space(b) => {}
            _ => return Err(FilterError::Corrupt),
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
        out.extend_from_slice(&u32::try_from(v).map_err(|_| FilterError::Corrupt)?.to_be_bytes()[..n - 1]);
    }
    Ok(out)
}

fn lzw(data: &[u8], parms: Option<&Dict>) -> Result<Vec<u8>, FilterError> {
    let early = parm(parms, b"EarlyChange", 1);
    let mut table: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    table.push(Vec::new());
    table.push(Vec::new());
    let (mut out, mut prev): (Vec<u8>, Option<usize>) = (Vec::new(), None);
    let (mut acc, mut nbits, mut width) = (0u32, 0u32, 9u32);
    for &byte in data {
        acc = acc << 8 | u32::from(byte);
        nbits += 8;
        while nbits >= width {
            let code = ((acc >> (nbits - width)) & ((1 << width) - 1)) as usize;
            nbits -= width;
            match code {
                256 => {
                    table.truncate(258);
                    width = 9;
                    prev = None;
                }
                257 => return Ok(out),
                _ => {
                    let entry = match (table.get(code), prev) {
                        (Some(e), _) => e.clone(),
                        (None, Some(p)) if code == table.len() => {
                            let mut e = table[p].clone();
                            e.push(table[p][0]);
                            e
                        }
                        _ => return Err(FilterError::Corrupt),
                    };
                    if let Some(p) = prev {
                        let mut e = table[p].clone();
                        e.push(entry[0]);
                        table.push(e);
                    }
                    out.extend_from_slice(&entry);
                    if out.len() > MAX_STREAM_BYTES {
                        return Err(FilterError::Corrupt);
                    }
                    prev = Some(code);
                    let next = table.len() as u32 + early as u32;
                    width = if next >= 2048 {
                        12
                    } else if next >= 1024 {
                        11
                    } else if next >= 512 {
                        10
                    } else {
                        9
                    };
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flate_with_png_predictor() {
        // Two rows of 3 columns, "up" predictor: second row adds to the first.
        let rows = [2u8, 1, 2, 3, 2, 1, 1, 1];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&rows, 6);
        let dict = Dict(vec![
            (b"Filter".to_vec(), Object::Name(b"FlateDecode".to_vec())),
            (
                b"DecodeParms".to_vec(),
                Object::Dict(Dict(vec![(b"Predictor".to_vec(), Object::Int(12)), (b"Columns".to_vec(), Object::Int(3))])),
            ),
        ]);
        assert_eq!(decode(&dict, &packed, &|o| o.clone()).unwrap(), [1, 2, 3, 2, 3, 4]);
    }

    #[test]
    fn ascii_filters() {
        assert_eq!(ascii_hex(b"48 65 6C6C6f>"), b"Hello");
        assert_eq!(ascii85(b"<~87cURDZ~>").unwrap(), b"Hello");
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>").unwrap(), b"Hello World!");
    }

    #[test]
    fn image_codecs_are_not_decoded() {
        let dict = Dict(vec![(b"Filter".to_vec(), Object::Name(b"DCTDecode".to_vec()))]);
        assert_eq!(decode(&dict, b"...", &|o| o.clone()), Err(FilterError::Unsupported));
    }
}
