//! YAML front matter of Jekyll/Hexo posts. Invalid YAML is reported and read line by line,
//! so a broken header never costs the document.

use yaml_rust2::{Yaml, YamlLoader};

#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    pub front: Option<FrontMatter>,
    pub body: &'a str,
    pub warnings: Vec<String>,
}

/// Splits `---\n…\n---` off the start of a document (leading blank lines allowed).
pub fn split(text: &str) -> Split<'_> {
    let trimmed = text.trim_start_matches(['\n', ' ', '\t', '\u{feff}']);
    let Some(rest) = trimmed.strip_prefix("---") else {
        return Split {
            front: None,
            body: text,
            warnings: vec![],
        };
    };
    if !rest.starts_with('\n') && !rest.trim_start_matches([' ', '\t']).starts_with('\n') {
        return Split {
            front: None,
            body: text,
            warnings: vec![],
        };
    }
    let rest = rest
        .trim_start_matches([' ', '\t'])
        .strip_prefix('\n')
        .unwrap_or(rest);
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            let header = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let (front, warnings) = parse(header);
            return Split {
                front: Some(front),
                body,
                warnings,
            };
        }
        offset += line.len();
    }
    // Unterminated: read what looks like `key: value` at the top, keep the rest as body.
    let mut header_end = 0;
    for line in rest.split_inclusive('\n') {
        if looks_like_key_value(line) || line.trim().is_empty() && header_end == 0 {
            header_end += line.len();
        } else {
            break;
        }
    }
    let (front, _) = parse_lines(&rest[..header_end]);
    Split {
        front: Some(front),
        body: &rest[header_end..],
        warnings: vec![
            "front matter is not closed by a `---` line; read it line by line".to_string(),
        ],
    }
}

fn looks_like_key_value(line: &str) -> bool {
    let l = line.trim_start();
    if l.starts_with("- ") {
        return true;
    }
    match l.split_once(':') {
        Some((k, _)) => {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        }
        None => false,
    }
}

fn parse(header: &str) -> (FrontMatter, Vec<String>) {
    match YamlLoader::load_from_str(header) {
        Ok(docs) => match docs.into_iter().next() {
            Some(Yaml::Hash(map)) => {
                let get = |k: &str| map.get(&Yaml::String(k.to_string()));
                let fm = FrontMatter {
                    title: get("title").and_then(scalar),
                    date: get("date").and_then(scalar),
                    categories: get("categories")
                        .or_else(|| get("category"))
                        .map(list)
                        .unwrap_or_default(),
                    tags: get("tags")
                        .or_else(|| get("tag"))
                        .map(list)
                        .unwrap_or_default(),
                    author: get("author").and_then(scalar),
                    url: ["url", "link", "source_url", "original", "original_url"]
                        .iter()
                        .find_map(|k| get(k).and_then(scalar))
                        .filter(|u| u.starts_with("http")),
                };
                (fm, vec![])
            }
            Some(Yaml::Null) | None => (FrontMatter::default(), vec![]),
            Some(_) => {
                let (fm, _) = parse_lines(header);
                (
                    fm,
                    vec!["front matter is not a YAML mapping; read it line by line".to_string()],
                )
            }
        },
        Err(e) => {
            let (fm, _) = parse_lines(header);
            (
                fm,
                vec![format!(
                    "invalid YAML front matter ({e}); read it line by line"
                )],
            )
        }
    }
}

fn scalar(y: &Yaml) -> Option<String> {
    let s = match y {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Array(a) => a.iter().filter_map(scalar).next()?,
        _ => return None,
    };
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn list(y: &Yaml) -> Vec<String> {
    match y {
        Yaml::Array(a) => a.iter().filter_map(scalar).collect(),
        other => scalar(other)
            .map(|s| {
                s.split([',', '，', ' '])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Fallback reader for broken YAML: `key: value` lines and `- item` list lines.
fn parse_lines(header: &str) -> (FrontMatter, Vec<String>) {
    let mut fm = FrontMatter::default();
    let mut current: Option<String> = None;
    for line in header.lines() {
        let t = line.trim();
        if let Some(item) = t.strip_prefix("- ") {
            let item = unquote(item);
            match current.as_deref() {
                Some("categories") => fm.categories.push(item),
                Some("tags") => fm.tags.push(item),
                _ => {}
            }
            continue;
        }
        let Some((k, v)) = t.split_once(':') else {
            continue;
        };
        let key = k.trim().to_ascii_lowercase();
        let v = unquote(v.trim());
        current = Some(key.clone());
        if v.is_empty() {
            continue;
        }
        match key.as_str() {
            "title" => fm.title = Some(v),
            "date" => fm.date = Some(v),
            "categories" | "category" => fm.categories.push(v),
            "tags" | "tag" => fm.tags.push(v),
            "author" => fm.author = Some(v),
            "url" | "link" | "source_url" if v.starts_with("http") => fm.url = Some(v),
            _ => {}
        }
    }
    (fm, vec![])
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix(['"', '\'']).unwrap_or(s);
    let s = s.strip_suffix(['"', '\'']).unwrap_or(s);
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_header() {
        let s = split("---\nlayout: post\ntitle: \"标题\"\ndate: 2022-06-14 16:03:06 +0800\ncategories: jingjicankaowang\ntags: 经济参考网新闻\n---\n<p>正文</p>");
        let fm = s.front.unwrap();
        assert_eq!(fm.title.as_deref(), Some("标题"));
        assert_eq!(fm.date.as_deref(), Some("2022-06-14 16:03:06 +0800"));
        assert_eq!(fm.categories, vec!["jingjicankaowang"]);
        assert_eq!(fm.tags, vec!["经济参考网新闻"]);
        assert_eq!(s.body, "<p>正文</p>");
        assert!(s.warnings.is_empty());
    }

    #[test]
    fn hexo_header_with_list_and_leading_blank_line() {
        let s = split("\n---\ntitle: '聚焦_急难愁盼_'\ncategories: \n - 金融\n - 每经网\nauthor: 每经网\ndate: Invalid Date\n---\n\n<div>x</div>");
        let fm = s.front.unwrap();
        assert_eq!(fm.categories, vec!["金融", "每经网"]);
        assert_eq!(fm.date.as_deref(), Some("Invalid Date"));
        assert_eq!(fm.author.as_deref(), Some("每经网"));
    }

    #[test]
    fn invalid_and_unterminated() {
        let s = split("---\ntitle: [unclosed\ndate: 2022-01-02\n---\n正文");
        assert_eq!(
            s.front.as_ref().unwrap().date.as_deref(),
            Some("2022-01-02")
        );
        assert!(s.warnings[0].contains("invalid YAML"));
        let s = split("---\ntitle: 没有结束\ndate: 2021-01-01\n正文第一段。\n");
        assert_eq!(s.front.as_ref().unwrap().title.as_deref(), Some("没有结束"));
        assert_eq!(s.body, "正文第一段。\n");
        assert!(s.warnings[0].contains("not closed"));
    }

    #[test]
    fn no_front_matter() {
        let s = split("标题\n正文");
        assert!(s.front.is_none());
        assert_eq!(s.body, "标题\n正文");
    }
}
