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
            let fits = same.iter().copied().filter(|&j| keys[j].as_ref().is_some_and(|k| k.same_organ(key)));
            choose(fits, |j| reports[j].0 == Some(name))
        })
        .collect()
}

/// The only one of `fits`, or, when several fit, the only one that is `exact`. Reads no further
/// than decides: two that fit and are both exact leave none to choose (many copies of one report
/// cost two looks each, not one for every copy).
fn choose(fits: impl Iterator<Item = usize>, exact: impl Fn(usize) -> bool) -> Option<usize> {
    let (mut first, mut count) = (None, 0);
    let (mut exact_one, mut exact_count) = (None, 0);
    for j in fits {
        first = first.or(Some(j));
        count += 1;
        if exact(j) {
            exact_one = Some(j);
            exact_count += 1;
            if exact_count == 2 {
                return None;
            }
        }
    }
    match count {
        1 => first,
        _ => exact_one.filter(|_| exact_count == 1),
    }
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

    #[test]
    fn copies_of_last_year_leave_it_unchosen() {
        let copies = [(Some("洪泽区人民政府"), Some(2023)); 5];
        let mut reports = vec![(Some("洪泽区人民政府"), Some(2024))];
        reports.extend(copies);
        assert_eq!(last_years(&reports)[0], None);
        // Copies under another name that fits are passed over for the one of the same name.
        let reports = [
            (Some("洪泽区人民政府"), Some(2024)),
            (Some("淮安市洪泽区人民政府"), Some(2023)),
            (Some("洪泽区人民政府"), Some(2023)),
            (Some("淮安市洪泽区人民政府"), Some(2023)),
        ];
        assert_eq!(last_years(&reports)[0], Some(2));
    }

    #[test]
    fn choosing_reads_no_further_than_it_must() {
        let looked = std::cell::Cell::new(0);
        let fits = (0..100).inspect(|_| looked.set(looked.get() + 1));
        assert_eq!(choose(fits, |_| true), None);
        assert_eq!(looked.get(), 2);
        assert_eq!(choose([7].into_iter(), |_| false), Some(7));
        assert_eq!(choose([3, 7, 9].into_iter(), |j| j == 7), Some(7));
        assert_eq!(choose([3, 9].into_iter(), |_| false), None);
        assert_eq!(choose(std::iter::empty(), |_| true), None);
    }
}
