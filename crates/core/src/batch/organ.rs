//! Organ names compared across years: the variants real titles use for one organ
//! (淮安市洪泽区人民政府 / 洪泽区人民政府 / 洪泽区人民政府办公室) read as one [`OrganKey`].

use crate::text::{fold_char, is_ideograph};

/// An organ's name split into its places (outermost first: 淮安市, 洪泽区) and the rest (交通运输局),
/// with the ways of naming the government itself folded away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganKey {
    /// Administrative places the name starts with, outermost first: 省 市 州 盟 县 区 旗 镇 乡 街道 苏木.
    pub places: Vec<String>,
    /// What follows the places: `交通运输局`, or `""` for the place's government itself.
    pub body: String,
}

/// The key of an organ's name, or None when the name has no place in it (`交通运输局` could be any
/// county's, so it is never paired).
///
/// The name is folded (full-width → half-width, Traditional → Simplified; spaces, brackets and
/// what they enclose dropped), then the government's own variants are folded away:
/// `…人民政府办公室`, `…政府办公室`, `…人民政府`, `…政府` → the place; `…街道办事处` → `…街道`;
/// `…管理委员会` → `…管委会`. Then the leading places are split off: a place is two or more
/// characters ending in 省 市 州 盟 县 区 旗 镇 乡 街道 苏木 (`苏州市`: 州 followed by 市 is one place),
/// except words that only look like one (城市, 超市, 城乡, 城镇, 小区, 红旗 …).
///
/// ```
/// use nianbao_core::batch::organ::organ_key;
/// let key = organ_key("淮安市洪泽区人民政府").unwrap();
/// assert_eq!((key.places, key.body), (vec!["淮安市".to_owned(), "洪泽区".to_owned()], String::new()));
/// assert!(organ_key("交通运输局").is_none());
/// ```
pub fn organ_key(name: &str) -> Option<OrganKey> {
    let mut name = folded(name);
    for (variant, canonical) in
        [("人民政府办公室", ""), ("政府办公室", ""), ("人民政府", ""), ("政府", ""), ("街道办事处", "街道"), ("管理委员会", "管委会")]
    {
        if name.ends_with(variant) {
            name.truncate(name.len() - variant.len());
            name.push_str(canonical);
            break;
        }
    }
    let mut places = Vec::new();
    let mut rest = name.as_str();
    while let Some(end) = place_end(rest) {
        places.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    (!places.is_empty()).then(|| OrganKey { places, body: rest.to_owned() })
}

impl OrganKey {
    /// Whether two keys name the same organ: the same innermost place and the same rest, and the
    /// outer places of one are the outer places of the other with some left out
    /// (`淮安市·洪泽区` and `洪泽区` agree; `北京市·朝阳区` and `长春市·朝阳区` do not).
    pub fn same_organ(&self, other: &OrganKey) -> bool {
        let (short, long) = if self.places.len() <= other.places.len() { (self, other) } else { (other, self) };
        self.body == other.body && long.places.ends_with(&short.places)
    }

    /// The innermost place and the rest: what the keys of one organ ([`OrganKey::same_organ`])
    /// always share.
    pub fn shared(&self) -> (&str, &str) {
        (self.places.last().map_or("", String::as_str), &self.body)
    }
}

/// Folded for comparison: full-width → half-width, Traditional → Simplified, spaces and
/// bracketed asides (`（本级）`) dropped.
fn folded(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars().map(fold_char) {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 && (is_ideograph(c) || c.is_ascii_alphanumeric()) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Characters that end a place's name.
const PLACE_ENDINGS: [&str; 11] = ["省", "市", "州", "盟", "县", "区", "旗", "镇", "乡", "街道", "苏木"];

/// Words that end like a place but are not one, at the end of a would-be place (…城市管理局).
const NOT_PLACE_ENDINGS: [&str; 12] = ["城市", "超市", "都市", "城乡", "乡镇", "城镇", "村镇", "集镇", "小区", "校区", "辖区", "市区"];

/// Two-character words that are not places on their own (a longer name ending in them may be:
/// 东城区, 喀什地区).
const NOT_PLACES: [&str; 16] =
    ["城区", "地区", "山区", "片区", "郊区", "景区", "园区", "新区", "林区", "矿区", "库区", "牧区", "特区", "红旗", "国旗", "党旗"];

/// The byte length of the place that `text` starts with, if it starts with one.
fn place_end(text: &str) -> Option<usize> {
    for (start, _) in text.char_indices().skip(1) {
        let Some(ending) = PLACE_ENDINGS.iter().find(|e| text[start..].starts_with(*e)) else {
            continue;
        };
        let mut end = start + ending.len();
        if *ending == "州" && text[end..].starts_with(['市', '区', '县']) {
            end += '市'.len_utf8();
        }
        let place = &text[..end];
        if NOT_PLACES.contains(&place) || NOT_PLACE_ENDINGS.iter().any(|w| place.ends_with(w)) {
            return None;
        }
        return Some(end);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> (Vec<String>, String) {
        let k = organ_key(name).unwrap_or_else(|| panic!("{name} has a place"));
        (k.places, k.body)
    }

    fn same(a: &str, b: &str) -> bool {
        match (organ_key(a), organ_key(b)) {
            (Some(a), Some(b)) => a.same_organ(&b),
            _ => false,
        }
    }

    #[test]
    fn places_and_body() {
        assert_eq!(key("淮安市洪泽区人民政府"), (vec!["淮安市".into(), "洪泽区".into()], "".into()));
        assert_eq!(key("洪泽区人民政府办公室"), (vec!["洪泽区".into()], "".into()));
        assert_eq!(key("淮安市交通运输局"), (vec!["淮安市".into()], "交通运输局".into()));
        assert_eq!(key("淮安市市场监督管理局"), (vec!["淮安市".into()], "市场监督管理局".into()));
        assert_eq!(key("淮安市城市管理局"), (vec!["淮安市".into()], "城市管理局".into()));
        assert_eq!(key("淮安市住房和城乡建设局"), (vec!["淮安市".into()], "住房和城乡建设局".into()));
        assert_eq!(key("苏州市吴中区人民政府"), (vec!["苏州市".into(), "吴中区".into()], "".into()));
        assert_eq!(key("云阳县人和街道办事处"), (vec!["云阳县".into(), "人和街道".into()], "".into()));
        assert_eq!(key("工布江达县工布江达镇"), (vec!["工布江达县".into(), "工布江达镇".into()], "".into()));
        assert_eq!(key("北京市东城区人民政府"), (vec!["北京市".into(), "东城区".into()], "".into()));
        assert_eq!(key("某某经济开发区管理委员会"), (vec!["某某经济开发区".into()], "管委会".into()));
        assert_eq!(key("淮安市洪泽區人民政府（本级）"), key("淮安市洪泽区人民政府"));
    }

    #[test]
    fn no_place_no_key() {
        for name in ["交通运输局", "市场监督管理局", "城市管理局", "乡村振兴局", "区人民政府", ""] {
            assert_eq!(organ_key(name), None, "{name}");
        }
    }

    #[test]
    fn variants_of_one_organ_agree() {
        assert!(same("淮安市洪泽区人民政府", "洪泽区人民政府"));
        assert!(same("洪泽区人民政府", "洪泽区人民政府办公室"));
        assert!(same("淮安市洪泽区人民政府", "洪泽区政府"));
        assert!(same("工布江达县工布江达镇", "工布江达镇人民政府"));
        assert!(same("云阳县人和街道办事处", "人和街道"));
        assert!(same("江苏省淮安市交通运输局", "淮安市交通运输局"));
    }

    #[test]
    fn different_organs_never_agree() {
        assert!(!same("淮安市人民政府", "淮安市洪泽区人民政府"));
        assert!(!same("淮安市交通运输局", "洪泽区交通运输局"));
        assert!(!same("淮安市交通运输局", "淮安市洪泽区交通运输局"));
        assert!(!same("北京市朝阳区人民政府", "长春市朝阳区人民政府"));
        assert!(!same("洪泽区人民政府", "洪泽区交通运输局"));
        assert!(!same("交通运输局", "交通运输局"));
        assert!(!same("毛坝镇", "新庙镇"));
    }
}
