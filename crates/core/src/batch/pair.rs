//! Automatic year pairing: for each report of a batch, the report of the same organ for the year
//! before, when exactly one fits.

use super::organ::{organ_key, OrganKey};
use std::collections::HashMap;

/// For each report (its organ and year, as read), the index of the report taken as its last year:
/// the one report whose organ is the same ([`OrganKey::same_organ`]) and whose year is one less.
/// When several fit, the one with exactly the same name is taken; when that does not decide, none
/// is (a wrong pairing would report differences that are not there). A report without an organ
/// or a year is never paired.
pub fn last_years(reports: &[(Option<&str>, Option<i32>)]) -> Vec<Option<usize>> {
    let keys: Vec<Option<OrganKey>> = reports.iter().map(|(organ, _)| organ.and_then(organ_key)).collect();
    // The reports of each year and [`OrganKey::shared`] part, in order: the only ones that can fit.
    let mut candidates: HashMap<(i32, (&str, &str)), Vec<usize>> = HashMap::new();
    for (j, key) in keys.iter().enumerate() {
        if let (Some(key), Some(year)) = (key, reports[j].1) {
            candidates.entry((year, key.shared())).or_default().push(j);
        }
    }
    (0..reports.len())
        .map(|i| {
            let (Some(key), (Some(name), Some(year))) = (&keys[i], reports[i]) else {
                return None;
            };
            let same = candidates.get(&(year - 1, key.shared()))?;
            let fits: Vec<usize> = same.iter().copied().filter(|&j| keys[j].as_ref().is_some_and(|k| k.same_organ(key))).collect();
            match fits[..] {
                [one] => Some(one),
                _ => only(fits.iter().copied().filter(|&j| reports[j].0 == Some(name))),
            }
        })
        .collect()
}

fn only(mut items: impl Iterator<Item = usize>) -> Option<usize> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_years_of_one_organ_pair() {
        let reports = [
            (Some("淮安市洪泽区人民政府"), Some(2024)),
            (Some("洪泽区人民政府"), Some(2023)),
            (Some("洪泽区人民政府办公室"), Some(2022)),
            (Some("淮安市人民政府"), Some(2024)),
            (Some("淮安市人民政府"), Some(2022)),
        ];
        assert_eq!(last_years(&reports), [Some(1), Some(2), None, None, None]);
    }

    #[test]
    fn an_exact_name_decides_between_variants() {
        let reports =
            [(Some("洪泽区人民政府"), Some(2024)), (Some("洪泽区人民政府办公室"), Some(2023)), (Some("洪泽区人民政府"), Some(2023))];
        assert_eq!(last_years(&reports)[0], Some(2));
        let reports =
            [(Some("淮安市洪泽区人民政府"), Some(2024)), (Some("洪泽区人民政府办公室"), Some(2023)), (Some("洪泽区人民政府"), Some(2023))];
        assert_eq!(last_years(&reports)[0], None);
    }

    #[test]
    fn unsure_means_unpaired() {
        let reports = [
            (Some("交通运输局"), Some(2024)),
            (Some("交通运输局"), Some(2023)),
            (None, Some(2024)),
            (Some("毛坝镇"), None),
            (Some("毛坝镇"), Some(2019)),
            (Some("新庙镇"), Some(2018)),
        ];
        assert_eq!(last_years(&reports), [None; 6]);
    }
}
