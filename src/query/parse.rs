//! The search box's language. Every term is an exact substring, folded like the texts
//! (traditional → simplified, fullwidth → ASCII, lowercase):
//!
//! | written | means |
//! |---|---|
//! | `办税 大厅` | both (terms separated by spaces, also the ideographic space, combine with AND) |
//! | `春风行动 \| 税银互动` | either (`\|` or `｜`, with or without spaces around it) |
//! | `-放管服` | not (`-` or `－` before a term; a negated term stands alone, never in an OR) |
//! | `"自助 办税"` or `“自助 办税”` | one term, spaces included |
//!
//! Parsing never fails: an unclosed quotation runs to the end, a lone `-` or `|` is ignored.

use corpus::pack::fold::fold;

/// At most this many terms are kept: each costs a search.
pub const MAX_TERMS: usize = 12;

/// A parsed query: groups that must all hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Distinct folded terms; groups refer to them by position.
    pub terms: Vec<String>,
    pub groups: Vec<Group>,
}

/// Terms of which one must occur (or, negated, none may).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub any: Vec<usize>,
    pub negated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Term { text: String, negated: bool },
    Or,
}

fn is_quote_open(c: char) -> bool {
    matches!(c, '"' | '“' | '＂')
}

fn is_quote_close(c: char) -> bool {
    matches!(c, '"' | '”' | '＂')
}

fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '|' || c == '｜' {
            chars.next();
            out.push(Token::Or);
            continue;
        }
        let mut negated = false;
        if c == '-' || c == '－' {
            chars.next();
            match chars.peek() {
                Some(&n) if !n.is_whitespace() && n != '|' && n != '｜' => negated = true,
                _ => continue,
            }
        }
        let mut text = String::new();
        if chars.peek().copied().is_some_and(is_quote_open) {
            chars.next();
            for c in chars.by_ref() {
                if is_quote_close(c) {
                    break;
                }
                text.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '|' || c == '｜' || is_quote_open(c) {
                    break;
                }
                text.push(c);
                chars.next();
            }
        }
        let text = fold(text.trim());
        if !text.is_empty() {
            out.push(Token::Term { text, negated });
        }
    }
    out
}

/// Parses the search box's text.
pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    let mut or_pending = false;
    for t in tokens(input) {
        match t {
            Token::Or => or_pending = true,
            Token::Term { text, negated } => {
                let k = match q.terms.iter().position(|x| *x == text) {
                    Some(k) => k,
                    None if q.terms.len() < MAX_TERMS => {
                        q.terms.push(text);
                        q.terms.len() - 1
                    }
                    None => continue,
                };
                let joins = or_pending && !negated && q.groups.last().is_some_and(|g| !g.negated);
                or_pending = false;
                if joins {
                    let g = q.groups.last_mut().expect("checked");
                    if !g.any.contains(&k) {
                        g.any.push(k);
                    }
                } else {
                    q.groups.push(Group {
                        any: vec![k],
                        negated,
                    });
                }
            }
        }
    }
    q
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether some group must hold (a query of exclusions alone starts from everything).
    pub fn has_positive(&self) -> bool {
        self.groups.iter().any(|g| !g.negated)
    }

    /// Terms that are looked for, not excluded (what a reader highlights).
    pub fn positive_terms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for g in self.groups.iter().filter(|g| !g.negated) {
            for &k in &g.any {
                if !out.contains(&self.terms[k].as_str()) {
                    out.push(&self.terms[k]);
                }
            }
        }
        out
    }

    /// Whether the query holds, given which terms occur (`hit[k]` for `terms[k]`).
    pub fn eval(&self, hit: &[bool]) -> bool {
        self.groups.iter().all(|g| {
            let any = g.any.iter().any(|&k| hit.get(k).copied().unwrap_or(false));
            any != g.negated
        })
    }

    /// The query written back (terms folded, one space between groups): what the chips show
    /// and what is left when a chip is removed.
    pub fn to_text(&self) -> String {
        self.groups
            .iter()
            .map(|g| self.group_text(g))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn group_text(&self, g: &Group) -> String {
        let terms: Vec<String> = g.any.iter().map(|&k| quote(&self.terms[k])).collect();
        format!("{}{}", if g.negated { "-" } else { "" }, terms.join(" | "))
    }

    /// One chip per group: its text, and the query without it.
    pub fn chips(&self) -> Vec<Chip> {
        (0..self.groups.len())
            .map(|k| {
                let g = &self.groups[k];
                let rest = Query {
                    terms: self.terms.clone(),
                    groups: (self.groups.iter().enumerate())
                        .filter(|&(j, _)| j != k)
                        .map(|(_, g)| g.clone())
                        .collect(),
                };
                Chip {
                    terms: g.any.iter().map(|&t| self.terms[t].clone()).collect(),
                    negated: g.negated,
                    without: rest.to_text(),
                }
            })
            .collect()
    }
}

