//! `fdr serve DIR`: `fdr watch` plus the HTML page on 127.0.0.1 (loopback
//! only), which reloads itself after each rebuild. Only two fixed routes are
//! served; no file of the machine can be requested.

use super::{Failure, Output, build, watch};
use crate::cli::{BuildArgs, OutFormat, ServeArgs};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Added to the served page only: polls the build generation and reloads.
const RELOAD: &str = "<script>(function(){var g=null;setInterval(function(){fetch('/__generation').then(function(r){return r.text()}).then(function(t){if(g!==null&&t!==g){location.reload()}g=t}).catch(function(){})},700)})();</script>";

fn respond(mut stream: TcpStream, page: &Path, generation: &AtomicU64) {
    let mut first = String::new();
    if BufReader::new(&stream).read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/");
    let (status, kind, body) = match path {
        "/" | "/index.html" => match std::fs::read_to_string(page) {
            Ok(html) => (
                "200 OK",
                "text/html; charset=utf-8",
                html.replacen("</body>", &format!("{RELOAD}</body>"), 1),
            ),
            Err(_) => (
                "503 Service Unavailable",
                "text/plain; charset=utf-8",
                "Le document n'est pas encore construit : corrigez les erreurs affichées par fdr."
                    .to_string(),
            ),
        },
        "/__generation" => (
            "200 OK",
            "text/plain",
            generation.load(Ordering::SeqCst).to_string(),
        ),
        _ => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "introuvable".to_string(),
        ),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
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
    let generation = Arc::new(AtomicU64::new(0));
    let rebuild = {
        let generation = generation.clone();
        move || {
            if let Ok(0) = build::run(&build_args, out) {
                generation.fetch_add(1, Ordering::SeqCst);
            }
        }
    };
    rebuild();
    eprintln!("fdr serve : http://127.0.0.1:{port}/ (Ctrl-C pour arrêter)");
    let page = output.join("feuille-de-route.html");
    let server_generation = generation.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            respond(stream, &page, &server_generation);
        }
    });
    watch::watch_sources(&args.dir, &output, rebuild)?;
    Ok(0)
}
