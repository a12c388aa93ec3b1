//! A tolerant tokenizer for XML and HTML (WordprocessingML, saved web pages, clipboard HTML):
//! the pieces of markup (tags with their attributes as written, text with entities still to
//! decode); comments, declarations and script/style content skipped. Never fails: malformed markup
//! is read as far as it makes sense. Pieces borrow from the markup: a reader decodes only the text
//! and looks up only the attributes it keeps.

use crate::words::{find_byte, find_eight, find_with, repeat, word_at, zero_bytes};
use std::borrow::Cow;

/// A tag's attributes as written (`colspan=2 class='a b'`), read when one is looked up: most
/// tags' attributes never are, so tokenizing copies and allocates nothing for them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Attrs<'a>(&'a str);

impl<'a> Attrs<'a> {
    /// The value of the first attribute named `key` (lower case; names match in any case), with
    /// entities decoded; `""` for an attribute without a value.
    pub fn get(&self, key: &str) -> Option<Cow<'a, str>> {
        self.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| decode_entities(v))
    }

    /// The values of the first attributes named each of `keys`, as [`Attrs::get`] finds them, in
    /// one pass over the attributes.
    pub fn get_each<const N: usize>(&self, keys: [&str; N]) -> [Option<Cow<'a, str>>; N] {
        let mut found: [Option<&'a str>; N] = [None; N];
        for (k, v) in self.iter() {
            for (key, value) in keys.iter().zip(&mut found) {
                if value.is_none() && k.eq_ignore_ascii_case(key) {
                    *value = Some(v);
                }
            }
            if found.iter().all(Option::is_some) {
                break;
            }
        }
        found.map(|v| v.map(decode_entities))
    }

    /// Whether the attributes as written hold `word` (ASCII, lower case) in any case: a quick test
    /// that an attribute whose name holds it is not there, without reading them one by one.
    pub fn hold(&self, word: &str) -> bool {
        let (b, word) = (self.0.as_bytes(), word.as_bytes());
        let Some((&last, before)) = word.split_last() else { return true };
        // Found by its last byte: a letter in either case (they differ in the bit 0x20 only).
        let fold = if last.is_ascii_lowercase() { 0x20 } else { 0 };
        let mut at = 0;
        while let Some(i) = find_with(&b[at..], |w| zero_bytes((w | repeat(fold)) ^ repeat(last)), |c| c | fold == last) {
            let end = at + i;
            if end >= before.len() && b[end - before.len()..end].eq_ignore_ascii_case(before) {
                return true;
            }
            at = end + 1;
        }
        false
    }

    /// Each attribute's name and raw value, in order.
    fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let mut s = self.0;
        std::iter::from_fn(move || {
            s = trim_start(s);
            let key_end = space_at(s, true);
            if key_end == 0 {
                return None;
            }
            let key = &s[..key_end];
            s = trim_start(&s[key_end..]);
            let value = if let Some(after) = s.strip_prefix('=') {
                let after = trim_start(after);
                let (value, rest) = match after.as_bytes().first() {
                    Some(&q @ (b'"' | b'\'')) => {
                        let body = &after[1..];
                        let end = find_byte(q, body.as_bytes()).unwrap_or(body.len());
                        (&body[..end], body.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = space_at(after, false);
                        (&after[..end], &after[end..])
                    }
                };
                s = rest;
                value
            } else {
                ""
            };
            Some((key, value))
        })
    }
}

/// The tokens of markup, one at a time, in order: nothing is collected, so a caller that skips
/// most of a document pays only for the scanning.
pub struct Tokens<'a> {
    /// The whole markup.
    markup: &'a str,
    /// The markup not read yet.
    rest: &'a str,
    case: Case,
}

impl<'a> Tokens<'a> {
    /// HTML's tokens, tag and attribute names matched in any case.
    pub fn html(s: &'a str) -> Self {
        Tokens { markup: s, rest: s, case: Case::Fold }
    }

    /// XML's tokens (WordprocessingML): names are case-sensitive (`w:gridSpan`).
    pub fn xml(s: &'a str) -> Self {
        Tokens { markup: s, rest: s, case: Case::Keep }
    }

    /// The next piece from byte `at` of the markup on, and the byte where the one after it starts:
    /// for a reader that reads the usual tags and text itself and leaves the rest to the tokenizer.
    pub fn piece_at(&mut self, at: usize) -> (Option<Piece<'a>>, usize) {
        self.rest = &self.markup[at..];
        let piece = self.next_piece();
        (piece, self.markup.len() - self.rest.len())
    }
}

