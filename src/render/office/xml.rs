//! A small XML writer: element and attribute names come from the code,
//! every text and attribute value is escaped, and characters XML 1.0 cannot
//! hold are dropped, so that user text never becomes markup.

pub struct Xml {
    out: String,
}

use crate::render::templates::escape_xml as escape;

impl Xml {
    /// A document with its XML declaration.
    pub fn new() -> Self {
        Self {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"),
        }
    }

    /// A fragment, without declaration, to be added to a document.
    pub fn fragment() -> Self {
        Self { out: String::new() }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape(v, &mut self.out);
            self.out.push('"');
        }
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.out.push('>');
        self
    }

    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.out.push_str("/>");
        self
    }

    pub fn close(&mut self, name: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    pub fn text(&mut self, s: &str) -> &mut Self {
        escape(s, &mut self.out);
        self
    }

    /// `<name attrs>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(name, attrs).text(text).close(name)
    }

    /// Markup written by the code itself (constant style definitions).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    pub fn finish(self) -> Vec<u8> {
        self.out.into_bytes()
    }

    pub fn into_string(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_never_becomes_markup() {
        let mut x = Xml::new();
        x.open("p", &[("title", "a\"b<c>&d")])
            .text("</p><script>\u{1}\u{FFFF}é")
            .close("p");
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(s.ends_with("<p title=\"a&quot;b&lt;c&gt;&amp;d\">&lt;/p&gt;&lt;script&gt;é</p>"));
    }
}
