//! The region tree: provinces, their cities and districts, with how many documents each has.

use crate::model::{Document, Place, RegionNode};

pub(super) fn region_tree(documents: &[Document]) -> Vec<RegionNode> {
    let node = |p: &Place, level: u8| RegionNode {
        code: p.code.clone(),
        name: p.name.clone(),
        short: p.short.clone(),
        level,
        doc_count: 0,
        children: vec![],
    };
    let mut roots: Vec<RegionNode> = Vec::new();
    for d in documents {
        let Some(p) = &d.province else { continue };
        let pi = match roots.iter().position(|r| r.code == p.code) {
            Some(i) => i,
            None => {
                roots.push(node(p, 1));
                roots.len() - 1
            }
        };
        roots[pi].doc_count += 1;
        if let Some(c) = &d.city {
            let prov = &mut roots[pi];
            let ci = match prov.children.iter().position(|r| r.code == c.code) {
                Some(i) => i,
                None => {
                    prov.children.push(node(c, 2));
                    prov.children.len() - 1
                }
            };
            prov.children[ci].doc_count += 1;
            if let Some(x) = &d.district {
                let city = &mut prov.children[ci];
                match city.children.iter().position(|r| r.code == x.code) {
                    Some(i) => city.children[i].doc_count += 1,
                    None => {
                        let mut n = node(x, 3);
                        n.doc_count = 1;
                        city.children.push(n);
                    }
                }
            }
        }
    }
    fn sort(nodes: &mut [RegionNode]) {
        nodes.sort_by(|a, b| a.code.cmp(&b.code));
        for n in nodes {
            sort(&mut n.children);
        }
    }
    sort(&mut roots);
    roots
}
