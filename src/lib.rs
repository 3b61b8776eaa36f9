//! Jianbao (简报): an editor for the work bulletins Chinese government offices
//! publish each week or month.
//!
//! The modules follow the data: [`model`] is one issue as plain data;
//! [`store`] reads and writes it as RON drafts; [`i18n`] holds every word a
//! user reads; [`cli`] is the command line; [`archive`] is every past issue
//! of a folder.

pub mod app;
pub mod archive;
pub mod assets;
pub mod cli;
pub mod diff;
pub mod export;
pub mod i18n;
pub mod import;
pub mod lint;
pub mod model;
pub mod sample;
pub mod store;
pub mod typeset;
pub mod ui;
