//! Saved views (`#/saved`): every view the user named and kept, as ordinary links, with
//! rename and delete. The list lives in localStorage ([`crate::state::saved`]).

use crate::state::saved::{SavedViews, KEY};
use crate::ui::use_env;
use gloo_storage::{LocalStorage, Storage};
use yew::prelude::*;

/// The saved views (none when storage is unavailable, e.g. in private mode, or damaged).
pub fn load() -> SavedViews {
    LocalStorage::get::<Vec<serde_json::Value>>(KEY)
        .map(SavedViews::from_values)
        .unwrap_or_default()
}

/// Stores them; false when storage is unavailable or full.
pub fn store(v: &SavedViews) -> bool {
    LocalStorage::set(KEY, &v.0).is_ok()
}

#[function_component(SavedPage)]
pub fn saved_page() -> Html {
    let env = use_env();
    let views = use_state(load);
    let editing = use_state(|| None::<(usize, String)>);
    let problem = use_state(|| None::<&'static str>);
    let update = {
        let (views, problem) = (views.clone(), problem.clone());
        let failed = env.t(
            "无法写入浏览器存储（可能处于隐私模式或空间已满）。",
            "The browser's storage cannot be written (private mode, or full).",
        );
        move |next: SavedViews| {
            problem.set((!store(&next)).then_some(failed));
            views.set(next);
        }
    };
    html! {
        <div class="single saved-page" data-testid="saved">
            <h1 id="view-title" tabindex="-1">{ env.t("已保存的视图", "Saved views") }</h1>
            <p class="muted">{ env.t("在任意页面点页眉的“保存视图”，即可给当前的筛选、检索和页面起名保存。每个视图都是一个普通链接，也可以复制给别人。保存在本浏览器中。",
                "Use “Save view” in the header on any page to name and keep its filters, query and page. Each saved view is an ordinary link you can also share. They are kept in this browser.") }</p>
            if let Some(p) = *problem { <p class="fatal" role="alert">{ p }</p> }
            if views.0.is_empty() {
                <p class="empty" data-testid="saved-empty">{ env.t("还没有保存的视图。", "No saved view yet.") }</p>
            }
            <ul class="saved-list">
            { for views.0.iter().enumerate().map(|(k, v)| {
                let is_editing = editing.as_ref().map(|e| e.0) == Some(k);
                let delete = {
                    let (views, update) = (views.clone(), update.clone());
                    Callback::from(move |_: MouseEvent| {
                        let mut next = (*views).clone();
                        next.delete(k);
                        update(next);
                    })
                };
                let start = {
                    let (editing, name) = (editing.clone(), v.name.clone());
                    Callback::from(move |_: MouseEvent| editing.set(Some((k, name.clone()))))
                };
                html! {
                    <li data-testid="saved-view">
                    if is_editing {
                        <form onsubmit={{
                            let (views, update, editing) = (views.clone(), update.clone(), editing.clone());
                            Callback::from(move |e: SubmitEvent| {
                                e.prevent_default();
                                if let Some((k, name)) = (*editing).clone() {
                                    let mut next = (*views).clone();
                                    if next.rename(k, &name) {
                                        update(next);
                                        editing.set(None);
                                    }
                                }
                            })
                        }}>
                            <label>{ env.t("新名称 ", "New name ") }
                                <input type="text" value={editing.as_ref().map(|e| e.1.clone()).unwrap_or_default()} data-testid="rename-input"
                                    oninput={{
                                        let editing = editing.clone();
                                        Callback::from(move |e: InputEvent| {
                                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                            editing.set(Some((k, input.value())));
                                        })
                                    }} /></label>
                            <button type="submit">{ env.t("确定", "OK") }</button>
                            <button type="button" onclick={{ let editing = editing.clone(); Callback::from(move |_: MouseEvent| editing.set(None)) }}>{ env.t("取消", "Cancel") }</button>
                        </form>
                    } else {
                        <a href={v.hash.clone()}>{ &v.name }</a>
                        <code class="url">{ &v.hash }</code>
                        <button type="button" class="link" onclick={start} data-testid="rename">{ env.t("重命名", "Rename") }</button>
                        <button type="button" class="link" onclick={delete} data-testid="delete">{ env.t("删除", "Delete") }</button>
                    }
                    </li>
                }
            }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SaveViewProps {
    /// The link of the view on screen.
    pub hash: String,
}

/// The header's "save view" control: a name field that keeps the current view.
#[function_component(SaveView)]
pub fn save_view(p: &SaveViewProps) -> Html {
    let env = use_env();
    let open = use_state(|| false);
    let name = use_state(String::new);
    let status = use_state(|| None::<&'static str>);
    let toggle = {
        let (open, status) = (open.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            open.set(!*open);
        })
    };
    let submit = {
        let (open, name, status, hash) =
            (open.clone(), name.clone(), status.clone(), p.hash.clone());
        let (saved, failed, empty) = (
            env.t("已保存", "Saved"),
            env.t("无法写入浏览器存储", "Storage cannot be written"),
            env.t("请输入名称", "Type a name"),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut views = load();
            if !views.save(&name, &hash) {
                status.set(Some(empty));
                return;
            }
            status.set(Some(if store(&views) { saved } else { failed }));
            name.set(String::new());
            open.set(false);
        })
    };
    html! {
        <div class="save-view">
            <button type="button" onclick={toggle} aria-expanded={open.to_string()} data-testid="save-view">{ env.t("保存视图", "Save view") }</button>
            if *open {
                <form class="save-form" onsubmit={submit}>
                    <label>{ env.t("名称 ", "Name ") }
                        <input type="text" value={(*name).clone()} data-testid="save-name" autofocus=true
                            oninput={{
                                let name = name.clone();
                                Callback::from(move |e: InputEvent| {
                                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                    name.set(input.value());
                                })
                            }} /></label>
                    <button type="submit" data-testid="save-submit">{ env.t("保存", "Save") }</button>
                </form>
            }
            if let Some(s) = *status { <span role="status" class="muted">{ s }</span> }
        </div>
    }
}
