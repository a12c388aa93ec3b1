//! Why a call was refused, as the `{ code, message }` object the Promise rejects with: a stable
//! code for programs and the Chinese message the page shows.

use nianbao_core::ReadError;
use serde::Serialize;
use wasm_bindgen::JsValue;

#[derive(Debug, Serialize)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn read(error: ReadError) -> Self {
        ApiError { code: code(&error), message: error.to_string() }
    }

    /// Last year's report could not be read.
    pub fn previous(error: ApiError) -> Self {
        ApiError { code: error.code, message: format!("上一年度报告未能读取：{}", error.message) }
    }

    pub fn option(message: String) -> Self {
        ApiError { code: "bad-option", message }
    }

    pub fn internal(message: String) -> Self {
        ApiError { code: "internal", message }
    }

    pub fn into_js(self) -> JsValue {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        self.serialize(&serializer).unwrap_or_else(|_| JsValue::from_str(&self.message))
    }
}

/// The stable code of a read error (a new kind of error needs its code here: no catch-all).
pub fn code(error: &ReadError) -> &'static str {
    match error {
        ReadError::Empty => "empty",
        ReadError::TooLarge { .. } => "too-large",
        ReadError::Binary => "binary",
        ReadError::Docx => "damaged-docx",
        ReadError::Encrypted => "encrypted",
        ReadError::ZipBomb => "zip-bomb",
        ReadError::Zip => "zip",
        ReadError::OldWord => "old-word",
        ReadError::DocEncrypted => "doc-encrypted",
        ReadError::DocDamaged => "doc-damaged",
        ReadError::DocTooOld => "doc-too-old",
        ReadError::NotWord => "not-word",
        ReadError::Pdf => "pdf",
        ReadError::PdfScanned => "pdf-scanned",
        ReadError::PdfEncrypted => "pdf-encrypted",
        ReadError::PdfDamaged => "pdf-damaged",
        ReadError::PdfUnmapped => "pdf-unmapped",
        ReadError::Image => "image",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_errors_keep_their_chinese_message() {
        let error = ApiError::read(ReadError::Image);
        assert_eq!(error.code, "image");
        assert_eq!(error.message, "这是图片文件，无法读取其中的文字。请使用报告的 Word 原稿或网页文字。");
        let previous = ApiError::previous(ApiError::read(ReadError::Empty));
        assert_eq!(previous.code, "empty");
        assert!(previous.message.starts_with("上一年度报告未能读取：内容为空"));
    }
}
