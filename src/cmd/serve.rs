//! `fdr serve DIR`: render the HTML page in memory at every change of the
//! sources and serve it on 127.0.0.1 (loopback only), with a script that
//! reloads it after each rebuild. Nothing is read from the output folder
//! and nothing is written: only two fixed routes are served from memory,
//! so no file of the machine can be requested.
//!
//! When a rebuild fails, the last good page is served with the diagnostics
//! over it (as Zola and Vite do); when no build has succeeded yet, a small
//! page with the diagnostics is served with status 503.

mod http;

use super::build::{self, Built};
use super::{Failure, Output, watch};
use crate::cli::{BuildArgs, OutFormat, ServeArgs};
use crate::report::{render_human, summary_line};
use http::Response;
use std::net::TcpListener;
use std::sync::{Arc, RwLock};

/// Added to every served page: polls the build generation and reloads.
const RELOAD: &str = "<script>(function(){var g=null;setInterval(function(){fetch('/__generation',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(g!==null&&t!==g){location.reload()}g=t}).catch(function(){})},700)})();</script>";

/// Longest diagnostics text shown in the page; the terminal has it all.
const MAX_SHOWN: usize = 200_000;

/// What is served: the result of the last build, composed once per build.
struct Site {
    /// Incremented after every build, successful or not.
    generation: u64,
    /// The HTML of the last successful build, as rendered.
    good: Option<Arc<[u8]>>,
    /// The page served on `/`, reload script (and diagnostics) included.
    page: Arc<[u8]>,
    /// Its status: 200, or 503 while no build has succeeded.
    status: &'static str,
}

type Shared = Arc<RwLock<Site>>;

use crate::render::templates::escape_html as escape;

/// `text` without terminal escape sequences nor other control characters
/// (line breaks and tabs kept), cut to [`MAX_SHOWN`] bytes.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_SHOWN));
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() >= MAX_SHOWN {
            out.push_str("\n… (suite dans le terminal)");
            break;
        }
        match c {
            '\u{1b}' => {
                // CSI sequence: ESC [ parameters final-letter.
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for n in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&n) {
                            break;
                        }
                    }
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Insert `extra` before the page's last `</body>` (at the end without one).
fn inject(html: &[u8], extra: &str) -> Arc<[u8]> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut page = Vec::with_capacity(html.len() + extra.len());
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(extra.as_bytes());
    page.extend_from_slice(&html[at..]);
    Arc::from(page)
}

/// The banner laid over the last good page when a rebuild fails.
fn overlay(diagnostics: &str) -> String {
    format!(
        "<div id=\"fdr-erreurs\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem;background:#fff4f4;color:#1e1e1e;border-bottom:4px solid #ce0500;box-shadow:0 4px 12px rgba(0,0,0,.3)\"><p style=\"margin:0 0 .5rem;font:bold 1rem sans-serif\">fdr serve : la dernière modification ne se construit pas. La page ci-dessous est la version précédente ; elle se recharge dès que les erreurs sont corrigées.</p><pre style=\"margin:0;white-space:pre-wrap;font:.85rem/1.4 monospace\">{}</pre></div>",
        escape(&plain(diagnostics))
    )
}

/// The page served when no build has succeeded yet.
fn error_page(diagnostics: &str) -> Arc<[u8]> {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>fdr serve : erreurs</title></head><body><h1>La feuille de route ne se construit pas</h1><p>Corrigez les erreurs ci-dessous ; la page se recharge d'elle-même.</p><pre style=\"white-space:pre-wrap\">{}</pre>{RELOAD}</body></html>\n",
        escape(&plain(diagnostics))
    );
    Arc::from(page.into_bytes())
}

/// The text of a build's diagnostics, without colours.
fn diagnostics_text(built: &Built) -> String {
    format!(
        "{}{}\n",
        render_human(&built.diags, &built.sources, false),
        summary_line(&built.diags)
    )
}

