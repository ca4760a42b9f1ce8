//! The small HTTP/1.1 server of `fdr serve`: a thread per connection (at
//! most [`MAX_CONNECTIONS`] at once), read and write timeouts, a bounded
//! request head, GET and HEAD only, and only for the Host it was started
//! with (a defence against DNS rebinding). Every response closes its
//! connection. What is served is decided by a [`Route`] on the path alone.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Connections handled at once; beyond, a connection gets 503 at once.
pub const MAX_CONNECTIONS: usize = 32;
/// Longest wait for one read or one write on a connection.
pub const IO_TIMEOUT: Duration = Duration::from_secs(5);
/// Longest time to receive a whole request head.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Largest request head (request line and headers).
pub const MAX_HEAD: usize = 8 * 1024;

/// What a route answers: status line, content type and body.
pub struct Response {
    pub status: &'static str,
    pub kind: &'static str,
    pub body: Arc<[u8]>,
}

impl Response {
    pub fn text(status: &'static str, text: &str) -> Self {
        Response {
            status,
            kind: "text/plain; charset=utf-8",
            body: Arc::from(text.as_bytes()),
        }
    }
}

/// Maps a request path (query string removed) to its response.
pub type Route = Arc<dyn Fn(&str) -> Response + Send + Sync>;

/// Lowers the connection count when a connection thread ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Accept connections on `listener` forever, each in its own thread.
pub fn serve(listener: TcpListener, port: u16, route: Route) {
    let active = Arc::new(AtomicUsize::new(0));
    let hosts: Arc<[String]> =
        Arc::from([format!("127.0.0.1:{port}"), format!("localhost:{port}")]);
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file descriptors, for instance: let connections end.
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            let slot = Slot(active.clone());
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let busy = Response::text("503 Service Unavailable", "trop de connexions\n");
            send(&stream, &busy, false, &[]);
            drop(slot);
            continue;
        }
        let slot = Slot(active.clone());
        let (route, hosts) = (route.clone(), hosts.clone());
        // If the thread cannot start, the closure (and the slot) is dropped.
        let _ = std::thread::Builder::new()
            .name("fdr-serve-connexion".into())
            .spawn(move || {
                let _slot = slot;
                handle(stream, &hosts, &*route);
            });
    }
}

/// Why a request head could not be read.
enum HeadError {
    /// Closed, timed out or broken: nothing to answer.
    Gone,
    /// Larger than [`MAX_HEAD`]; `line` when the request line alone is.
    TooLarge { line: bool },
}

/// Read the request head, up to the blank line, within the size and time
/// limits.
fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, HeadError> {
    let started = Instant::now();
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        if let Some(end) = find(&head, b"\r\n\r\n") {
            head.truncate(end);
            return Ok(head);
        }
        if let Some(end) = find(&head, b"\n\n") {
            head.truncate(end);
            return Ok(head);
        }
        if head.len() >= MAX_HEAD {
            let line = !head.contains(&b'\n');
            return Err(HeadError::TooLarge { line });
        }
        if started.elapsed() > HEAD_DEADLINE {
            return Err(HeadError::Gone);
        }
        let room = (MAX_HEAD - head.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) | Err(_) => return Err(HeadError::Gone),
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A request that passed the checks: its method and path.
struct Request {
    head_only: bool,
    path: String,
}

/// Check the request head: its syntax, its Host, its method.
fn parse(head: &[u8], hosts: &[String]) -> Result<Request, Response> {
    let bad = || Response::text("400 Bad Request", "requête invalide\n");
    let text = std::str::from_utf8(head).map_err(|_| bad())?;
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    let mut parts = lines.next().unwrap_or("").split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(bad());
    }
    let host_values: Vec<&str> = lines
        .filter_map(|l| l.split_once(':'))
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim())
        .collect();
    let host_ok = matches!(host_values.as_slice(), [host] if hosts.iter().any(|h| h.eq_ignore_ascii_case(host)));
    if !host_ok {
        return Err(Response::text(
            "421 Misdirected Request",
            "hôte refusé : fdr serve ne répond qu'à l'adresse qu'il a affichée\n",
        ));
    }
    if method != "GET" && method != "HEAD" {
        return Err(Response::text(
            "405 Method Not Allowed",
            "méthode non permise : GET ou HEAD seulement\n",
        ));
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    Ok(Request {
        head_only: method == "HEAD",
        path: path.to_string(),
    })
}

fn handle(mut stream: TcpStream, hosts: &[String], route: &(dyn Fn(&str) -> Response + Sync)) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let (response, head_only) = match read_head(&mut stream) {
        Err(HeadError::Gone) => return,
        Err(HeadError::TooLarge { line: true }) => (
            Response::text("414 URI Too Long", "ligne de requête trop longue\n"),
            false,
        ),
        Err(HeadError::TooLarge { line: false }) => (
            Response::text(
                "431 Request Header Fields Too Large",
                "en-têtes trop longs\n",
            ),
            false,
        ),
        Ok(head) => match parse(&head, hosts) {
            Ok(req) => (route(&req.path), req.head_only),
            Err(refused) => (refused, false),
        },
    };
    let allow: &[&str] = if response.status.starts_with("405") {
        &["Allow: GET, HEAD"]
    } else {
        &[]
    };
    send(&stream, &response, head_only, allow);
    // Let the client read the response before the connection closes: read
    // (and drop) a bounded amount of what it may still be sending.
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 4096];
    for _ in 0..16 {
        if matches!(stream.read(&mut sink), Ok(0) | Err(_)) {
            break;
        }
    }
}

/// Write the response; its body unless `head_only`.
fn send(mut stream: &TcpStream, r: &Response, head_only: bool, extra: &[&str]) {
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n",
        r.status,
        r.kind,
        r.body.len()
    );
    for line in extra {
        head.push_str(line);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    if !head_only {
        let _ = stream.write_all(&r.body);
    }
    let _ = stream.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(head: &str) -> &'static str {
        let hosts = ["127.0.0.1:8013".to_string(), "localhost:8013".to_string()];
        match parse(head.as_bytes(), &hosts) {
            Ok(_) => "ok",
            Err(r) => r.status,
        }
    }

    #[test]
    fn requests_are_checked_host_first() {
        assert_eq!(status("GET / HTTP/1.1\r\nHost: 127.0.0.1:8013"), "ok");
        assert_eq!(status("HEAD /?x HTTP/1.1\r\nhost:LOCALHOST:8013"), "ok");
        assert_eq!(
            status("POST / HTTP/1.1\r\nHost: evil.example"),
            "421 Misdirected Request"
        );
        assert_eq!(
            status("POST / HTTP/1.1\r\nHost: 127.0.0.1:8013"),
            "405 Method Not Allowed"
        );
        assert_eq!(
            status("GET http://x/ HTTP/1.1\r\nHost: 127.0.0.1:8013"),
            "400 Bad Request"
        );
        assert_eq!(
            status("GET / HTTP/2\r\nHost: 127.0.0.1:8013"),
            "400 Bad Request"
        );
        assert_eq!(
            status("GET /  HTTP/1.1\r\nHost: 127.0.0.1:8013"),
            "400 Bad Request"
        );
    }
}
