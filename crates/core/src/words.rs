//! Bytes eight at a time: which bytes of a 64-bit word are zero, and the first byte of a kind
//! found that way (tag ends in markup, line breaks in the text), or the first place of a few bytes.

/// `byte` in each of a word's eight bytes.
pub const fn repeat(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// Each byte of `word` that is zero marked by its high bit, exactly: no carry crosses a byte.
pub fn zero_bytes(word: u64) -> u64 {
    const LOW: u64 = repeat(0x7f);
    !(((word & LOW) + LOW) | word | LOW)
}

/// Whether all eight bytes of `word` are printable ASCII (0x20–0x7e): none a control character,
/// DEL or part of a multi-byte character. No carry crosses a byte once the high bits are clear.
pub fn is_printable_ascii(word: u64) -> bool {
    const HIGH: u64 = repeat(0x80);
    // A byte below 0x80 plus 1 reaches 0x80 only from DEL; plus 0x60, only from 0x20 and up.
    (word | word.wrapping_add(repeat(1))) & HIGH == 0 && word.wrapping_add(repeat(0x60)) & HIGH == HIGH
}

/// The eight bytes of `bytes` from `at` on as a little-endian word (so that a mark's trailing
/// zeros count the bytes before it), when there are eight.
#[inline]
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes.get(at..at + 8).map(|eight| u64::from_le_bytes(eight.try_into().unwrap_or_default()))
}

/// The words of `bytes` (little-endian, so a mark's trailing zeros count the bytes before it) and
/// the last bytes that fill no word.
pub fn words(bytes: &[u8]) -> (impl Iterator<Item = u64> + '_, &[u8]) {
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    (chunks.map(|chunk| u64::from_le_bytes(chunk.try_into().unwrap_or_default())), tail)
}

/// The first of `bytes` that `marks` (a word's zero-byte marks) finds, eight bytes at a time; `is`
/// tells the same of a byte in the tail.
pub fn find_with(bytes: &[u8], marks: impl Fn(u64) -> u64, is: impl Fn(u8) -> bool) -> Option<usize> {
    let (words, tail) = words(bytes);
    for (n, word) in words.enumerate() {
        let found = marks(word);
        if found != 0 {
            return Some(n * 8 + found.trailing_zeros() as usize / 8);
        }
    }
    tail.iter().position(|&b| is(b)).map(|i| bytes.len() - tail.len() + i)
}

/// The first `byte` in `bytes`.
pub fn find_byte(byte: u8, bytes: &[u8]) -> Option<usize> {
    find_with(bytes, |w| zero_bytes(w ^ repeat(byte)), |b| b == byte)
}

/// Where the eight bytes `needle` first are in `bytes`: found by the first of them, eight places
/// at a time, and told there by all of them as a word.
pub fn find_eight(needle: &[u8; 8], bytes: &[u8]) -> Option<usize> {
    let (first, whole) = (repeat(needle[0]), u64::from_le_bytes(*needle));
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        let mut marks = zero_bytes(word ^ first);
        while marks != 0 {
            let i = at + marks.trailing_zeros() as usize / 8;
            if word_at(bytes, i) == Some(whole) {
                return Some(i);
            }
            marks &= marks - 1;
        }
        at += 8;
    }
    // Fewer than eight bytes are left from `at` on: the needle cannot start among them.
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bytes_are_marked_exactly() {
        // A zero before a 0x01: the borrow of the usual test would mark the 0x01 too.
        let word = u64::from_le_bytes([1, 0, 1, 0x80, 0, 0xff, 0x7f, 0]);
        assert_eq!(zero_bytes(word), u64::from_le_bytes([0, 0x80, 0, 0, 0x80, 0, 0, 0x80]));
    }

    #[test]
    fn printable_ascii_words_exactly() {
        let printable = |b: u8| (0x20..=0x7e).contains(&b);
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"<p a=1>x";
                bytes[at] = b;
                assert_eq!(is_printable_ascii(u64::from_le_bytes(bytes)), printable(b), "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn eight_bytes_as_a_word_where_there_are_eight() {
        let bytes = b"0123456789";
        assert_eq!(word_at(bytes, 2), Some(u64::from_le_bytes(*b"23456789")));
        assert_eq!((word_at(bytes, 3), word_at(bytes, 10)), (None, None));
    }

    #[test]
    fn first_place_of_eight_bytes_in_words_and_tail() {
        let bytes = b"<w:rPr><w:b/></w:rP></w:rPr></w:rPr>x</w:pPr>";
        assert_eq!(
            [b"</w:rPr>", b"</w:pPr>", b"</w:tcP>", b"<w:rPr><"].map(|needle| find_eight(needle, bytes)),
            [Some(20), Some(37), None, Some(0)]
        );
        assert_eq!((find_eight(b"</w:pPr>", &bytes[37..]), find_eight(b"</w:pPr>", &bytes[38..])), (Some(0), None));
    }

    #[test]
    fn first_byte_in_words_and_tail() {
        let bytes = b"0123456789abcdef<xyz";
        for (byte, at) in [(b'<', Some(16)), (b'1', Some(1)), (b'9', Some(9)), (b'z', Some(19)), (b'>', None)] {
            assert_eq!(find_byte(byte, bytes), at, "{}", byte as char);
        }
    }
}