/// Render the page in memory and publish the result.
fn rebuild(args: &BuildArgs, out: &Output, site: &Shared) {
    let result = match build::render_files(args, out) {
        Ok(mut built) => {
            if !built.diags.items.is_empty() {
                out.report(&built.diags, &built.sources);
            }
            match built.files.take() {
                Some(files) => files
                    .into_iter()
                    .find(|(name, _)| name.ends_with(".html"))
                    .map(|(_, bytes)| bytes)
                    .ok_or_else(|| "erreur : aucune page HTML produite\n".to_string()),
                None => Err(diagnostics_text(&built)),
            }
        }
        Err(failure) => {
            eprintln!("erreur : {failure}");
            Err(format!("erreur : {failure}\n"))
        }
    };
    let mut site = site.write().unwrap_or_else(|e| e.into_inner());
    site.generation += 1;
    match result {
        Ok(html) => {
            site.page = inject(&html, RELOAD);
            site.good = Some(Arc::from(html));
            site.status = "200 OK";
            eprintln!("fdr serve : page à jour ; en attente de modifications…");
        }
        Err(text) => {
            (site.page, site.status) = match &site.good {
                Some(html) => (
                    inject(html, &format!("{}{RELOAD}", overlay(&text))),
                    "200 OK",
                ),
                None => (error_page(&text), "503 Service Unavailable"),
            };
            eprintln!("fdr serve : erreurs ci-dessus ; la page les affiche.");
        }
    }
}

fn route(site: &Shared, path: &str) -> Response {
    let site = site.read().unwrap_or_else(|e| e.into_inner());
    match path {
        "/" | "/index.html" => Response {
            status: site.status,
            kind: "text/html; charset=utf-8",
            body: site.page.clone(),
        },
        "/__generation" => Response::text("200 OK", &site.generation.to_string()),
        _ => Response::text("404 Not Found", "introuvable\n"),
    }
}

pub fn run(args: &ServeArgs, out: &Output) -> Result<u8, Failure> {
    let build_args = BuildArgs::rebuild(&args.dir, args.output.as_deref(), vec![OutFormat::Html]);
    let output = build_args.output_dir();
    let listener = TcpListener::bind(("127.0.0.1", args.port)).map_err(|e| {
        Failure::Io(format!(
            "impossible d'écouter sur 127.0.0.1:{} : {e}",
            args.port
        ))
    })?;
    let port = listener
        .local_addr()
        .map_err(|e| Failure::Io(e.to_string()))?
        .port();
    let site: Shared = Arc::new(RwLock::new(Site {
        generation: 0,
        good: None,
        page: error_page("construction en cours…"),
        status: "503 Service Unavailable",
    }));
    let served = site.clone();
    std::thread::spawn(move || {
        http::serve(listener, port, Arc::new(move |path| route(&served, path)))
    });
    let mut first = true;
    // The address is printed once the first build is served.
    watch::watch_sources(&args.dir, &output, || {
        rebuild(&build_args, out, &site);
        if std::mem::take(&mut first) {
            eprintln!("fdr serve : http://127.0.0.1:{port}/ (Ctrl-C pour arrêter)");
        }
    })?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_lose_colours_and_control_characters() {
        let text = "\u{1b}[31merreur\u{1b}[0m : <b>\u{7}x\u{0}\n\tsuite";
        assert_eq!(escape(&plain(text)), "erreur : &lt;b&gt;x\n\tsuite");
    }

    #[test]
    fn long_diagnostics_are_cut() {
        let shown = plain(&"é".repeat(MAX_SHOWN));
        assert!(shown.len() < MAX_SHOWN + 100);
        assert!(shown.ends_with("(suite dans le terminal)"));
    }

    #[test]
    fn extra_markup_goes_before_the_last_body_end() {
        let page = inject(b"<p>&lt;/body&gt;</p></BODY></html>", "<s>");
        assert_eq!(&*page, b"<p>&lt;/body&gt;</p><s></BODY></html>");
        assert_eq!(&*inject(b"<p>x</p>", "<s>"), b"<p>x</p><s>");
    }
}
