//! The sample reports of the "载入示例" menu, built into the page (nothing is fetched): one of each
//! kind (2021 PDF text, a 表四 error, 2019 format, copied from a web page, prose against the table),
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
    sample!("毛坝镇 2020（2019年版）", "reports/000_675c1ca713925614.txt"),
    sample!("新庙镇 2020（网页复制）", "reports/002_f4b8342ecd306093.txt"),
    sample!("示例：正文与表格不符（规范中的例子）", "synthetic/worked-example-2019.txt"),
];
