//! `fdr serve` and `fdr watch`, run as real processes: the HTTP server on
//! 127.0.0.1 (Host check, methods, limits, concurrency, the page served
//! from memory, diagnostics in the page) and the watcher (no rebuild loop,
//! directory links not followed).
//!
//! Every child is killed when its guard drops; every wait is bounded.

mod common;

use common::{ROOT, sandbox};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Longest wait for a build (first or rebuild) to be reported.
const BUILD_WAIT: Duration = Duration::from_secs(30);
/// Longest wait for an answer of the server.
const ANSWER_WAIT: Duration = Duration::from_secs(2);

/// A running `fdr serve` or `fdr watch`, killed on drop, its stderr
/// collected by a thread.
struct Running {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    fn start(cwd: &Path, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fdr"))
            .args(args)
            .current_dir(cwd)
            .env("TERM", "dumb")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("fdr should start");
        let stderr = Arc::new(Mutex::new(String::new()));
        let pipe = child.stderr.take().expect("stderr is piped");
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                let mut all = sink.lock().unwrap();
                all.push_str(&line);
                all.push('\n');
            }
        });
        Running { child, stderr }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn count(&self, text: &str) -> usize {
        self.stderr().matches(text).count()
    }

    /// Wait until stderr holds `n` times `text`; fail after `limit`.
    fn wait_for(&mut self, text: &str, n: usize, limit: Duration) {
        let start = Instant::now();
        while self.count(text) < n {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("fdr ended ({status}) before « {text} »:\n{}", self.stderr());
            }
            assert!(
                start.elapsed() < limit,
                "« {text} » × {n} not seen after {limit:?}:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// `fdr serve DIR --port 0` in `cwd`, once it printed its address.
fn serve(cwd: &Path, dir: &str, extra: &[&str]) -> (Running, u16) {
    let mut args = vec!["serve", dir, "--port", "0"];
    args.extend_from_slice(extra);
    let mut server = Running::start(cwd, &args);
    server.wait_for("http://127.0.0.1:", 1, BUILD_WAIT);
    let err = server.stderr();
    let port = err
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in:\n{err}"));
    (server, port)
}

fn connect(port: u16) -> TcpStream {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let stream = TcpStream::connect_timeout(&addr, ANSWER_WAIT).expect("connect");
    stream.set_read_timeout(Some(ANSWER_WAIT)).unwrap();
    stream.set_write_timeout(Some(ANSWER_WAIT)).unwrap();
    stream
}

/// An answer: status code, header block, body.
struct Answer {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn parse_answer(raw: &[u8]) -> Answer {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let headers = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = headers
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {headers}"));
    Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// Send `raw` as is and read the whole answer (the server closes).
fn exchange(port: u16, raw: &str) -> Answer {
    let mut stream = connect(port);
    stream.write_all(raw.as_bytes()).expect("send the request");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read the answer");
    parse_answer(&answer)
}

fn request(port: u16, method: &str, path: &str) -> Answer {
    exchange(
        port,
        &format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"),
    )
}

fn generation(port: u16) -> u64 {
    let answer = request(port, "GET", "/__generation");
    assert_eq!(answer.status, 200);
    answer.text().trim().parse().expect("a number")
}

/// Wait until the build generation is above `above`; fail after a while.
fn wait_generation(port: u16, above: u64) -> u64 {
    let start = Instant::now();
    loop {
        let now = generation(port);
        if now > above {
            return now;
        }
        assert!(
            start.elapsed() < BUILD_WAIT,
            "no rebuild after {BUILD_WAIT:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Peak resident memory of a process, in KiB (Linux).
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

/// A broken fragment: YAML that does not parse, with markup in it.
const BROKEN: &str = "territoire: [<b>gras</b>\n";

#[test]
fn only_the_printed_host_is_answered() {
    let tmp = sandbox("valide");
    let (_server, port) = serve(tmp.path(), ROOT, &[]);
    let get = |host: &str| exchange(port, &format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n"));
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "127.0.0.1".to_string(),
        format!("127.0.0.2:{port}"),
    ] {
        let answer = get(&host);
        assert_eq!(answer.status, 421, "Host: {host}");
        assert!(!answer.text().contains("<html"), "Host: {host}");
    }
    let no_host = exchange(port, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(no_host.status, 421);
    let two_hosts = exchange(
        port,
        &format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n"),
    );
    assert_eq!(two_hosts.status, 421);
    assert_eq!(get(&format!("127.0.0.1:{port}")).status, 200);
    assert_eq!(get(&format!("localhost:{port}")).status, 200);
    assert_eq!(get(&format!("LocalHost:{port}")).status, 200);
}

#[test]
fn an_output_linked_to_a_private_file_is_never_served() {
    let tmp = sandbox("valide");
    let root = tmp.path().join(ROOT);
    let secret = tmp.path().join("id_rsa");
    std::fs::write(&secret, "-----BEGIN OPENSSH PRIVATE KEY----- SECRET\n").unwrap();
    std::fs::create_dir(root.join("build")).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("build/feuille-de-route.html")).unwrap();
    // The build fails, so the link stays in place.
    std::fs::write(root.join("territoire.yaml"), BROKEN).unwrap();
    let (_server, port) = serve(tmp.path(), ROOT, &[]);
    for path in [
        "/",
        "/index.html",
        "/feuille-de-route.html",
        "/build/feuille-de-route.html",
    ] {
        let answer = request(port, "GET", path);
        assert!(
            !answer.text().contains("SECRET"),
            "{path}: {}",
            answer.text()
        );
    }
    // The very first build failed: 503 and a page with the diagnostics.
    let page = request(port, "GET", "/");
    assert_eq!(page.status, 503);
    assert!(
        page.text().contains("ne se construit pas"),
        "{}",
        page.text()
    );
    assert!(page.text().contains("territoire.yaml"), "{}", page.text());
    assert!(page.text().contains("/__generation"), "reload script");
    assert!(!page.text().contains("<b>gras"), "escaped: {}", page.text());
}

#[test]
fn an_idle_connection_does_not_block_others() {
    let tmp = sandbox("valide");
    let (_server, port) = serve(tmp.path(), ROOT, &[]);
    let _idle = connect(port);
    let mut half = connect(port);
    half.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    let start = Instant::now();
    let answer = request(port, "GET", "/");
    assert_eq!(answer.status, 200);
    assert!(start.elapsed() < ANSWER_WAIT, "{:?}", start.elapsed());
}

#[test]
fn connections_beyond_the_cap_are_answered_at_once() {
    let tmp = sandbox("valide");
    let (_server, port) = serve(tmp.path(), ROOT, &[]);
    let idle: Vec<TcpStream> = (0..40).map(|_| connect(port)).collect();
    let start = Instant::now();
    let mut answer = Vec::new();
    connect(port).read_to_end(&mut answer).expect("an answer");
    assert!(start.elapsed() < ANSWER_WAIT);
    assert_eq!(parse_answer(&answer).status, 503);
    drop(idle);
    // Closed connections free their slots.
    let start = Instant::now();
    while request(port, "GET", "/").status != 200 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "slots never freed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn head_has_the_length_but_no_body() {
    let tmp = sandbox("valide");
    let (_server, port) = serve(tmp.path(), ROOT, &[]);
    let get = request(port, "GET", "/");
    let head = request(port, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "{} bytes", head.body.len());
    let length = format!("Content-Length: {}", get.body.len());
    assert!(head.headers.contains(&length), "{}", head.headers);
}

#[test]
fn other_methods_get_405() {
    let tmp = sandbox("valide");
    let (_server, port) = serve(tmp.path(), ROOT, &[]);
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let answer = exchange(
            port,
            &format!("{method} / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\n\r\n"),
        );
        assert_eq!(answer.status, 405, "{method}");
        assert!(
            answer.headers.contains("Allow: GET, HEAD"),
            "{}",
            answer.headers
        );
        assert!(!answer.text().contains("<html"), "{method}");
    }
}

#[test]
fn query_strings_are_ignored() {
    let tmp = sandbox("valide");
    let (_server, port) = serve(tmp.path(), ROOT, &[]);
    let plain = request(port, "GET", "/");
    let query = request(port, "GET", "/?x=1&y=<script>");
    assert_eq!(query.status, 200);
    assert_eq!(query.body, plain.body);
    assert_eq!(request(port, "GET", "/__generation?t=5").status, 200);
    assert_eq!(request(port, "GET", "/ailleurs?x=1").status, 404);
}

#[test]
fn an_oversized_request_line_is_refused_in_bounded_memory() {
    let tmp = sandbox("valide");
    let (server, port) = serve(tmp.path(), ROOT, &[]);
    let before = peak_kib(server.child.id());
    let mut stream = connect(port);
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    // 64 MiB of request line, written by a thread while the answer is read.
    let sender = std::thread::spawn(move || {
        let chunk = vec![b'a'; 64 * 1024];
        let _ = writer.write_all(b"GET /");
        for _ in 0..1024 {
            if writer.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = writer.shutdown(Shutdown::Write);
    });
    let mut answer = [0u8; 64];
    let n = stream.read(&mut answer).expect("an answer before the end");
    let status = String::from_utf8_lossy(&answer[..n]).into_owned();
    assert!(status.starts_with("HTTP/1.1 414"), "{status:?}");
    drop(stream);
    sender.join().unwrap();
    let grown = peak_kib(server.child.id()).saturating_sub(before);
    assert!(grown < 16 * 1024, "peak memory grew by {grown} KiB");
    let headers = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Long: {}\r\n\r\n",
        "b".repeat(20_000)
    );
    assert_eq!(exchange(port, &headers).status, 431);
    assert_eq!(request(port, "GET", "/").status, 200);
}

#[test]
fn a_failed_rebuild_shows_its_diagnostics_until_fixed() {
    let tmp = sandbox("valide");
    let root = tmp.path().join(ROOT);
    let fragment = root.join("territoire.yaml");
    let original = std::fs::read_to_string(&fragment).unwrap();
    let (_server, port) = serve(tmp.path(), ROOT, &["--color", "always"]);
    let first = generation(port);
    let good = request(port, "GET", "/");
    assert_eq!(good.status, 200);
    assert!(!good.text().contains("fdr-erreurs"));

    std::fs::write(&fragment, BROKEN).unwrap();
    let broken_gen = wait_generation(port, first);
    let broken = request(port, "GET", "/");
    assert_eq!(broken.status, 200, "the last good page stays served");
    let text = broken.text();
    assert!(text.contains("id=\"fdr-erreurs\""), "{text}");
    assert!(text.contains("territoire.yaml"), "{text}");
    assert!(
        text.contains("&lt;b&gt;gras"),
        "diagnostics escaped: {text}"
    );
    assert!(!text.contains("<b>gras"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour codes");
    assert!(text.contains("/__generation"), "reload script");

    std::fs::write(&fragment, original).unwrap();
    wait_generation(port, broken_gen);
    let fixed = request(port, "GET", "/");
    assert_eq!(fixed.status, 200);
    assert!(!fixed.text().contains("fdr-erreurs"));
    assert_eq!(fixed.body, good.body);
}

#[test]
fn watch_does_not_rebuild_on_its_own_outputs() {
    let tmp = sandbox("valide");
    let fragment = tmp.path().join(ROOT).join("territoire.yaml");
    let original = std::fs::read_to_string(&fragment).unwrap();
    std::fs::write(&fragment, BROKEN).unwrap();
    let out = format!("{ROOT}/sortie");
    let mut watch = Running::start(
        tmp.path(),
        &["watch", ROOT, "-o", &out, "--format", "md,html"],
    );
    watch.wait_for("erreurs ci-dessus", 1, BUILD_WAIT);
    std::fs::write(&fragment, original).unwrap();
    let done = "documents à jour";
    watch.wait_for(done, 1, BUILD_WAIT);
    assert!(
        tmp.path()
            .join(&out)
            .join("feuille-de-route.html")
            .is_file()
    );
    // Writing the outputs must not count as a change of the sources.
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(watch.count(done), 1, "{}", watch.stderr());
}

#[test]
fn watch_does_not_follow_directory_links() {
    let tmp = sandbox("valide");
    let root = tmp.path().join(ROOT);
    std::os::unix::fs::symlink("/usr", root.join("usr")).unwrap();
    std::os::unix::fs::symlink("/", root.join("racine")).unwrap();
    let mut watch = Running::start(tmp.path(), &["watch", ROOT, "--format", "md,html"]);
    let done = "documents à jour";
    watch.wait_for(done, 1, BUILD_WAIT);
    let pid = watch.child.id();
    let watches: usize = std::fs::read_dir(format!("/proc/{pid}/fdinfo"))
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .map(|info| info.matches("inotify wd:").count())
        .sum();
    assert!(watches < 10, "{watches} inotify watches");
    // Still watching: an edit is rebuilt.
    let intro = root.join("textes/introduction.md");
    let mut text = std::fs::read_to_string(&intro).unwrap();
    text.push_str("\nUne phrase de plus.\n");
    std::fs::write(&intro, text).unwrap();
    watch.wait_for(done, 2, BUILD_WAIT);
}
