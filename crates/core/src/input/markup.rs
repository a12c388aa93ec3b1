//! A tolerant tokenizer for XML and HTML (WordprocessingML, saved web pages, clipboard HTML):
//! tags with attributes, text with entities decoded; comments, declarations and script/style
//! content skipped. Never fails: malformed markup is read as far as it makes sense. Tokens borrow
//! from the markup: only lower-cased names and text with entities are copied.

use std::borrow::Cow;

/// One piece of markup.
#[derive(Clone, Debug, PartialEq)]
pub enum Token<'a> {
    /// `<name attr="v">`; the name is lower-cased, namespace prefix kept (`w:tc`).
    Start {
        name: Cow<'a, str>,
        attrs: Attrs<'a>,
        self_closing: bool,
    },
    End {
        name: Cow<'a, str>,
    },
    Text(Cow<'a, str>),
}

impl<'a> Token<'a> {
    pub fn attr(&self, key: &str) -> Option<Cow<'a, str>> {
        match self {
            Token::Start { attrs, .. } => attrs.get(key),
            _ => None,
        }
    }
}

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

    /// Each attribute's name and raw value, in order.
    fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let mut s = self.0;
        std::iter::from_fn(move || {
            s = s.trim_start();
            let key_end = s.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(s.len());
            if key_end == 0 {
                return None;
            }
            let key = &s[..key_end];
            s = s[key_end..].trim_start();
            let value = if let Some(after) = s.strip_prefix('=') {
                let after = after.trim_start();
                let (value, rest) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let end = body.find(q).unwrap_or(body.len());
                        (&body[..end], body.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after.find(char::is_whitespace).unwrap_or(after.len());
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

/// HTML's tokens, tag and attribute names matched in any case: a tag's name is lower-cased.
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    tokens(s, Case::Fold)
}

/// XML's tokens (WordprocessingML): names are case-sensitive and kept as written (`w:gridSpan`).
pub fn tokenize_xml(s: &str) -> Vec<Token<'_>> {
    tokens(s, Case::Keep)
}

#[derive(Clone, Copy)]
enum Case {
    Fold,
    Keep,
}

fn tokens(s: &str, case: Case) -> Vec<Token<'_>> {
    // About one tag and one text per `<`.
    let mut out = Vec::with_capacity(2 * s.bytes().filter(|&b| b == b'<').count() + 1);
    let mut rest = s;
    while !rest.is_empty() {
        // In WordprocessingML a tag mostly follows a tag: look at the first byte before searching.
        let Some(lt) = (if rest.starts_with('<') { Some(0) } else { rest.find('<') }) else {
            push_text(&mut out, rest);
            break;
        };
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").unwrap_or(after.len());
            out.push(Token::Text(Cow::Borrowed(&after[..end])));
            rest = after.get(end + 3..).unwrap_or("");
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else if let Some(end) = tag_end(rest) {
            let Some(end) = end else {
                // A tag that never ends (an unclosed quote): the rest is text, as at the end of
                // the file a browser drops it. Trying again at each later `<` would be quadratic.
                push_text(&mut out, rest);
                break;
            };
            let token = parse_tag(&rest[1..end], case);
            rest = &rest[end + 1..];
            if let Some(Token::Start { name, self_closing: false, .. }) = &token {
                if name == "script" || name == "style" {
                    let close = format!("</{name}");
                    let at = find_ci(rest, &close).unwrap_or(rest.len());
                    rest = &rest[at..];
                    rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
                    continue;
                }
            }
            out.extend(token);
        } else {
            push_text(&mut out, "<");
            rest = &rest[1..];
        }
    }
    out
}

/// The `>` that ends a tag starting at `s[0] == '<'`, outside quoted attribute values: None when
/// `s` does not start a tag, `Some(None)` when the tag runs to the end of the text.
fn tag_end(s: &str) -> Option<Option<usize>> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/') {
        return None;
    }
    // Bytes, not chars: the delimiters are ASCII, and no byte of a multi-byte char is ASCII.
    let mut quote = None;
    for (i, &b) in s.as_bytes().iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(Some(i)),
            (None, b'<') => return None,
            _ => {}
        }
    }
    Some(None)
}

/// Where a tag's name ends: at the first white space, found byte by byte while the name is ASCII.
fn name_end(inner: &str) -> usize {
    for (i, b) in inner.bytes().enumerate() {
        match b {
            b'\t'..=b'\r' | b' ' => return i,
            0x80.. => return i + inner[i..].find(char::is_whitespace).unwrap_or(inner.len() - i),
            _ => {}
        }
    }
    inner.len()
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn parse_tag(inner: &str, case: Case) -> Option<Token<'_>> {
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let inner = inner.trim_end();
    let self_closing = inner.ends_with('/');
    let inner = inner.trim_end_matches('/');
    let name_end = name_end(inner);
    let name = match case {
        Case::Fold => lowercase(&inner[..name_end]),
        Case::Keep => Cow::Borrowed(&inner[..name_end]),
    };
    if name.is_empty() {
        return None;
    }
    if closing {
        return Some(Token::End { name });
    }
    Some(Token::Start { name, attrs: Attrs(&inner[name_end..]), self_closing })
}

fn push_text<'a>(out: &mut Vec<Token<'a>>, raw: &'a str) {
    if !raw.is_empty() {
        out.push(Token::Text(decode_entities(raw)));
    }
}

/// `&amp;`, `&nbsp;`, `&#20013;`, `&#x4e2d;` and the few named entities Word and portals use.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
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
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

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

    fn start<'a>(name: &'a str, attrs: &'a str) -> Token<'a> {
        Token::Start { name: name.into(), attrs: Attrs(attrs), self_closing: false }
    }

    #[test]
    fn tags_text_entities_and_skipped_parts() {
        let t = tokenize("<!DOCTYPE html><!--[if gte mso 9]><xml>x</xml><![endif]--><TD colspan=2 class='a b'>1&nbsp;2 &amp; &#20013;</td><script>var a='<td>';</script><br/>");
        assert_eq!(
            t,
            vec![
                start("td", " colspan=2 class='a b'"),
                Token::Text("1\u{a0}2 & 中".into()),
                Token::End { name: "td".into() },
                Token::Start { name: "br".into(), attrs: Attrs(""), self_closing: true },
            ]
        );
    }

    #[test]
    fn malformed_markup_does_not_fail() {
        for s in ["<", "<a", "<a href=\"x", "a < b > c", "<!--", "<![CDATA[x", "&#xZZ; &", "<w:t>规章</w:t"] {
            let _ = tokenize(s);
        }
        assert_eq!(tokenize("a < b"), vec![Token::Text("a ".into()), Token::Text("<".into()), Token::Text(" b".into())]);
        // A tag that never ends is text to the end, even where a later `<` looks like a tag.
        assert_eq!(
            tokenize("<p>x<a title=\"y <b>z"),
            vec![start("p", ""), Token::Text("x".into()), Token::Text("<a title=\"y <b>z".into())]
        );
        assert_eq!(tokenize("<a b='<c>"), vec![Token::Text("<a b='<c>".into())]);
        assert_eq!(decode_entities("&amp &&amp;&#x4e2d;&nbsp"), "&amp &&中&nbsp");
    }
}