/// A group as the chips show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub terms: Vec<String>,
    pub negated: bool,
    /// The query text with this group removed.
    pub without: String,
}

/// A term as it must be written to parse back to itself.
fn quote(t: &str) -> String {
    let special = t.chars().any(|c| {
        c.is_whitespace() || c == '|' || c == '｜' || is_quote_open(c) || is_quote_close(c)
    }) || t.starts_with(['-', '－']);
    if special {
        format!("\"{}\"", t.replace('"', ""))
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(q: &str) -> Vec<(Vec<&'static str>, bool)> {
        let p = parse(q);
        p.groups
            .iter()
            .map(|g| {
                let terms = g
                    .any
                    .iter()
                    .map(|&k| &*Box::leak(p.terms[k].clone().into_boxed_str()))
                    .collect();
                (terms, g.negated)
            })
            .collect()
    }

    #[test]
    fn and_or_not_and_phrases() {
        assert_eq!(
            groups("办税 大厅"),
            vec![(vec!["办税"], false), (vec!["大厅"], false)]
        );
        assert_eq!(
            groups("春风行动|税银互动 -放管服"),
            vec![
                (vec!["春风行动", "税银互动"], false),
                (vec!["放管服"], true)
            ]
        );
        assert_eq!(
            groups("春风行动 ｜ 税银互动　纳税人"),
            vec![
                (vec!["春风行动", "税银互动"], false),
                (vec!["纳税人"], false)
            ]
        );
        assert_eq!(groups("\"自助 办税\""), vec![(vec!["自助 办税"], false)]);
        assert_eq!(
            groups("“自助 办税” 厅"),
            vec![(vec!["自助 办税"], false), (vec!["厅"], false)]
        );
        // Folded like the texts.
        assert_eq!(groups("納稅Ｅ"), vec![(vec!["纳税e"], false)]);
        // A hyphen inside a term is part of it.
        assert_eq!(groups("12366-2"), vec![(vec!["12366-2"], false)]);
    }

    #[test]
    fn never_fails() {
        for q in [
            "", " ", "-", "|", "| a", "a |", "\"", "\"a b", "- a", "-|a", "a | -b", "－",
        ] {
            let p = parse(q);
            let _ = p.to_text();
            assert!(p.groups.iter().all(|g| !g.any.is_empty()), "{q}");
        }
        assert_eq!(
            groups("a | -b"),
            vec![(vec!["a"], false), (vec!["b"], true)]
        );
        assert_eq!(groups("\"a b"), vec![(vec!["a b"], false)]);
    }

    #[test]
    fn written_back_parses_to_itself() {
        for q in ["办税 大厅", "a|b -c \"d e\"", "“x | y” z", "-\"-a\""] {
            let p = parse(q);
            assert_eq!(parse(&p.to_text()), p, "{q} → {}", p.to_text());
        }
    }

    #[test]
    fn evaluation_and_chips() {
        let p = parse("a|b c -d");
        let at = |a, b, c, d| p.eval(&[a, b, c, d]);
        assert!(at(true, false, true, false));
        assert!(at(false, true, true, false));
        assert!(!at(true, true, false, false));
        assert!(!at(true, false, true, true));
        let chips = p.chips();
        assert_eq!(chips.len(), 3);
        assert_eq!(chips[0].without, "c -d");
        assert!(chips[2].negated);
        assert!(!parse("-d").has_positive());
        assert_eq!(p.positive_terms(), vec!["a", "b", "c"]);
    }
}
