//! What the results column shows before any text: how to use the checker.

use leptos::prelude::*;

#[component]
pub fn Welcome() -> impl IntoView {
    view! {
        <div class="welcome">
            <h2>"如何使用"</h2>
            <ol>
                <li>"把年度报告的全文粘贴到左侧文本框，或把报告文件（Word .docx、网页 .html 或 .txt）拖到页面上。"</li>
                <li>"也可以从“载入示例”中选一份真实报告看看效果。"</li>
                <li>"右侧会按统一格式显示表二、表三、表四，标出不符合勾稽关系和填报要求的单元格，并逐条说明。"</li>
            </ol>
            <p>"支持 2019 年版和 2021 年版两种统一格式；支持 UTF-8、GBK 等编码的文本文件。"</p>
        </div>
    }
}
