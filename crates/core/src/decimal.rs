//! Decimal text ↔ `f64` without the standard library's float code: [`parse`] reads exactly what
//! `str::parse::<f64>` reads, to the same value; [`show`] prints what `{}` prints and [`megabytes`]
//! what `{:.1}` prints of bytes / 2^20. std's parser (its 10 KB table of powers of five) and printer
//! (Grisu, Dragon, their tables) cost the page 18.7 KB gzipped; the printer's digits come from zmij,
//! which serde_json links anyway. Tests compare all three with std on random and edge inputs.

/// Reads a number as `str::parse::<f64>` does — sign, `inf`/`infinity`/`nan` (any case), digits with an
/// optional point and exponent — to the same correctly rounded value; `None` where it gives an error.
pub fn parse(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let value = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        let (digits, exponent) = significand(body.as_bytes())?;
        value(&digits, exponent)
    };
    Some(if negative { -value } else { value })
}

/// The significant digits (no leading or trailing zeros, as values 0–9) and the power of ten they
/// are multiplied by; `None` unless the text is `digits[.digits][(e|E)[+|-]digits]` with a digit.
fn significand(b: &[u8]) -> Option<(Vec<u8>, i64)> {
    let mut digits = Vec::new();
    let (mut exponent, mut i, mut seen_digit, mut after_point) = (0i64, 0, false, false);
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                seen_digit = true;
                if d != b'0' || !digits.is_empty() {
                    digits.push(d - b'0');
                }
                if after_point {
                    exponent -= 1;
                }
            }
            b'.' if !after_point => after_point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        if i == b.len() {
            return None;
        }
        let mut e: i64 = 0;
        for &c in &b[i..] {
            if !c.is_ascii_digit() {
                return None;
            }
            e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
        }
        exponent += if negative { -e } else { e };
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    // Rounding never depends on more than 768 significant digits: keep 800, and a 1 after them
    // for any nonzero digit dropped (as std's parser does), so a long input costs little.
    if digits.len() > 800 {
        let sticky = digits[800..].iter().any(|&d| d != 0);
        exponent += digits.len() as i64 - 800;
        digits.truncate(800);
        if sticky {
            digits.push(1);
            exponent -= 1;
        }
    }
    Some((digits, exponent))
}

/// `digits × 10^exponent`, correctly rounded (ties to even).
fn value(digits: &[u8], exponent: i64) -> f64 {
    const POW10: [f64; 23] =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
    if digits.is_empty() {
        return 0.0;
    }
    let n = digits.len() as i64;
    if n + exponent > 310 {
        return f64::INFINITY;
    }
    if n + exponent < -324 {
        return 0.0;
    }
    if n <= 15 && exponent.abs() <= 22 {
        // Both operands are exact, so one IEEE operation rounds correctly (Clinger's fast path).
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let p = POW10[exponent.unsigned_abs() as usize];
        return if exponent < 0 { m / p } else { m * p };
    }
    let mut big = Big::from_digits(digits);
    if exponent >= 0 {
        big.mul_pow10(exponent as u32);
        return round(&big, 0, false);
    }
    // digits / 10^m: shift left so the quotient keeps at least 64 bits, then divide.
    let m = exponent.unsigned_abs() as u32;
    let shift = (64 + m * 10 / 3 + 1).saturating_sub(big.bits());
    big.shl(shift);
    let inexact = big.div_pow10(m);
    round(&big, shift as i64, inexact)
}

/// `q × 2^-shift` (and a little more when `inexact`) as the nearest `f64`, ties to even.
fn round(q: &Big, shift: i64, inexact: bool) -> f64 {
    let length = i64::from(q.bits());
    if length == 0 {
        return 0.0;
    }
    let top = length - 1 - shift;
    if top > 1023 {
        return f64::INFINITY;
    }
    // Bits kept: 53, fewer below the smallest normal exponent.
    let kept = if top >= -1022 { 53 } else { top + 1075 };
    if kept < 0 {
        return 0.0;
    }
    let dropped = length - kept;
    let (mut mantissa, mut exponent) = if dropped <= 0 {
        (q.low_bits(0, length as u32), -shift)
    } else {
        let dropped = dropped as u32;
        let mut mantissa = q.low_bits(dropped, kept as u32);
        let half = q.bit(dropped - 1);
        let rest = inexact || q.any_below(dropped - 1);
        if half && (rest || mantissa & 1 == 1) {
            mantissa += 1;
        }
        (mantissa, i64::from(dropped) - shift)
    };
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        exponent += 1;
    }
    if mantissa == 0 {
        return 0.0;
    }
    if exponent + 63 - i64::from(mantissa.leading_zeros()) > 1023 {
        return f64::INFINITY;
    }
    mantissa as f64 * pow2(exponent)
}

