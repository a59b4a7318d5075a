#pragma once

// A cost model of rasterising PDF page content, for bounding the work a
// renderer (poppler's Splash, in the OCR module) does on hostile content
// before it starts. Decoded bytes are not a measure of that work: a short
// stroke instruction with a dash pattern of [0.001] over a path of length
// 1e17 makes the renderer emit 1e20 dash segments; a few bytes fill the whole
// page, so a million of them paint a million pages. The model follows the
// graphics state (CTM, line width, dash, text size) through the operators and
// counts, in device pixels at the render resolution:
//   operators      every operator interpreted, form and glyph repeats included;
//   dash_segments  segments the dash patterns cut strokes into;
//   painted        pixels covered by fills, strokes, glyphs, images, shadings,
//                  each clipped to the page (a stroke segment costs its clipped
//                  length times its width);
//   image_samples  samples of the images decoded.
// The estimates err on the side of the renderer's worst case. This class knows
// geometry only: resources (forms, images, fonts, patterns, graphics states)
// are looked up by the caller, which adds their costs (add, paint_image,
// paint_page).

#include <vector>

#include "formats/pdf/pdf_content_lexer.h"

namespace einvoice::pdf {

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // this x then `outer` (PDF's "cm": CTM' = M x CTM).
  Matrix then(const Matrix& outer) const;
  double scale() const;  // sqrt(|det|): how lengths grow on average
  static Matrix of(const std::vector<ContentOperand>& operands, std::size_t first);
};

struct PaintCost {
  double operators = 0;
  double dash_segments = 0;
  double painted = 0;
  double image_samples = 0;
  double largest_image = 0;  // samples of the largest image
  void add(const PaintCost& other, double times = 1);
};

class PaintModel {
 public:
  // The page is `width` x `height` device pixels; `base` maps the content's
  // user space to them.
  PaintModel(double width, double height, const Matrix& base);

  // Applies one operator of the content to the state and the cost. Operators
  // that need resources (Do, gs, Tf's font, scn/SCN patterns) update only
  // what needs no resource; the caller handles the rest.
  void apply(const ContentOperation& operation);

  const Matrix& ctm() const { return state_.ctm; }
  void save();
  void restore();
  void concat(const Matrix& matrix) { state_.ctm = matrix.then(state_.ctm); }
  void set_line_width(double width) { state_.line_width = width; }
  void set_dash(const std::vector<double>& dash, std::size_t count);
  void set_font_size(double size) { state_.font_size = size; }
  // Extra cost of each glyph shown with the current font (a Type 3 glyph's
  // own content), and of each fill or stroke with the current pattern.
  void set_glyph_cost(const PaintCost& cost) { state_.glyph_cost = cost; }
  void set_fill_pattern_cost(const PaintCost& cost) { state_.fill_pattern_cost = cost; }
  void set_stroke_pattern_cost(const PaintCost& cost) { state_.stroke_pattern_cost = cost; }
  // The device size of one text space unit at the current font size.
  double glyph_size() const;

  // The user-space box (x0, y0)-(x1, y1) painted (a transparency group's
  // bitmap, an annotation).
  void paint_box(double x0, double y0, double x1, double y1);
  // An image of `samples` samples drawn in the unit square of the CTM.
  void paint_image(double samples);
  // The whole page painted (a shading, a soft mask's group).
  void paint_page();
  void add(const PaintCost& cost) { cost_.add(cost); }

  const PaintCost& cost() const { return cost_; }
  double page_pixels() const { return width_ * height_; }

 private:
  struct State {
    Matrix ctm;
    double line_width = 1;
    double dash_cycle = 0;    // sum of the dash array, 0 when solid
    double dash_entries = 0;  // entries of the dash array
    double font_size = 0;
    int render_mode = 0;
    PaintCost glyph_cost;
    PaintCost fill_pattern_cost;
    PaintCost stroke_pattern_cost;
  };
  struct Point {
    double x = 0, y = 0;
  };

  void move_to(double x, double y);
  void line_to(double x, double y);
  void curve_to(const double* xs, const double* ys, int points);
  void close_path();
  void fill();
  void stroke();
  void show_text(double glyphs);
  double clipped_area(double x0, double y0, double x1, double y1) const;
  void clear_path();

  double width_;
  double height_;
  State state_;
  std::vector<State> saved_;
  Matrix text_matrix_;
  // The current path: user-space length, device-space bounding box and the
  // stroke cost of its segments at the current state.
  bool has_point_ = false;
  Point start_, current_;  // user space
  double path_length_ = 0;
  double path_stroke_ = 0;
  double path_segments_ = 0;
  double box_x0_ = 0, box_y0_ = 0, box_x1_ = 0, box_y1_ = 0;
  bool box_empty_ = true;
  PaintCost cost_;
};

}  // namespace einvoice::pdf
