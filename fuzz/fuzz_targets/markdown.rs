//! Any UTF-8 text through `fdr::render::markdown::render`: the HTML keeps
//! no raw HTML, no script and no `javascript:` link; the typst tree
//! serialises and only links to anchors, http(s) and mail addresses.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/html.rs"]
mod html;
#[path = "../common/markdown_props.rs"]
mod markdown_props;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        markdown_props::check(src);
    }
});
