//! The sample reports of the "载入示例" menu, built into the page (nothing is fetched): a 2021 report
//! read from PDF text, one with 表四 errors, and a 2019 report whose prose disagrees with its table —
//! few enough to keep the page's first load within its budget.

pub struct Sample {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! sample {
    ($name:expr, $file:expr) => {
        Sample { name: $name, text: include_str!(concat!("../../../tests/fixtures/", $file)) }
    };
}

pub static SAMPLES: &[Sample] = &[
    sample!("淮安市人民政府 2024（2021年版，PDF 文字）", "reports/huaian-city-2024.txt"),
    sample!("洪泽区人民政府 2023（表四有误）", "reports/hongze-district-2023.txt"),
    sample!("示例：正文与表格不符（规范中的例子）", "synthetic/worked-example-2019.txt"),
];
