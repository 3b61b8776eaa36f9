//! Chinese input across fields. egui interrupts any composition whenever
//! focus is requested (every click into a text field asks for it), and
//! egui-winit answers an interrupt, or a frame in which no field wants the
//! input method, by disallowing and allowing it again. On X11 that
//! destroys the window's XIM input context and creates a new one, and
//! fcitx5 (with its default, unshared input state) starts every new
//! context in Latin: each field the user clicks into loses pinyin.
//! (winit#4220 discusses the case; alacritty keeps the X11 input method
//! always enabled for the same reason.)
//!
//! [`KeepImeAcrossFields`] is an egui plugin that edits the frame's output
//! before the backend sees it, so stock egui and egui-winit stay:
//! - the interrupt flag is cleared: the input context lives on, and a
//!   composition still open when the user clicks elsewhere is committed
//!   into the field that now has focus;
//! - a single frame without a text field (focus passing from one field to
//!   the next) keeps the last field's input method output, and asks for
//!   one more frame; only two frames in a row without a text field let the
//!   input method go.
//!
//! Known limit: while a composition is open, clicking another field moves
//! it there instead of cancelling it.

use egui::output::IMEOutput;
use egui::plugin::Plugin;
use egui::{Context, FullOutput};

/// Keeps the input method allowed while the focus moves between text
/// fields (see the module documentation).
#[derive(Default)]
pub struct KeepImeAcrossFields {
    /// The last text field's input method output.
    held: Option<IMEOutput>,
    /// Frames in a row without a text field, while `held` is kept.
    without_field: u8,
}

/// Frames without a text field that still keep the input method.
const GRACE_FRAMES: u8 = 1;

impl Plugin for KeepImeAcrossFields {
    fn debug_name(&self) -> &'static str {
        "KeepImeAcrossFields"
    }

    fn output_hook(&mut self, ctx: &Context, output: &mut FullOutput) {
        let ime = &mut output.platform_output.ime;
        match ime {
            Some(field) => {
                field.should_interrupt_composition = false;
                self.held = Some(*field);
                self.without_field = 0;
            }
            None if self.held.is_some() && self.without_field < GRACE_FRAMES => {
                self.without_field += 1;
                *ime = self.held;
                // One more frame decides whether a field took over.
                ctx.request_repaint();
            }
            None => self.held = None,
        }
    }
}
