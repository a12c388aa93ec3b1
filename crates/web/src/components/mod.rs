//! The component tree, one component per file; `Checker` is its root, which every shell mounts.

mod active_table;
mod applications_table;
mod checker;
mod data_cell;
mod export;
mod findings_list;
mod notice;
mod reviews_table;
mod source_pane;
mod summary_bar;
mod table_block;
mod welcome;
mod year_inputs;

pub use checker::Checker;