#[derive(Clone, Copy)]
enum Case {
    Fold,
    Keep,
}

/// A tag as written: its name neither lower-cased nor copied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tag<'a> {
    pub name: &'a str,
    pub attrs: Attrs<'a>,
    /// An end tag (`</name>`).
    pub closing: bool,
    pub self_closing: bool,
}

/// One piece of markup as written: a reader looks at the tags it needs and decodes only the text it
/// keeps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece<'a> {
    Tag(Tag<'a>),
    /// Text with its entities still to decode.
    Text(&'a str),
    /// Text to take as it is (CDATA, a `<` that starts no tag).
    Literal(&'a str),
}

impl<'a> Tokens<'a> {
    /// The next piece of markup.
    pub fn next_piece(&mut self) -> Option<Piece<'a>> {
        loop {
            let rest = self.rest;
            let bytes = rest.as_bytes();
            match bytes.first() {
                None => return None,
                Some(b'<') => {}
                Some(_) => {
                    let lt = find_byte(b'<', bytes).unwrap_or(bytes.len());
                    self.rest = &rest[lt..];
                    return Some(Piece::Text(&rest[..lt]));
                }
            }
            if bytes.get(1) == Some(&b'!') {
                if let Some(after) = rest.strip_prefix("<!--") {
                    self.rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
                    let end = after.find("]]>").unwrap_or(after.len());
                    self.rest = after.get(end + 3..).unwrap_or("");
                    return Some(Piece::Literal(&after[..end]));
                } else {
                    self.rest = find_byte(b'>', bytes).map_or("", |end| &rest[end + 1..]);
                }
                continue;
            }
            if bytes.get(1) == Some(&b'?') {
                self.rest = find_byte(b'>', bytes).map_or("", |end| &rest[end + 1..]);
                continue;
            }
            let (tag, end) = match plain_tag(rest) {
                Some((tag, end)) => (Some(tag), end),
                None => match tag_end(bytes, 1) {
                    None => {
                        self.rest = &rest[1..];
                        return Some(Piece::Literal("<"));
                    }
                    // A tag that never ends (an unclosed quote): the rest is text, as at the end of
                    // the file a browser drops it. Trying again at each later `<` would be quadratic.
                    Some(None) => {
                        self.rest = "";
                        return Some(Piece::Text(rest));
                    }
                    Some(Some(end)) => (parse_tag(&rest[1..end]), end),
                },
            };
            self.rest = &rest[end + 1..];
            let Some(tag) = tag else { continue };
            if !tag.closing && !tag.self_closing && (self.is(tag.name, "script") || self.is(tag.name, "style")) {
                let close = format!("</{}", tag.name);
                let after = self.rest;
                let at = find_ci(after, &close).unwrap_or(after.len());
                let after = &after[at..];
                self.rest = find_byte(b'>', after.as_bytes()).map_or("", |e| &after[e + 1..]);
                continue;
            }
            return Some(Piece::Tag(tag));
        }
    }

    /// Whether a tag's name as written is `name` (lower case) in this markup's case.
    fn is(&self, written: &str, name: &str) -> bool {
        match self.case {
            Case::Fold => written.eq_ignore_ascii_case(name),
            Case::Keep => written == name,
        }
    }
}

/// The plain tag at the start of `s` (see [`Plain`]) as a [`Tag`], and where its `>` is.
fn plain_tag(s: &str) -> Option<(Tag<'_>, usize)> {
    let plain = Plain::at(s, 0)?;
    let tag =
        Tag { name: &s[plain.name_start..plain.name_end], attrs: plain.attrs(s), closing: plain.closing, self_closing: plain.self_closing };
    Some((tag, plain.end))
}

/// A tag with a plain ASCII name (`w:t`, `td`, `o:p`) ended by `>`, `/>` or white space and
/// attributes, found by byte offsets: the common case, read without [`parse_tag`]'s trimming and
/// searching. Anything else is left to the general path, which reads it the same way it always has.
pub(crate) struct Plain {
    pub closing: bool,
    pub name_start: usize,
    pub name_end: usize,
    pub self_closing: bool,
    /// Where the tag's `>` is.
    pub end: usize,
}

impl Plain {
    /// The plain tag whose `<` is at byte `at` of `s`, if it is one.
    #[inline]
    pub fn at(s: &str, at: usize) -> Option<Plain> {
        let b = s.as_bytes();
        let closing = b.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        Plain::named(s, closing, name_start, name_end_at(b, name_start + 1))
    }

    /// The plain tag, if it is one, whose name the caller found at `s[name_start..name_end]`: a
    /// letter and name bytes as far as they go.
    #[inline]
    pub fn named(s: &str, closing: bool, name_start: usize, name_end: usize) -> Option<Plain> {
        let b = s.as_bytes();
        let (self_closing, end) = match b.get(name_end)? {
            b'>' => (false, name_end),
            b'/' if b.get(name_end + 1) == Some(&b'>') => (true, name_end + 1),
            b' ' | b'\t' | b'\n' | b'\r' => return Plain::with_attributes(s, closing, name_start, name_end),
            _ => return None,
        };
        Some(Plain { closing, name_start, name_end, self_closing, end })
    }

    /// A plain tag whose name is followed by white space and attributes: its `>` is searched for
    /// eight bytes at a time, each quoted value at once.
    #[inline(never)]
    fn with_attributes(s: &str, closing: bool, name_start: usize, name_end: usize) -> Option<Plain> {
        let b = s.as_bytes();
        let end = delimited_end(b, name_end).flatten()?;
        // Whether the attributes end with `/` after any white space: told by the last byte unless
        // that is white space or not ASCII.
        let self_closing = match b[end - 1] {
            b'/' => true,
            b'\t'..=b'\r' | b' ' | 0x80.. => s[name_end..end].trim_end().ends_with('/'),
            _ => false,
        };
        Some(Plain { closing, name_start, name_end, self_closing, end })
    }

    /// The tag's attributes in `s`, the markup it was found in.
    pub fn attrs<'a>(&self, s: &'a str) -> Attrs<'a> {
        if self.end <= self.name_end + 1 {
            return Attrs("");
        }
        let attrs = &s[self.name_end..self.end];
        // Trimmed only when it ends in what trimming takes: white space (maybe beyond ASCII) or `/`.
        match attrs.as_bytes().last() {
            Some(b'\t'..=b'\r' | b' ' | b'/' | 0x80..) => Attrs(attrs.trim_end().trim_end_matches('/')),
            _ => Attrs(attrs),
        }
    }
}

