//! Whole pipeline on fuzzed roadmap folders: the input becomes up to eight
//! files (see `common/split.rs`) in a fresh folder under /dev/shm, then
//! check, diagnostics in every format, and, for a valid model, compute,
//! view, Markdown and HTML. Nothing may panic; the built-in templates must
//! render every valid model; the HTML page keeps no script, no event
//! handler and no `javascript:` link (`common/html.rs`).
#![no_main]

use fdr::render::{HtmlRenderer, MarkdownRenderer, RenderContext, Renderer};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

#[path = "../common/html.rs"]
mod html;
#[path = "../common/split.rs"]
mod split;

fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let mut b = tempfile::Builder::new();
    b.prefix("fdr-fuzz-");
    if shm.is_dir() {
        b.tempdir_in(shm)
    } else {
        b.tempdir()
    }
    .expect("temporary folder")
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    split::write(dir.path(), data).expect("write the fragments");
    let checked = fdr::validate::check(dir.path(), None).expect("the folder exists");
    // What `fdr check` prints, in each of its formats.
    let _ = fdr::report::render_human(&checked.diags, &checked.sources, false);
    let _ = fdr::report::render_human(&checked.diags, &checked.sources, true);
    let _ = fdr::report::render_json(&checked.diags, &checked.sources);
    let _ = fdr::report::render_github(&checked.diags, &checked.sources);
    let _ = fdr::report::render_gitlab(&checked.diags, &checked.sources);
    let _ = fdr::diagnostic::summary_line(&checked.diags);
    let Some(model) = &checked.model else { return };
    if checked.diags.has_errors() {
        return;
    }
    let computed = fdr::compute::compute(model);
    let view = fdr::render::view::build(model, &computed);
    let ctx = RenderContext {
        view: &view,
        root: dir.path(),
    };
    let render = |r: &dyn Renderer| {
        r.render(&ctx)
            .unwrap_or_else(|e| panic!("{} fails on a valid model: {e}", r.name()))
    };
    render(&MarkdownRenderer);
    let page = render(&HtmlRenderer);
    html::check_page(&String::from_utf8(page).expect("the HTML page is UTF-8"));
});
