//! One schema error stops only what depends on the broken value: the list
//! item (an action, an acteur, a financing line…) or the section
//! (`gouvernance`, `territoire`…) that holds it is set aside, the rest of
//! the fragment goes on to the semantic checks. The identifiers the
//! set-aside parts defined are remembered, so that a reference to them is
//! not reported a second time as unknown.

use crate::parse::tree::{Node, Value};
use std::collections::BTreeSet;

/// Top-level keys whose value is a list of independent items.
const LISTS: &[&str] = &["acteurs", "axes", "actions", "sections", "annexes"];
/// Sections whose sub-keys are lists of independent items.
const NESTED: &[&str] = &["financements", "calendrier"];

/// Every `id` string in `node`, at any depth.
fn collect_ids(node: &Node, out: &mut BTreeSet<String>) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &n.value {
            Value::Map(entries) => {
                for (k, v) in entries {
                    if let (Some("id"), Some(id)) = (k.as_str(), v.as_str()) {
                        out.insert(id.to_string());
                    }
                    stack.push(v);
                }
            }
            Value::Seq(items) => stack.extend(items),
            _ => {}
        }
    }
}

fn entry_mut<'t>(map: &'t mut Node, key: &str) -> Option<&'t mut Node> {
    match &mut map.value {
        Value::Map(entries) => entries
            .iter_mut()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// What to set aside for an error at `pointer`: a path of map keys, then
/// possibly a list index.
fn target(pointer: &str) -> (Vec<String>, Option<usize>) {
    let parts: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect();
    let index = |i: usize| parts.get(i).and_then(|p| p.parse::<usize>().ok());
    match parts.first().map(String::as_str) {
        Some(k) if LISTS.contains(&k) && index(1).is_some() => (parts[..1].to_vec(), index(1)),
        Some(k) if NESTED.contains(&k) && parts.len() > 2 && index(2).is_some() => {
            (parts[..2].to_vec(), index(2))
        }
        Some(_) => (parts[..1].to_vec(), None),
        None => (Vec::new(), None),
    }
}

/// Set aside the parts of `root` where the schema failed (JSON pointers);
/// the identifiers they defined.
pub fn prune(root: &mut Node, pointers: &[String]) -> BTreeSet<String> {
    let mut items: BTreeSet<(Vec<String>, Option<usize>)> = BTreeSet::new();
    for p in pointers {
        items.insert(target(p));
    }
    let mut ids = BTreeSet::new();
    // Highest indexes first, so earlier removals do not shift later ones.
    for (path, index) in items.into_iter().rev() {
        let Some((last, parents)) = path.split_last() else {
            if let Value::Map(entries) = &mut root.value {
                // An error at the root is an unknown key: set aside alone.
                let known = super::schema::root_keys();
                entries.retain(|(k, _)| k.as_str().is_some_and(|k| known.contains(&k)));
            }
            continue;
        };
        let mut node = Some(&mut *root);
        for key in parents {
            node = node.and_then(|n| entry_mut(n, key));
        }
        let Some(parent) = node else { continue };
        match index {
            Some(i) => {
                if let Some(Value::Seq(list)) = entry_mut(parent, last).map(|n| &mut n.value)
                    && i < list.len()
                {
                    collect_ids(&list.remove(i), &mut ids);
                }
            }
            None => {
                if let Value::Map(entries) = &mut parent.value
                    && let Some(pos) = entries.iter().position(|(k, _)| k.as_str() == Some(last))
                {
                    collect_ids(&entries.remove(pos).1, &mut ids);
                }
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_the_item_or_the_section() {
        assert_eq!(
            target("/actions/3/statut"),
            (vec!["actions".into()], Some(3))
        );
        assert_eq!(
            target("/financements/lignes/0/montant"),
            (vec!["financements".into(), "lignes".into()], Some(0))
        );
        assert_eq!(
            target("/gouvernance/instances/1"),
            (vec!["gouvernance".into()], None)
        );
        assert_eq!(target(""), (vec![], None));
    }
}
