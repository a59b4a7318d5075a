#include "formats/pdf/pdf_paint_cost.h"

#include <algorithm>
#include <cmath>

namespace einvoice::pdf {
namespace {

// Splash flattens a curve into at most 2^10 lines.
constexpr double kMaxCurvePieces = 1024;

double number_at(const std::vector<ContentOperand>& operands, std::size_t index) {
  if (index >= operands.size() || operands[index].kind != ContentOperand::Kind::kNumber)
    return 0;
  return operands[index].number;
}

// The last `count` operands as numbers (0 where absent or not a number).
void last_numbers(const std::vector<ContentOperand>& operands, std::size_t count, double* values) {
  const std::size_t first = operands.size() >= count ? operands.size() - count : 0;
  for (std::size_t i = 0; i < count; ++i)
    values[i] = number_at(operands, first + i);
}

const ContentOperand* last_of(const std::vector<ContentOperand>& operands,
                              ContentOperand::Kind kind) {
  for (auto it = operands.rbegin(); it != operands.rend(); ++it) {
    if (it->kind == kind)
      return &*it;
  }
  return nullptr;
}

bool is(std::string_view op, std::string_view name) {
  return op == name;
}

}  // namespace

Matrix Matrix::then(const Matrix& o) const {
  return {a * o.a + b * o.c, a * o.b + b * o.d,       c * o.a + d * o.c,
          c * o.b + d * o.d, e * o.a + f * o.c + o.e, e * o.b + f * o.d + o.f};
}

double Matrix::scale() const {
  return std::sqrt(std::fabs(a * d - b * c));
}

Matrix Matrix::of(const std::vector<ContentOperand>& operands, std::size_t first) {
  return {number_at(operands, first),     number_at(operands, first + 1),
          number_at(operands, first + 2), number_at(operands, first + 3),
          number_at(operands, first + 4), number_at(operands, first + 5)};
}

void PaintCost::add(const PaintCost& other, double times) {
  operators += other.operators * times;
  dash_segments += other.dash_segments * times;
  painted += other.painted * times;
  image_samples += other.image_samples * times;
  if (times > 0)
    largest_image = std::max(largest_image, other.largest_image);
}

PaintModel::PaintModel(double width, double height, const Matrix& base)
    : width_(width), height_(height) {
  state_.ctm = base;
}

void PaintModel::save() {
  // A renderer keeps every saved state; so does the model, up to a bound
  // that only a hostile stream reaches (deeper saves are then not kept, and
  // the matching restores leave the outermost state in place).
  if (saved_.size() < 4096)
    saved_.push_back(state_);
}

void PaintModel::restore() {
  if (saved_.empty())
    return;
  state_ = saved_.back();
  saved_.pop_back();
}

void PaintModel::set_dash(const std::vector<double>& dash, std::size_t count) {
  double cycle = 0;
  for (double length : dash)
    cycle += length > 0 ? length : 0;
  // Entries past those kept repeat the pattern's cost per cycle.
  state_.dash_cycle = cycle;
  state_.dash_entries = static_cast<double>(count);
}

double PaintModel::glyph_size() const {
  return std::fabs(state_.font_size) * text_matrix_.scale() * state_.ctm.scale();
}

double PaintModel::clipped_area(double x0, double y0, double x1, double y1) const {
  const double left = std::max(0.0, std::min(x0, x1));
  const double right = std::min(width_, std::max(x0, x1));
  const double bottom = std::max(0.0, std::min(y0, y1));
  const double top = std::min(height_, std::max(y0, y1));
  if (!(right > left) || !(top > bottom))
    return 0;  // off the page, or not a number
  return (right - left) * (top - bottom);
}

void PaintModel::clear_path() {
  has_point_ = false;
  path_length_ = 0;
  path_stroke_ = 0;
  path_segments_ = 0;
  box_empty_ = true;
}

void PaintModel::move_to(double x, double y) {
  has_point_ = true;
  start_ = current_ = {x, y};
  const Matrix& m = state_.ctm;
  const double dx = m.a * x + m.c * y + m.e;
  const double dy = m.b * x + m.d * y + m.f;
  if (!std::isfinite(dx) || !std::isfinite(dy))
    return;
  if (box_empty_) {
    box_x0_ = box_x1_ = dx;
    box_y0_ = box_y1_ = dy;
    box_empty_ = false;
  } else {
    box_x0_ = std::min(box_x0_, dx);
    box_x1_ = std::max(box_x1_, dx);
    box_y0_ = std::min(box_y0_, dy);
    box_y1_ = std::max(box_y1_, dy);
  }
}

void PaintModel::line_to(double x, double y) {
  if (!has_point_) {
    move_to(x, y);
    return;
  }
  const Matrix& m = state_.ctm;
  const Point from = current_;
  const double length = std::hypot(x - from.x, y - from.y);
  path_length_ += length;
  path_segments_ += 1;
  // The stroke of this segment: its device length, clipped to the page
  // through its bounding box, times the device line width.
  const double x0 = m.a * from.x + m.c * from.y + m.e, y0 = m.b * from.x + m.d * from.y + m.f;
  const double x1 = m.a * x + m.c * y + m.e, y1 = m.b * x + m.d * y + m.f;
  const double width = std::max(1.0, std::fabs(state_.line_width) * m.scale());
  const double half = std::isfinite(width) ? width / 2 : 1e300;
  const double box = clipped_area(std::min(x0, x1) - half, std::min(y0, y1) - half,
                                  std::max(x0, x1) + half, std::max(y0, y1) + half);
  if (box > 0) {
    const double diagonal = std::hypot(std::min(width_, std::fabs(x1 - x0) + width),
                                       std::min(height_, std::fabs(y1 - y0) + width));
    const double along = std::hypot(x1 - x0, y1 - y0);
    const double band = (std::min(std::isfinite(along) ? along : diagonal, diagonal) + width) *
                        std::min(width, diagonal);
    path_stroke_ += std::min(box, band);
  }
  const Point subpath = start_;  // move_to starts a subpath; this is not one
  move_to(x, y);
  start_ = subpath;
}

void PaintModel::curve_to(const double* xs, const double* ys, int points) {
  if (!has_point_)
    move_to(xs[0], ys[0]);
  // The control polygon bounds the curve; its device length bounds the lines
  // the renderer flattens it into.
  const Point subpath = start_;
  const Matrix& m = state_.ctm;
  double device = 0;
  Point at = current_;
  for (int i = 0; i < points; ++i) {
    const double dx = (xs[i] - at.x) * m.a + (ys[i] - at.y) * m.c;
    const double dy = (xs[i] - at.x) * m.b + (ys[i] - at.y) * m.d;
    device += std::hypot(dx, dy);
    line_to(xs[i], ys[i]);
    at = {xs[i], ys[i]};
  }
  start_ = subpath;
  const double pieces = std::isfinite(device) ? std::sqrt(device) + 1 : kMaxCurvePieces;
  cost_.operators += std::min(kMaxCurvePieces, pieces);
}

void PaintModel::close_path() {
  if (!has_point_)
    return;
  const Point subpath = start_;
  line_to(subpath.x, subpath.y);
  start_ = subpath;
}

void PaintModel::fill() {
  if (!box_empty_)
    cost_.painted += clipped_area(box_x0_, box_y0_, box_x1_, box_y1_);
  cost_.add(state_.fill_pattern_cost);
}

void PaintModel::stroke() {
  cost_.painted += path_stroke_;
  cost_.add(state_.stroke_pattern_cost);
  if (state_.dash_cycle <= 0 || state_.dash_entries <= 0)
    return;
  // Each cycle of the pattern cuts the path into dash_entries / 2 dashes,
  // each a stroke segment of its own (with its caps).
  const double dashes = path_length_ / state_.dash_cycle * state_.dash_entries + path_segments_;
  cost_.dash_segments += std::isfinite(dashes) ? dashes : 1e300;
  const double width = std::max(1.0, std::fabs(state_.line_width) * state_.ctm.scale());
  const double on_page = std::min(dashes, path_stroke_ / width + path_segments_);
  cost_.painted += on_page * std::min(page_pixels(), width * width);
}

void PaintModel::show_text(double glyphs) {
  const double size = glyph_size();
  cost_.painted += glyphs * std::min(page_pixels(), size * size + 1);
  cost_.add(state_.glyph_cost, glyphs);
  const int mode = state_.render_mode;
  const bool stroked = mode == 1 || mode == 2 || mode == 5 || mode == 6;
  if (stroked && state_.dash_cycle > 0) {
    // A glyph outline is a few ems long: 8 em, in user space.
    const double outline = 8 * std::fabs(state_.font_size) * text_matrix_.scale();
    cost_.dash_segments += glyphs * (outline / state_.dash_cycle * state_.dash_entries + 1);
  }
}

void PaintModel::paint_box(double x0, double y0, double x1, double y1) {
  const Matrix& m = state_.ctm;
  const double xs[4] = {m.a * x0 + m.c * y0 + m.e, m.a * x1 + m.c * y0 + m.e,
                        m.a * x0 + m.c * y1 + m.e, m.a * x1 + m.c * y1 + m.e};
  const double ys[4] = {m.b * x0 + m.d * y0 + m.f, m.b * x1 + m.d * y0 + m.f,
                        m.b * x0 + m.d * y1 + m.f, m.b * x1 + m.d * y1 + m.f};
  cost_.painted += clipped_area(*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4),
                                *std::max_element(xs, xs + 4), *std::max_element(ys, ys + 4));
}