/// Where the first `end_tag` (`</name>` of eight bytes, as `</w:rPr>`) in `bytes` ends: the
/// bytes are searched as they are, without reading comments or quoted values.
pub(crate) fn after_end_tag(bytes: &[u8], end_tag: &[u8; 8]) -> Option<usize> {
    find_eight(end_tag, bytes).map(|at| at + end_tag.len())
}

/// Whether a byte may be part of a plain name (of a tag or an attribute).
static NAME_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || matches!(b as u8, b':' | b'-' | b'_' | b'.');
        b += 1;
    }
    table
};

/// Whether a byte may be part of a plain name (of a tag or an attribute).
pub(crate) fn is_name_byte(b: u8) -> bool {
    NAME_BYTE[usize::from(b)]
}

/// Where the plain name at `b[at..]` ends: the first byte from `at` on that is not a name byte.
#[inline]
pub(crate) fn name_end_at(b: &[u8], mut at: usize) -> usize {
    while b.get(at).is_some_and(|&c| NAME_BYTE[usize::from(c)]) {
        at += 1;
    }
    at
}

/// The `>` that ends a tag starting at `s[0] == b'<'`, outside quoted attribute values: None when
/// `s` does not start a tag, `Some(None)` when the tag runs to the end of the text. The search
/// starts at `at`, after what is known to hold no delimiter. Bytes, not chars: the delimiters are
/// ASCII, and no byte of a multi-byte char is ASCII.
fn tag_end(s: &[u8], at: usize) -> Option<Option<usize>> {
    if !s.get(1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/') {
        return None;
    }
    delimited_end(s, at)
}

/// The `>` that ends a tag, searched from `s[at]` on outside quoted values, as [`tag_end`] tells it:
/// None when a `<` comes first, `Some(None)` when the tag runs to the end of the text.
pub(crate) fn delimited_end(s: &[u8], mut at: usize) -> Option<Option<usize>> {
    loop {
        let Some(i) = first_marked(s, at, delimiter_marks, find_delimiter) else {
            return Some(None);
        };
        match s[i] {
            b'>' => return Some(Some(i)),
            b'<' => return None,
            quote => match first_marked(s, i + 1, |w| first_zero_marks(w ^ repeat(quote)), |rest| find_byte(quote, rest)) {
                Some(close) => at = close + 1,
                None => return Some(None),
            },
        }
    }
}

