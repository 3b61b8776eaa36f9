//! typst's layout loop, started from the previous layout instead of from
//! nothing.
//!
//! typst lays a document out, then checks that every question the layout
//! asked of the document (the page counter, for the footer's page number)
//! has the same answer in what it produced, and lays out again until it
//! does. `typst::compile` always starts from an empty document, so every
//! compile of a bulletin is at least two layouts. Started from the last
//! layout of the same issue, an edit that moves no page number is done in
//! one.
//!
//! The check is typst's own (`Constraint::validate`), so what comes out is
//! a layout whose every answer is its own, exactly what `typst::compile`
//! accepts. For a bulletin, whose only questions are page numbers, that
//! layout is unique, and the tests compare it with `typst::compile`'s.

use comemo::{Constraint, Track};
use typst::World;
use typst::diag::{SourceDiagnostic, SourceResult};
use typst::ecow::EcoVec;
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{Output, StyleChain, TargetElem};
use typst::introspection::{EmptyIntrospector, Introspector, MAX_ITERS};
use typst::utils::Protected;
use typst_layout::PagedDocument;

/// Compiles the world's document to pages, laying out first with the
/// answers of `previous` (a layout of an earlier version of the same
/// issue), then as typst does. Also says how many layouts it took.
pub(super) fn compile(
    world: &dyn World,
    previous: Option<&PagedDocument>,
) -> SourceResult<(PagedDocument, usize)> {
    let world = world.track();
    let library = world.library();
    let target = TargetElem::target.set(PagedDocument::target()).wrap();
    let styles = StyleChain::new(&library.styles);
    let styles = styles.chain(&target);
    let traced = Traced::default();
    let mut sink = Sink::new();
    let main = world.source(world.main()).map_err(|error| {
        EcoVec::from([SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            error.to_string(),
        )])
    })?;
    let content = typst_eval::eval(
        world,
        library,
        traced.track(),
        sink.track_mut(),
        Route::default().track(),
        &main,
    )?
    .content();

    let empty = EmptyIntrospector;
    let mut answers: Option<PagedDocument> = previous.cloned();
    let mut pass = 1;
    let document = loop {
        let introspector: &dyn Introspector = match &answers {
            Some(document) => Output::introspector(document),
            None => &empty,
        };
        let constraint = Constraint::new();
        let mut pass_sink = Sink::new();
        let mut engine = Engine {
            library,
            world,
            introspector: Protected::new(introspector.track_with(&constraint)),
            traced: traced.track(),
            sink: pass_sink.track_mut(),
            route: Route::default(),
        };
        let document = PagedDocument::create(&mut engine, &content, styles)?;
        // Like typst, a layout that never settles is still shown (its page
        // numbers may be off).
        if constraint.validate(Output::introspector(&document)) || pass == MAX_ITERS {
            sink.extend_from_sink(pass_sink);
            break document;
        }
        answers = Some(document);
        pass += 1;
    };
    let delayed = sink.delayed();
    if !delayed.is_empty() {
        return Err(delayed);
    }
    Ok((document, pass))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;
    use crate::typeset::data::{PrintOptions, to_json};
    use crate::typeset::tests::fonts;
    use crate::typeset::{SandboxWorld, Visual};

    /// Each page's drawing, for comparing layouts.
    fn drawn(document: &PagedDocument) -> Vec<u128> {
        document
            .pages()
            .iter()
            .map(|page| typst::utils::hash128(&Visual(&page.frame)))
            .collect()
    }

    fn world_of(issue: &crate::model::Issue) -> SandboxWorld {
        let fonts = fonts();
        let json = to_json(issue, &PrintOptions::default(), &fonts);
        let mut world = SandboxWorld::new(fonts);
        world.set_data(json);
        world.set_images(crate::typeset::data::images(issue));
        world
    }

    /// What `typst::compile` makes of the same world.
    fn typst_pages(world: &SandboxWorld) -> Vec<u128> {
        let document = typst::compile::<PagedDocument>(world).output;
        drawn(&document.expect("the sample compiles"))
    }

    #[test]
    fn from_nothing_it_takes_typsts_two_layouts_and_gives_its_pages() {
        let world = world_of(&crate::sample::issue());
        let (document, passes) = compile(&world, None).expect("compiles");
        // The footer's page number is asked before any page exists.
        assert_eq!(passes, 2);
        assert_eq!(drawn(&document), typst_pages(&world));
    }

    #[test]
    fn an_edit_that_moves_no_page_number_takes_one_layout() {
        let mut issue = crate::sample::issue();
        let (previous, _) = compile(&world_of(&issue), None).expect("compiles");
        issue.sections[0].articles[0].lead.push('喆');
        let world = world_of(&issue);
        let (document, passes) = compile(&world, Some(&previous)).expect("compiles");
        assert_eq!(passes, 1);
        assert_eq!(drawn(&document), typst_pages(&world));
        assert_ne!(drawn(&document), drawn(&previous), "the edit shows");
    }

    #[test]
    fn an_edit_that_adds_pages_lays_out_again_to_typsts_pages() {
        let mut issue = crate::sample::issue();
        let (previous, _) = compile(&world_of(&issue), None).expect("compiles");
        let body = &mut issue.sections[0].articles[0].body;
        let text = "首都文明办组织志愿者深入社区开展垃圾分类宣传。".repeat(60);
        body.push(Paragraph::plain(text));
        let world = world_of(&issue);
        let (document, passes) = compile(&world, Some(&previous)).expect("compiles");
        assert!(document.pages().len() > previous.pages().len());
        assert!(passes >= 2, "the page numbers moved: {passes} layout(s)");
        assert_eq!(drawn(&document), typst_pages(&world));
    }

    /// On a long issue too, an edit in the middle gives typst's pages.
    #[test]
    fn a_long_issue_edited_in_the_middle_gives_typsts_pages() {
        let mut issue = crate::sample::large(8);
        let (previous, _) = compile(&world_of(&issue), None).expect("compiles");
        let (s, a) = (issue.sections.len() / 2, 0);
        issue.sections[s].articles[a].lead.push_str("（补充）");
        let world = world_of(&issue);
        let (document, _) = compile(&world, Some(&previous)).expect("compiles");
        assert!(document.pages().len() > 10);
        assert_eq!(drawn(&document), typst_pages(&world));
    }
}