void PaintModel::paint_image(double samples) {
  paint_box(0, 0, 1, 1);
  cost_.image_samples += samples;
  cost_.largest_image = std::max(cost_.largest_image, samples);
}

void PaintModel::paint_page() {
  cost_.painted += page_pixels();
}

void PaintModel::apply(const ContentOperation& operation) {
  const std::string_view op = operation.op;
  const auto& operands = operation.operands;
  cost_.operators += 1;
  double v[6];
  if (is(op, "q")) {
    save();
  } else if (is(op, "Q")) {
    restore();
  } else if (is(op, "cm")) {
    last_numbers(operands, 6, v);
    concat({v[0], v[1], v[2], v[3], v[4], v[5]});
  } else if (is(op, "w")) {
    last_numbers(operands, 1, v);
    set_line_width(v[0]);
  } else if (is(op, "d")) {
    if (const ContentOperand* dash = last_of(operands, ContentOperand::Kind::kArray))
      set_dash(dash->numbers, dash->count);
  } else if (is(op, "m")) {
    last_numbers(operands, 2, v);
    move_to(v[0], v[1]);
  } else if (is(op, "l")) {
    last_numbers(operands, 2, v);
    line_to(v[0], v[1]);
  } else if (is(op, "c") || is(op, "v") || is(op, "y")) {
    const int points = is(op, "c") ? 3 : 2;
    last_numbers(operands, static_cast<std::size_t>(points) * 2, v);
    double xs[3], ys[3];
    for (int i = 0; i < points; ++i) {
      xs[i] = v[2 * i];
      ys[i] = v[2 * i + 1];
    }
    curve_to(xs, ys, points);
  } else if (is(op, "re")) {
    last_numbers(operands, 4, v);
    move_to(v[0], v[1]);
    line_to(v[0] + v[2], v[1]);
    line_to(v[0] + v[2], v[1] + v[3]);
    line_to(v[0], v[1] + v[3]);
    close_path();
  } else if (is(op, "h")) {
    close_path();
  } else if (is(op, "S")) {
    stroke();
    clear_path();
  } else if (is(op, "s")) {
    close_path();
    stroke();
    clear_path();
  } else if (is(op, "f") || is(op, "F") || is(op, "f*")) {
    fill();
    clear_path();
  } else if (is(op, "B") || is(op, "B*")) {
    fill();
    stroke();
    clear_path();
  } else if (is(op, "b") || is(op, "b*")) {
    close_path();
    fill();
    stroke();
    clear_path();
  } else if (is(op, "n")) {
    clear_path();
  } else if (is(op, "BT")) {
    text_matrix_ = Matrix{};
  } else if (is(op, "Tm")) {
    last_numbers(operands, 6, v);
    text_matrix_ = {v[0], v[1], v[2], v[3], v[4], v[5]};
  } else if (is(op, "Tf")) {
    last_numbers(operands, 1, v);
    set_font_size(v[0]);
  } else if (is(op, "Tr")) {
    last_numbers(operands, 1, v);
    state_.render_mode = static_cast<int>(std::clamp(v[0], -1.0, 8.0));
  } else if (is(op, "Tj") || is(op, "'") || is(op, "\"")) {
    if (const ContentOperand* text = last_of(operands, ContentOperand::Kind::kString))
      show_text(static_cast<double>(text->bytes));
  } else if (is(op, "TJ")) {
    if (const ContentOperand* text = last_of(operands, ContentOperand::Kind::kArray))
      show_text(static_cast<double>(text->bytes));
  } else if (is(op, "sh")) {
    paint_page();
  } else if (is(op, "BI")) {
    double width = 0, height = 0;
    for (std::size_t i = 0; i + 1 < operands.size(); ++i) {
      if (operands[i].kind != ContentOperand::Kind::kName)
        continue;
      const std::string_view key = operands[i].name;
      if (key == "W" || key == "Width")
        width = number_at(operands, i + 1);
      else if (key == "H" || key == "Height")
        height = number_at(operands, i + 1);
    }
    paint_image(std::fabs(width) * std::fabs(height));
  } else if (is(op, "sc") || is(op, "g") || is(op, "rg") || is(op, "k") || is(op, "cs")) {
    state_.fill_pattern_cost = {};
  } else if (is(op, "SC") || is(op, "G") || is(op, "RG") || is(op, "K") || is(op, "CS")) {
    state_.stroke_pattern_cost = {};
  }
}

}  // namespace einvoice::pdf
