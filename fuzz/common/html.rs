//! Checks on produced HTML, shared by the fuzz targets and
//! `tests/fuzz_regressions.rs` (through `#[path]`).

/// Decode the character references an attribute value may hold.
pub fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest.find(';') else {
            break;
        };
        let ent = &rest[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "colon" => Some(':'),
            "Tab" => Some('\t'),
            "NewLine" => Some('\n'),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An `href` or `src` value must not run code once decoded.
pub fn check_url(value: &str, html: &str) {
    // Browsers drop ASCII whitespace and controls inside the scheme.
    let url: String = unescape(value)
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    for scheme in ["javascript:", "vbscript:", "data:text/html"] {
        assert!(
            !url.starts_with(scheme),
            "{scheme} URL {value:?} in the HTML: {}",
            excerpt(html, value)
        );
    }
}

fn excerpt<'a>(html: &'a str, needle: &str) -> &'a str {
    if html.len() < 4000 {
        return html;
    }
    let at = html.find(needle).unwrap_or(0);
    let mut start = at.saturating_sub(300);
    while !html.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + needle.len() + 300).min(html.len());
    while !html.is_char_boundary(end) {
        end += 1;
    }
    &html[start..end]
}

/// A tag: its name and its attributes with their raw (escaped) values.
pub type Tag<'a> = (&'a str, Vec<(&'a str, Option<&'a str>)>);

/// Every tag of `html`: (name, [(attribute, raw value)]). Panics on a tag
/// or a quoted value left open. Comments are skipped; `<style>` content is
/// CSS and holds no `<`.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            let end = html[i..]
                .find("-->")
                .unwrap_or_else(|| panic!("unclosed comment in the HTML"));
            i += end + 3;
            continue;
        }
        if html[i..].starts_with("<!") {
            // <!DOCTYPE html>
            i += html[i..].find('>').expect("unclosed <!…>") + 1;
            continue;
        }
        let mut j = i + 1;
        if b.get(j) == Some(&b'/') {
            j += 1;
        }
        let start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        let name = &html[start..j];
        let mut attrs = Vec::new();
        loop {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                Some(b'>') => {
                    j += 1;
                    break;
                }
                Some(b'/') if b.get(j + 1) == Some(&b'>') => {
                    j += 2;
                    break;
                }
                Some(_) => {}
                None => panic!("unclosed tag <{name}> in the HTML: {}", excerpt(html, name)),
            }
            let an = j;
            while j < b.len() && !b" \t\n\r=>/".contains(&b[j]) {
                j += 1;
            }
            let attr = &html[an..j];
            assert!(
                !attr.is_empty(),
                "junk in <{name}>: {}",
                excerpt(html, name)
            );
            let mut value = None;
            if b.get(j) == Some(&b'=') {
                let q = b.get(j + 1).copied();
                assert!(
                    q == Some(b'"') || q == Some(b'\''),
                    "unquoted {attr} on <{name}>: {}",
                    excerpt(html, attr)
                );
                let vs = j + 2;
                let len = html[vs..]
                    .find(q.unwrap() as char)
                    .unwrap_or_else(|| panic!("unclosed {attr} value on <{name}>"));
                value = Some(&html[vs..vs + len]);
                j = vs + len + 1;
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
        i = j;
    }
    out
}

/// A whole page of `fdr build --format html`: no script, no event handler,
/// no `javascript:` link, whatever the sources hold.
pub fn check_page(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(
        !lower.contains("<script"),
        "<script in the page: {}",
        excerpt(html, "<script")
    );
    for (name, attrs) in tags(html) {
        let lname = name.to_ascii_lowercase();
        assert!(
            !matches!(
                lname.as_str(),
                "script" | "iframe" | "object" | "embed" | "base" | "form" | "foreignobject"
            ),
            "<{name}> in the page: {}",
            excerpt(html, name)
        );
        for (attr, value) in attrs {
            let lattr = attr.to_ascii_lowercase();
            assert!(
                !lattr.starts_with("on"),
                "event handler {attr} on <{name}>: {}",
                excerpt(html, attr)
            );
            if let Some(v) = value
                && matches!(lattr.as_str(), "href" | "src" | "xlink:href" | "action")
            {
                check_url(v, html);
            }
        }
    }
}