/// 2^e for -1074 ≤ e ≤ 1023, exactly.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1 << (e + 1074))
    }
}

/// An unsigned big integer, 32-bit limbs, least significant first.
struct Big(Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |v, &d| v * 10 + u32::from(d));
            big.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        big
    }

    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(9);
            self.mul_add(10u32.pow(step), 0);
            n -= step;
        }
    }

    /// Divides by 10^n in place; true when a remainder was dropped.
    fn div_pow10(&mut self, mut n: u32) -> bool {
        let mut inexact = false;
        while n > 0 {
            let step = n.min(9);
            let divisor = u64::from(10u32.pow(step));
            let mut rest = 0u64;
            for limb in self.0.iter_mut().rev() {
                let v = (rest << 32) | u64::from(*limb);
                *limb = (v / divisor) as u32;
                rest = v % divisor;
            }
            inexact |= rest != 0;
            while self.0.last() == Some(&0) {
                self.0.pop();
            }
            n -= step;
        }
        inexact
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn bits(&self) -> u32 {
        self.0.last().map_or(0, |top| 32 * self.0.len() as u32 - top.leading_zeros())
    }

    fn bit(&self, i: u32) -> bool {
        self.0.get((i / 32) as usize).is_some_and(|limb| limb >> (i % 32) & 1 == 1)
    }

    fn any_below(&self, i: u32) -> bool {
        (0..i).any(|b| self.bit(b))
    }

    /// `count` (≤ 64) bits starting at bit `from`.
    fn low_bits(&self, from: u32, count: u32) -> u64 {
        (0..count).rev().fold(0, |v, b| v << 1 | u64::from(self.bit(from + b)))
    }
}

/// `v` as `{}` prints it: the shortest digits that read back as `v`, never an exponent.
pub fn show(v: f64) -> String {
    if !v.is_finite() {
        return (if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        })
        .to_owned();
    }
    let mut buffer = zmij::Buffer::new();
    let printed = buffer.format_finite(v);
    let (sign, printed) = match printed.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", printed),
    };
    let (mantissa, exponent) = match printed.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (printed, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = [int, frac].concat();
    let significant = digits.trim_start_matches('0');
    // The point sits after `point` of the significant digits (may be ≤ 0 or past the end).
    let point = int.len() as i32 + exponent - (digits.len() - significant.len()) as i32;
    let digits = significant.trim_end_matches('0');
    // At an exact tie between two shortest candidates zmij takes the even one; `{}` the upper one.
    let upper;
    let (digits, point) = if !digits.is_empty() && is_exactly(v.abs(), &[digits, "5"].concat(), point) {
        upper = round_up(digits);
        let carried = upper.len() > digits.len();
        (upper.trim_end_matches('0'), point + i32::from(carried))
    } else {
        (digits, point)
    };
    let mut out = String::from(sign);
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(digits);
    } else if point as usize >= digits.len() {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

/// The decimal digits plus one (`199` → `200`, `99` → `100`).
fn round_up(digits: &str) -> String {
    let mut bytes = digits.as_bytes().to_vec();
    for b in bytes.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return String::from_utf8(bytes).unwrap_or_default();
        }
    }
    ["1", &String::from_utf8(bytes).unwrap_or_default()].concat()
}

/// True when `v` (finite, ≥ 0) is exactly `0.digits × 10^point`.
fn is_exactly(v: f64, digits: &str, point: i32) -> bool {
    let bits = v.to_bits();
    let (biased, fraction) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    let (mantissa, e2) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    let k = i64::from(point) - digits.len() as i64;
    let mut left = Big::from_digits(&digits.bytes().map(|b| b - b'0').collect::<Vec<_>>());
    let mut right = Big(vec![mantissa as u32, (mantissa >> 32) as u32]);
    while right.0.last() == Some(&0) {
        right.0.pop();
    }
    left.mul_pow10(k.max(0) as u32);
    left.shl((-e2).max(0) as u32);
    right.shl(e2.max(0) as u32);
    right.mul_pow10((-k).max(0) as u32);
    left.0 == right.0
}

