//! An organ's level, read from its name: whether it is a township, a street office, a county-level
//! government or a county-level department — the organs that cannot make 规章 (T2-RULES-LEVEL).
//! Where the name does not say, the level is unknown and no rule relies on it.

use crate::text::skeleton;

/// The levels that the name shows with confidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// …镇, …乡, …苏木 (their government).
    Township,
    /// …街道办事处.
    Street,
    /// …县/旗/区 人民政府 (a 市辖区 is county-level).
    CountyGovernment,
    /// A department of a county or district: …县…局, …区…委员会.
    CountyDepartment,
}

impl Level {
    /// How a message names the level.
    pub fn describe(self) -> &'static str {
        match self {
            Level::Township => "乡镇",
            Level::Street => "街道办事处",
            Level::CountyGovernment => "县级人民政府",
            Level::CountyDepartment => "县级人民政府的工作部门",
        }
    }
}

/// Words that end a government's name (the government itself, not a department of it).
const GOVERNMENT: &[&str] = &["人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府"];

/// `区` that is not a county-level district.
const NOT_DISTRICT: &[&str] =
    &["自治区", "特别行政区", "新区", "开发区", "高新区", "园区", "地区", "社区", "片区", "景区", "保税区", "小区", "区域", "城区"];

/// The level of an organ named `organ`, None when its name does not say.
pub fn of(organ: &str) -> Option<Level> {
    let name = skeleton(organ);
    if name.contains("街道") {
        return Some(Level::Street);
    }
    if let Some(place) = GOVERNMENT.iter().find_map(|g| name.strip_suffix(g)) {
        return match last_unit(place)? {
            (Unit::Township, end) if end == place.len() => Some(Level::Township),
            (Unit::County, end) if end == place.len() => Some(Level::CountyGovernment),
            _ => None,
        };
    }
    match last_unit(&name)? {
        (Unit::Township, end) if end == name.len() => Some(Level::Township),
        (Unit::County, end) if end < name.len() => Some(Level::CountyDepartment),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Township,
    County,
    /// 省, 市, 州: a level that may make 规章 or cannot be told from the name.
    Higher,
}

/// The last administrative unit in a name and the byte where it ends.
fn last_unit(name: &str) -> Option<(Unit, usize)> {
    let mut last = None;
    for (i, c) in name.char_indices() {
        let end = i + c.len_utf8();
        let before = &name[..i];
        let after = &name[end..];
        let unit = match c {
            '镇' => Unit::Township,
            '乡' if !before.ends_with('城') && !after.starts_with('村') && !after.starts_with('镇') => Unit::Township,
            '县' | '旗' if !after.starts_with('域') && !after.starts_with('级') => Unit::County,
            '区' if !NOT_DISTRICT.iter().any(|w| name[..end].ends_with(w) || (w.starts_with('区') && after.starts_with(&w[3..]))) => {
                Unit::County
            }
            '省' | '州' => Unit::Higher,
            '市' if !after.starts_with('场') && !after.starts_with('政') && !before.ends_with('城') => Unit::Higher,
            _ => continue,
        };
        last = Some((unit, end));
    }
    if name.ends_with("苏木") {
        last = Some((Unit::Township, name.len()));
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_that_cannot_make_rules() {
        for (name, level) in [
            ("毛坝镇", Level::Township),
            ("工布江达县工布江达镇", Level::Township),
            ("新庙镇人民政府", Level::Township),
            ("某某乡人民政府", Level::Township),
            ("云阳县人和街道办事处", Level::Street),
            ("淮安市洪泽区人民政府", Level::CountyGovernment),
            ("洪泽区人民政府办公室", Level::CountyGovernment),
            ("某某县人民政府", Level::CountyGovernment),
            ("云阳县教育委员会", Level::CountyDepartment),
            ("淮安市洪泽区财政局", Level::CountyDepartment),
            ("某某自治县民政局", Level::CountyDepartment),
        ] {
            assert_eq!(of(name), Some(level), "{name}");
        }
    }

    #[test]
    fn unclear_or_higher_levels_are_unknown() {
        for name in [
            "淮安市人民政府",
            "江苏省人民政府",
            "广西壮族自治区人民政府",
            "广西壮族自治区教育厅",
            "某某市乡村振兴局",
            "某某市城乡建设局",
            "某某市市场监督管理局",
            "苏州工业园区管理委员会",
            "昆山市人民政府",
            "国家税务总局",
            "",
        ] {
            assert_eq!(of(name), None, "{name}");
        }
    }
}