/// The first byte from `s[at]` on that `marks` marks in a word (as [`first_zero_marks`] does) or
/// `find` finds: the next 32 bytes looked at here, since a tag's next delimiter is most often
/// among them, and only the rest searched by `find`.
#[inline]
fn first_marked(s: &[u8], mut at: usize, marks: impl Fn(u64) -> u64, find: impl Fn(&[u8]) -> Option<usize>) -> Option<usize> {
    for _ in 0..4 {
        let Some(word) = word_at(s, at) else {
            return find(&s[at..]).map(|i| at + i);
        };
        match marks(word) {
            0 => at += 8,
            found => return Some(at + found.trailing_zeros() as usize / 8),
        }
    }
    find(&s[at..]).map(|i| at + i)
}

/// The first byte that ends a tag or starts or ends a quoted value: `<`, `>`, `"` or `'`.
fn find_delimiter(bytes: &[u8]) -> Option<usize> {
    find_with(bytes, delimiter_marks, |b| matches!(b, b'<' | b'>' | b'"' | b'\''))
}

/// The delimiters of [`find_delimiter`] in a word, marked as [`first_zero_marks`] marks them.
#[inline]
fn delimiter_marks(word: u64) -> u64 {
    // `<` and `>` differ only in the bit 0x02: setting it in every byte finds both with one test.
    first_zero_marks((word | repeat(2)) ^ repeat(b'>')) | first_zero_marks(word ^ repeat(b'"')) | first_zero_marks(word ^ repeat(b'\''))
}

/// The zero bytes of `word` marked by their high bit, as [`zero_bytes`] marks them but in one
/// operation less and exactly only up to the first (a borrow may mark a byte after it): enough to
/// find the first, also of several words' marks joined, since each wrong mark comes after a
/// right one of its own word.
fn first_zero_marks(word: u64) -> u64 {
    word.wrapping_sub(repeat(1)) & !word & repeat(0x80)
}

/// `s` without the white space it starts with ([`str::trim_start`]), taken byte by byte while it is
/// ASCII.
fn trim_start(s: &str) -> &str {
    let start = s.bytes().position(|b| !matches!(b, b'\t'..=b'\r' | b' ')).unwrap_or(s.len());
    match s.as_bytes().get(start) {
        Some(0x80..) => s[start..].trim_start(),
        _ => &s[start..],
    }
}

/// Where the first white space is in `s` (or with `or_equals`, the first `=`, which ends an
/// attribute's name): found byte by byte while the text is ASCII.
fn space_at(s: &str, or_equals: bool) -> usize {
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'\t'..=b'\r' | b' ' => return i,
            b'=' if or_equals => return i,
            0x80.. => return i + s[i..].find(|c: char| (or_equals && c == '=') || c.is_whitespace()).unwrap_or(s.len() - i),
            _ => {}
        }
    }
    s.len()
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn parse_tag(inner: &str) -> Option<Tag<'_>> {
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let inner = inner.trim_end();
    let self_closing = inner.ends_with('/');
    let inner = inner.trim_end_matches('/');
    let name_end = space_at(inner, false);
    if name_end == 0 {
        return None;
    }
    Some(Tag { name: &inner[..name_end], attrs: Attrs(&inner[name_end..]), closing, self_closing })
}