/// Bytes as megabytes with one decimal, as `{:.1}` prints `bytes / 2^20` (half-way rounds to even).
pub fn megabytes(bytes: u64) -> String {
    let tenths = u128::from(bytes) * 10;
    let (mut whole, rest) = (tenths >> 20, tenths & 0xf_ffff);
    if rest > 0x8_0000 || (rest == 0x8_0000 && whole % 2 == 1) {
        whole += 1;
    }
    format!("{}.{}", whole / 10, whole % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift64*), so failures repeat.
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn same_as_std(s: &str) {
        let ours = parse(s);
        let std = s.parse::<f64>().ok();
        assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{s:?}: ours {ours:?}, std {std:?}");
    }

    #[test]
    fn parses_what_std_parses_to_the_same_bits() {
        for s in [
            "0",
            "-0",
            "+0",
            "00",
            "0.0",
            ".5",
            "5.",
            ".",
            "",
            "+",
            "-",
            "e5",
            "1e",
            "1e+",
            "1e-5",
            "1E5",
            "1.5e3",
            "1.e3",
            ".e3",
            "1,5",
            "1.2.3",
            " 1",
            "1 ",
            "inf",
            "-INF",
            "Infinity",
            "infin",
            "nan",
            "NaN",
            "-nan",
            "1187.0427",
            "3",
            "12345678901234567890",
            "9007199254740993",
            "9007199254740992.5",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "1e-400",
            "1e99999999999999999999",
            "0.000000000000000000000000000000001",
            "123.456e-2",
            "0e999999",
            "100000000000000000000000",
            "0.1",
            "0.2",
            "0.30000000000000004",
            "1+1",
            "1e5x",
            "１",
        ] {
            same_as_std(s);
        }
        let mut r = Random(0x9e37_79b9_7f4a_7c15);
        for _ in 0..50_000 {
            let mut s = String::new();
            if r.below(4) == 0 {
                s.push('-');
            }
            let int = r.below(25);
            let frac = r.below(25);
            for _ in 0..int {
                s.push(char::from(b'0' + r.below(10) as u8));
            }
            if frac > 0 || r.below(3) == 0 {
                s.push('.');
                for _ in 0..frac {
                    s.push(char::from(b'0' + r.below(10) as u8));
                }
            }
            if r.below(3) == 0 {
                s.push_str(&format!("e{}", r.below(700) as i64 - 350));
            }
            same_as_std(&s);
        }
        // Halfway cases: the exact midpoint between two doubles, and one digit either side.
        for _ in 0..5_000 {
            let v = f64::from_bits(r.next() >> 1);
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let next = f64::from_bits(v.to_bits() + 1);
            let mid = format!("{:.1100e}", v / 2.0 + next / 2.0);
            for s in [format!("{v:e}"), format!("{v:.17e}"), format!("{v:.30e}"), mid] {
                same_as_std(&s);
            }
        }
    }

    #[test]
    fn megabytes_as_the_float_format_prints_them() {
        let quarters = (0..40).map(|q| q * 0x4_0000);
        for bytes in (0..40_000_000).step_by(4099).chain(quarters).chain([1, 52_428, 52_429, 104_857_600, 1 << 40]) {
            assert_eq!(megabytes(bytes), format!("{:.1}", bytes as f64 / 1048576.0), "{bytes}");
        }
    }

    #[test]
    fn shows_what_display_shows() {
        for v in [
            f64::from_bits(0x4319_7672_a94b_581d),
            9_999_999_999_999_999.0,
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            1187.0427,
            1e15,
            9e15,
            1e16,
            1.5e300,
            1e-7,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            123456.789,
        ] {
            assert_eq!(show(v), format!("{v}"), "{v:e}");
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(show(v), format!("{v}"));
        }
        let mut r = Random(0x2545_f491_4f6c_dd1d);
        for _ in 0..100_000 {
            let v = f64::from_bits(r.next());
            assert_eq!(show(v), format!("{v}"), "{:#x}", v.to_bits());
            let v = (r.below(100_000_000) as f64) / 10f64.powi(r.below(9) as i32);
            assert_eq!(show(v), format!("{v}"), "{v:e}");
            // Large numbers with a short binary fraction, where two shortest candidates tie.
            let v = (r.below(1 << 53) + (1 << 52)) as f64 / f64::from(1 << r.below(4)) * f64::from(1 << r.below(12));
            assert_eq!(show(v), format!("{v}"), "{:#x}", v.to_bits());
        }
    }
}
