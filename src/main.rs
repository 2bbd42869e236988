fn main() {
    #[cfg(target_arch = "wasm32")]
    tax_explorer::ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The explorer runs in the browser: see README.md (scripts/run.sh).");
}