/// `&amp;`, `&nbsp;`, `&#20013;`, `&#x4e2d;` and the few named entities Word and portals use.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if find_byte(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Only the next few bytes: searching the whole rest at every `&` would be quadratic.
        let end = rest.bytes().take(11).position(|b| b == b';');
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// ASCII lower case, copied only when there is an upper-case letter.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "times" => '×',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces of HTML, in order.
    fn pieces(s: &str) -> Vec<Piece<'_>> {
        let mut tokens = Tokens::html(s);
        std::iter::from_fn(|| tokens.next_piece()).collect()
    }

    fn tag<'a>(name: &'a str, attrs: &'a str, closing: bool, self_closing: bool) -> Piece<'a> {
        Piece::Tag(Tag { name, attrs: Attrs(attrs), closing, self_closing })
    }

    #[test]
    fn tags_text_entities_and_skipped_parts() {
        let html = "<!DOCTYPE html><!--[if gte mso 9]><xml>x</xml><![endif]--><TD colspan=2 class='a b'>1&nbsp;2 &amp; &#20013;</td><script>var a='<td>';</script><br/>";
        assert_eq!(
            pieces(html),
            vec![
                tag("TD", " colspan=2 class='a b'", false, false),
                Piece::Text("1&nbsp;2 &amp; &#20013;"),
                tag("td", "", true, false),
                tag("br", "", false, true),
            ]
        );
        assert_eq!(decode_entities("1&nbsp;2 &amp; &#20013;"), "1\u{a0}2 & 中");
    }

    #[test]
    fn malformed_markup_does_not_fail() {
        for s in ["<", "<a", "<a href=\"x", "a < b > c", "<!--", "<![CDATA[x", "&#xZZ; &", "<w:t>规章</w:t"] {
            let _ = pieces(s);
        }
        assert_eq!(pieces("a < b"), vec![Piece::Text("a "), Piece::Literal("<"), Piece::Text(" b")]);
        // A tag that never ends is text to the end, even where a later `<` looks like a tag.
        assert_eq!(pieces("<p>x<a title=\"y <b>z"), vec![tag("p", "", false, false), Piece::Text("x"), Piece::Text("<a title=\"y <b>z")]);
        assert_eq!(pieces("<a b='<c>"), vec![Piece::Text("<a b='<c>")]);
        assert_eq!(decode_entities("&amp &&amp;&#x4e2d;&nbsp"), "&amp &&中&nbsp");
    }

    #[test]
    fn attribute_values_quoted_unquoted_and_empty() {
        let attrs = Attrs(" a=1\u{3000}B = 'x y' c");
        assert_eq!(attrs.get("a"), Some("1".into()));
        assert_eq!(attrs.get("b"), Some("x y".into()));
        assert_eq!(attrs.get("c"), Some("".into()));
        assert_eq!(attrs.get("d"), None);
        assert_eq!(attrs.get_each(["c", "d", "b"]), [Some("".into()), None, Some("x y".into())]);
        let attrs = Attrs(" ROWSPAN=2 style='padding:0cm 5.4pt;border:none'");
        assert_eq!(
            ["span", "rowspan", "colspan", "none", "border:", "ne'", "x", "padding:0cm 5.4pt;border:none'x", ""].map(|w| attrs.hold(w)),
            [true, true, false, true, true, true, false, false, true]
        );
    }

    #[test]
    fn word_tags_with_values_with_and_without_quotes() {
        let html = "<p class=MsoNormal style='text-indent:32.0pt'><span lang=EN-US/><td width=96 x=a\"b>\">";
        let mut tokens = Tokens::html(html);
        let mut tags = std::iter::from_fn(|| tokens.next_piece()).map(|piece| match piece {
            Piece::Tag(tag) => (tag.name, tag.attrs, tag.self_closing),
            _ => unreachable!(),
        });
        assert_eq!(tags.next(), Some(("p", Attrs(" class=MsoNormal style='text-indent:32.0pt'"), false)));
        assert_eq!(tags.next(), Some(("span", Attrs(" lang=EN-US"), true)));
        assert_eq!(tags.next(), Some(("td", Attrs(" width=96 x=a\"b>\""), false)));
        assert_eq!(tags.next(), None);
        assert_eq!(Plain::at("<b a=1 >", 0).map(|p| p.end), Some(7));
    }

    #[test]
    fn tag_ends_outside_short_and_long_values() {
        let long = "x".repeat(40);
        let cases = [
            ("<w:p w:rsidR=\"00A1B2C3\" w14:paraId='1>2'>".to_string(), Some(Some(40))),
            (format!("<w:p a=\"{long}\" b='{long}\"'>x"), Some(Some(95))),
            (format!("<w:p a=\"{long}>\" b=1<x>"), None),
            (format!("<w:p {long} a='{long}"), Some(None)),
            ("<a b=\"c\">".to_string(), Some(Some(8))),
        ];
        for (tag, end) in cases {
            assert_eq!(delimited_end(tag.as_bytes(), 1), end, "{tag}");
        }
    }

    #[test]
    fn first_zero_bytes_found_exactly() {
        // A zero before a 0x01: the borrow marks the 0x01 too, after the first.
        let word = u64::from_le_bytes([1, 0, 1, 0x80, 0, 0xff, 0x7f, 0]);
        assert_eq!(first_zero_marks(word), u64::from_le_bytes([0, 0x80, 0x80, 0, 0x80, 0, 0, 0x80]));
        assert_eq!(find_delimiter(b"abcdef=#\"?='<>"), Some(8));
        assert_eq!(find_delimiter(b"abcdefgh=?=>"), Some(11));
        assert_eq!(find_delimiter(b"abc"), None);
    }
}
