#include "formats/pdf/pdf_content_budget.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "formats/pdf/pdf_content_lexer.h"
#include "formats/pdf/pdf_paint_cost.h"
#include "formats/pdf/podofo.h"

namespace einvoice::pdf {
namespace {

using model::Error;
using model::ErrorCode;

using ObjectId = std::pair<unsigned, unsigned>;

ObjectId id_of(const PoDoFo::PdfObject* object) {
  return {object->Reference().ObjectNumber(), object->Reference().GenerationNumber()};
}

bool is_name(const PoDoFo::PdfObject* object, std::string_view name) {
  return object && object->IsName() && object->GetName().GetName() == name;
}

double number_of(const PoDoFo::PdfObject* object, double fallback = 0) {
  return object && (object->IsNumber() || object->IsReal()) ? object->GetReal() : fallback;
}

// The numbers of a PDF array (at most `max`), 0 for what is not one.
std::vector<double> numbers_of(const PoDoFo::PdfObject* array, std::size_t max = 256) {
  std::vector<double> numbers;
  if (!array || !array->IsArray())
    return numbers;
  for (const auto& item : array->GetArray()) {
    if (numbers.size() == max)
      break;
    numbers.push_back(number_of(&item));
  }
  return numbers;
}

Matrix matrix_of(const PoDoFo::PdfObject* array) {
  const std::vector<double> n = numbers_of(array, 6);
  if (n.size() != 6)
    return {};
  return {n[0], n[1], n[2], n[3], n[4], n[5]};
}

PaintCost costlier(const PaintCost& a, const PaintCost& b) {
  return {std::max(a.operators, b.operators), std::max(a.dash_segments, b.dash_segments),
          std::max(a.painted, b.painted), std::max(a.image_samples, b.image_samples),
          std::max(a.largest_image, b.largest_image)};
}

// Interprets the content of a document's pages within the limits, keeping
// the decoded bytes of each stream interpreted, for the copy.
class ContentWalker {
 public:
  ContentWalker(PdfFile& file, const ContentLimits& limits)
      : file_(file), limits_(limits), total_left_(limits.max_content_bytes) {}

  // Page `number` (1-based); false, with error set, when a budget is spent.
  bool walk_page(PoDoFo::PdfObject* page, int number);
  // The document rewritten with what was measured, its page tree made of
  // `pages` (the pages walked) only.
  model::Result<std::string> write_copy(const std::vector<PoDoFo::PdfObject*>& pages);

  std::optional<Error> error;

 private:
  const std::string* content_of(PoDoFo::PdfObject* stream);
  bool walk(const std::string& content, PoDoFo::PdfObject* where, PoDoFo::PdfObject* resources,
            PaintModel& model, int depth);
  bool resource_operation(const ContentOperation& operation, PoDoFo::PdfObject* resources,
                          PaintModel& model, int depth);
  bool draw_form(PoDoFo::PdfObject* form, PoDoFo::PdfObject* resources, PaintModel& model,
                 int depth);
  bool draw_image(PoDoFo::PdfObject* image, PaintModel& model);
  bool apply_graphics_state(PoDoFo::PdfObject* state, PoDoFo::PdfObject* resources,
                            PaintModel& model, int depth);
  std::optional<PaintCost> glyph_cost(PoDoFo::PdfObject* font, PoDoFo::PdfObject* resources,
                                      const PaintModel& model, int depth);
  std::optional<PaintCost> pattern_cost(PoDoFo::PdfObject* pattern, int depth);
  bool draw_annotations(PoDoFo::PdfObject* page, PaintModel& model);
  bool within_limits(const PaintModel& model, PoDoFo::PdfObject* where, std::size_t offset);
  bool fail(const std::string& what, PoDoFo::PdfObject* where, std::size_t offset = 0);
  PoDoFo::PdfObject* resource(PoDoFo::PdfObject* resources, const char* category,
                              const std::vector<ContentOperand>& operands) const;
  PoDoFo::PdfObject* inherited(PoDoFo::PdfObject* page, std::string_view key) const;

  PdfFile& file_;
  const ContentLimits& limits_;
  std::size_t total_left_;
  // Per page: its number, what is left of its byte budget, the streams
  // charged to it, the device size and the base matrix.
  int page_ = 0;
  std::size_t page_left_ = 0;
  std::set<ObjectId> charged_;
  double width_ = 0, height_ = 0;
  Matrix base_;

  std::map<ObjectId, std::string> decoded_;        // streams interpreted as content
  std::map<ObjectId, std::string> page_contents_;  // page -> its content, joined
  std::map<ObjectId, std::vector<PoDoFo::PdfObject>> kept_annotations_;  // where some dropped
  std::map<ObjectId, PaintCost> glyph_costs_;
  std::map<ObjectId, PaintCost> pattern_costs_;
  std::vector<ObjectId> drawing_;  // forms, fonts and patterns being interpreted
};

bool ContentWalker::fail(const std::string& what, PoDoFo::PdfObject* where, std::size_t offset) {
  std::string place = file_.place(where);
  if (offset > 0)
    place += ", content byte " + std::to_string(offset);
  error = Error{ErrorCode::kLimitExceeded,
                "page " + std::to_string(page_) + ": " + what,
                {file_.name(), place, 0, 0}};
  return false;
}

PoDoFo::PdfObject* ContentWalker::inherited(PoDoFo::PdfObject* page, std::string_view key) const {
  PoDoFo::PdfObject* node = page;
  for (int hops = 0; node && hops < 32; ++hops) {
    if (PoDoFo::PdfObject* value = file_.get(node, key))
      return value;
    node = file_.get(node, "Parent");
  }
  return nullptr;
}

PoDoFo::PdfObject* ContentWalker::resource(PoDoFo::PdfObject* resources, const char* category,
                                           const std::vector<ContentOperand>& operands) const {
  const ContentOperand* name = nullptr;
  for (auto it = operands.rbegin(); it != operands.rend() && !name; ++it) {
    if (it->kind == ContentOperand::Kind::kName)
      name = &*it;
  }
  if (!name)
    return nullptr;
  // Names in content may escape bytes as #xx; so may the keys PoDoFo read.
  const PoDoFo::PdfName key = PoDoFo::PdfName::FromEscaped(std::string(name->name));
  PoDoFo::PdfObject* dictionary = file_.get(resources, category);
  if (!dictionary || !dictionary->IsDictionary())
    return nullptr;
  return file_.resolve(dictionary->GetDictionary().GetKey(key));
}

const std::string* ContentWalker::content_of(PoDoFo::PdfObject* stream) {
  const ObjectId id = id_of(stream);
  auto found = decoded_.find(id);
  if (found == decoded_.end()) {
    const std::size_t allowed = std::min(page_left_, total_left_);
    auto data = decode_stream(*stream, allowed, file_.name(), true);
    if (!data) {
      fail("the page content decodes to more than " +
               std::to_string(page_left_ <= total_left_ ? limits_.max_page_content_bytes
                                                        : limits_.max_content_bytes) +
               " bytes (" +
               (page_left_ <= total_left_ ? "max_page_content_bytes" : "max_content_bytes") + ")",
           stream);
      return nullptr;
    }
    found = decoded_.emplace(id, std::move(*data)).first;
    charged_.insert(id);
  } else if (charged_.insert(id).second) {
    // Decoded for an earlier page; this page reads it again.
    const std::size_t size = found->second.size();
    if (size > page_left_ || size > total_left_) {
      const bool page_bound = size > page_left_;
      fail("the page content decodes to more than " +
               std::to_string(page_bound ? limits_.max_page_content_bytes
                                         : limits_.max_content_bytes) +
               " bytes (" + (page_bound ? "max_page_content_bytes" : "max_content_bytes") + ")",
           stream);
      return nullptr;
    }
  } else {
    return &found->second;
  }
  page_left_ -= found->second.size();
  total_left_ -= found->second.size();
  return &found->second;
}

bool ContentWalker::within_limits(const PaintModel& model, PoDoFo::PdfObject* where,
                                  std::size_t offset) {
  const PaintCost& cost = model.cost();
  struct Limit {
    double value;
    double limit;
    const char* what;  // "... more than <limit> <what>"
  };
  const Limit checks[] = {
      {cost.operators, limits_.max_page_operators, "operators to interpret (max_page_operators)"},
      {cost.dash_segments, limits_.max_dash_segments,
       "dashes to draw in its dashed lines (max_dash_segments)"},
      {model.page_pixels() > 0 ? cost.painted / model.page_pixels() : 0, limits_.max_painted_pages,
       "times its area to paint (max_painted_pages)"},
      {cost.largest_image, limits_.max_image_samples, "samples in one image (max_image_samples)"},
      {cost.image_samples, limits_.max_page_image_samples,
       "samples in its images (max_page_image_samples)"},
  };
  for (const Limit& check : checks) {
    if (!(check.value <= check.limit)) {
      return fail("rendering it needs more than " +
                      std::to_string(static_cast<long long>(check.limit)) + " " + check.what,
                  where, offset);
    }
  }
  return true;
}

bool ContentWalker::walk(const std::string& content, PoDoFo::PdfObject* where,
                         PoDoFo::PdfObject* resources, PaintModel& model, int depth) {
  ContentLexer lexer(content);
  ContentOperation operation;
  while (lexer.next(operation)) {
    model.apply(operation);
    if (!resource_operation(operation, resources, model, depth) ||
        !within_limits(model, where, operation.offset))
      return false;
  }
  return true;
}

bool ContentWalker::resource_operation(const ContentOperation& operation,
                                       PoDoFo::PdfObject* resources, PaintModel& model, int depth) {
  const std::string_view op = operation.op;
  if (op == "Do") {
    PoDoFo::PdfObject* xobject = resource(resources, "XObject", operation.operands);
    if (!xobject || !xobject->HasStream())
      return true;
    PoDoFo::PdfObject* subtype = file_.get(xobject, "Subtype");
    if (is_name(subtype, "Form"))
      return draw_form(xobject, resources, model, depth);
    if (is_name(subtype, "Image"))
      return draw_image(xobject, model);
    return true;
  }
  if (op == "gs") {
    PoDoFo::PdfObject* state = resource(resources, "ExtGState", operation.operands);
    return !state || apply_graphics_state(state, resources, model, depth);
  }
  if (op == "Tf") {
    PoDoFo::PdfObject* font = resource(resources, "Font", operation.operands);
    auto cost = font ? glyph_cost(font, resources, model, depth) : PaintCost{};
    if (!cost)
      return false;
    model.set_glyph_cost(*cost);
    return true;
  }
  if (op == "scn" || op == "SCN") {
    PoDoFo::PdfObject* pattern = resource(resources, "Pattern", operation.operands);
    if (!pattern)
      return true;
    auto cost = pattern_cost(pattern, depth);
    if (!cost)
      return false;
    if (op == "scn")
      model.set_fill_pattern_cost(*cost);
    else
      model.set_stroke_pattern_cost(*cost);
  }
  return true;
}

bool ContentWalker::draw_form(PoDoFo::PdfObject* form, PoDoFo::PdfObject* resources,
                              PaintModel& model, int depth) {
  const ObjectId id = id_of(form);
  if (std::find(drawing_.begin(), drawing_.end(), id) != drawing_.end())
    return true;  // a form drawing itself: renderers skip it
  if (depth >= limits_.max_form_depth)
    return fail("forms, glyphs and patterns are nested more than " +
                    std::to_string(limits_.max_form_depth) + " deep (max_form_depth)",
                form);
  const std::string* content = content_of(form);
  if (!content)
    return false;
  model.save();
  model.concat(matrix_of(file_.get(form, "Matrix")));
  if (file_.get(form, "Group")) {
    // A transparency group is drawn into a bitmap of its box first.
    const std::vector<double> box = numbers_of(file_.get(form, "BBox"), 4);
    if (box.size() == 4)
      model.paint_box(box[0], box[1], box[2], box[3]);
    else
      model.paint_page();
  }
  PoDoFo::PdfObject* own = file_.get(form, "Resources");
  drawing_.push_back(id);
  const bool ok = walk(*content, form, own ? own : resources, model, depth + 1);
  drawing_.pop_back();
  model.restore();
  return ok;
}

bool ContentWalker::draw_image(PoDoFo::PdfObject* image, PaintModel& model) {
  auto samples_of = [&](PoDoFo::PdfObject* object) {
    return std::fabs(number_of(file_.get(object, "Width"))) *
           std::fabs(number_of(file_.get(object, "Height")));
  };
  double samples = samples_of(image);
  for (const char* mask : {"SMask", "Mask"}) {
    PoDoFo::PdfObject* other = file_.get(image, mask);
    if (other && other->HasStream())
      samples += samples_of(other);
  }
  model.paint_image(samples);
  return within_limits(model, image, 0);
}

bool ContentWalker::apply_graphics_state(PoDoFo::PdfObject* state, PoDoFo::PdfObject* resources,
                                         PaintModel& model, int depth) {
  if (PoDoFo::PdfObject* width = file_.get(state, "LW"))
    model.set_line_width(number_of(width, 1));
  if (PoDoFo::PdfObject* dash = file_.get(state, "D");
      dash && dash->IsArray() && !dash->GetArray().empty()) {
    PoDoFo::PdfObject* lengths = file_.resolve(&dash->GetArray()[0]);
    if (lengths && lengths->IsArray())
      model.set_dash(numbers_of(lengths), lengths->GetArray().size());
  }
  if (PoDoFo::PdfObject* font = file_.get(state, "Font");
      font && font->IsArray() && font->GetArray().size() == 2) {
    model.set_font_size(number_of(file_.resolve(&font->GetArray()[1])));
    auto cost = glyph_cost(file_.resolve(&font->GetArray()[0]), resources, model, depth);
    if (!cost)
      return false;
    model.set_glyph_cost(*cost);
  }
  PoDoFo::PdfObject* mask = file_.get(state, "SMask");
  if (mask && mask->IsDictionary()) {
    // A soft mask: its group drawn into a page-sized bitmap.
    PoDoFo::PdfObject* group = file_.get(mask, "G");
    model.paint_page();
    if (group && group->HasStream() && !draw_form(group, resources, model, depth))
      return false;
  }
  return true;
}

std::optional<PaintCost> ContentWalker::glyph_cost(PoDoFo::PdfObject* font,
                                                   PoDoFo::PdfObject* resources,
                                                   const PaintModel& model, int depth) {
  if (!font || !font->IsDictionary() || !is_name(file_.get(font, "Subtype"), "Type3"))
    return PaintCost{};
  const ObjectId id = id_of(font);
  if (auto found = glyph_costs_.find(id); found != glyph_costs_.end())
    return found->second;
  if (std::find(drawing_.begin(), drawing_.end(), id) != drawing_.end())
    return PaintCost{};  // a glyph showing its own font: renderers stop there
  if (depth >= limits_.max_form_depth) {
    fail("forms, glyphs and patterns are nested more than " +
             std::to_string(limits_.max_form_depth) + " deep (max_form_depth)",
         font);
    return std::nullopt;
  }
  // A glyph costs what its costliest procedure costs, drawn at the size of
  // the text being shown.
  const double size = std::max(1.0, model.glyph_size());
  Matrix font_matrix = matrix_of(file_.get(font, "FontMatrix"));
  if (!file_.get(font, "FontMatrix"))
    font_matrix = {0.001, 0, 0, 0.001, 0, 0};
  PoDoFo::PdfObject* own = file_.get(font, "Resources");
  PoDoFo::PdfObject* procedures = file_.get(font, "CharProcs");
  PaintCost worst;
  drawing_.push_back(id);
  if (procedures && procedures->IsDictionary()) {
    for (const auto& entry : procedures->GetDictionary().GetKeys()) {
      PoDoFo::PdfObject* procedure = file_.resolve(entry.second);
      if (!procedure || !procedure->HasStream())
        continue;
      const std::string* content = content_of(procedure);
      PaintModel glyph(width_, height_, font_matrix.then({size, 0, 0, size, 0, 0}));
      if (!content || !walk(*content, procedure, own ? own : resources, glyph, depth + 1)) {
        drawing_.pop_back();
        return std::nullopt;
      }
      worst = costlier(worst, glyph.cost());
    }
  }
  drawing_.pop_back();
  glyph_costs_[id] = worst;
  return worst;
}

std::optional<PaintCost> ContentWalker::pattern_cost(PoDoFo::PdfObject* pattern, int depth) {
  // Only a tiling pattern has content; a shading pattern costs its area.
  if (!pattern->HasStream() || number_of(file_.get(pattern, "PatternType")) != 1)
    return PaintCost{};
  const ObjectId id = id_of(pattern);
  if (auto found = pattern_costs_.find(id); found != pattern_costs_.end())
    return found->second;
  if (std::find(drawing_.begin(), drawing_.end(), id) != drawing_.end())
    return PaintCost{};
  if (depth >= limits_.max_form_depth) {
    fail("forms, glyphs and patterns are nested more than " +
             std::to_string(limits_.max_form_depth) + " deep (max_form_depth)",
         pattern);
    return std::nullopt;
  }
  const std::string* content = content_of(pattern);
  if (!content)
    return std::nullopt;
  // A renderer draws the cell once per fill, and tiles the result.
  PaintModel cell(width_, height_, matrix_of(file_.get(pattern, "Matrix")).then(base_));
  drawing_.push_back(id);
  const bool ok = walk(*content, pattern, file_.get(pattern, "Resources"), cell, depth + 1);
  drawing_.pop_back();
  if (!ok)
    return std::nullopt;
  pattern_costs_[id] = cell.cost();
  return cell.cost();
}

bool ContentWalker::draw_annotations(PoDoFo::PdfObject* page, PaintModel& model) {
  PoDoFo::PdfObject* annotations = file_.get(page, "Annots");
  if (!annotations || !annotations->IsArray())
    return true;
  const PoDoFo::PdfArray& array = annotations->GetArray();
  if (array.size() > static_cast<std::size_t>(limits_.max_annotations))
    return fail("it has more than " + std::to_string(limits_.max_annotations) +
                    " annotations (max_annotations)",
                page);
  std::vector<PoDoFo::PdfObject> kept;
  for (const auto& entry : array) {
    PoDoFo::PdfObject* annotation = file_.resolve(const_cast<PoDoFo::PdfObject*>(&entry));
    PoDoFo::PdfObject* normal = file_.get(file_.get(annotation, "AP"), "N");
    std::vector<PoDoFo::PdfObject*> appearances;
    if (normal && normal->HasStream()) {
      appearances.push_back(normal);
    } else if (normal && normal->IsDictionary()) {
      for (const auto& state : normal->GetDictionary().GetKeys()) {
        PoDoFo::PdfObject* stream = file_.resolve(state.second);
        if (stream && stream->HasStream() && appearances.size() < 16)
          appearances.push_back(stream);
      }
    }
    if (appearances.empty())
      continue;  // the renderer would draw it itself: dropped from the copy
    kept.push_back(entry);
    const std::vector<double> rect = numbers_of(file_.get(annotation, "Rect"), 4);
    for (PoDoFo::PdfObject* appearance : appearances) {
      model.save();
      if (rect.size() == 4)
        model.concat({1, 0, 0, 1, std::min(rect[0], rect[2]), std::min(rect[1], rect[3])});
      const bool ok = draw_form(appearance, nullptr, model, 0);
      model.restore();
      if (!ok)
        return false;
    }
  }
  if (kept.size() != array.size())
    kept_annotations_[id_of(page)] = std::move(kept);
  return true;
}

bool ContentWalker::walk_page(PoDoFo::PdfObject* page, int number) {
  page_ = number;
  page_left_ = limits_.max_page_content_bytes;
  charged_.clear();
  std::vector<double> box = numbers_of(inherited(page, "MediaBox"), 4);
  if (box.size() != 4)
    box = {0, 0, 612, 792};  // a renderer's default
  const double scale = limits_.render_dpi / 72.0;
  width_ = std::fabs(box[2] - box[0]) * scale;
  height_ = std::fabs(box[3] - box[1]) * scale;
  base_ = {
      scale, 0, 0, scale, -std::min(box[0], box[2]) * scale, -std::min(box[1], box[3]) * scale};
  PaintModel model(width_, height_, base_);

  // The page's content: one stream, or the parts of an array read as one.
  PoDoFo::PdfObject* contents = file_.get(page, "Contents");
  std::string joined;
  auto add = [&](PoDoFo::PdfObject* part) {
    part = file_.resolve(part);
    if (!part || !part->HasStream())
      return true;
    const std::string* data = content_of(part);
    if (!data)
      return false;
    joined += *data;
    joined += '\n';
    return true;
  };
  if (contents && contents->IsArray()) {
    for (auto& part : contents->GetArray()) {
      if (!add(&part))
        return false;
    }
  } else if (contents && !add(contents)) {
    return false;
  }
  if (!walk(joined, contents ? contents : page, inherited(page, "Resources"), model, 0))
    return false;
  page_contents_[id_of(page)] = std::move(joined);
  return draw_annotations(page, model);
}

model::Result<std::string> ContentWalker::write_copy(const std::vector<PoDoFo::PdfObject*>& pages) {
  PoDoFo::PdfVecObjects& objects =
      *static_cast<PoDoFo::PdfDocument&>(file_.document()).GetObjects();
  // Objects PoDoFo cannot parse (read lazily, so not yet) are left out of the
  // copy: references to them read as null, as a lenient renderer reads them.
  std::vector<PoDoFo::PdfReference> broken;
  for (PoDoFo::PdfObject* object : objects) {
    try {
      (void)object->GetDataType();
      if (object->HasStream())
        (void)object->GetStream();
    } catch (const PoDoFo::PdfError&) {
      broken.push_back(object->Reference());
    }
  }
  std::vector<PoDoFo::PdfObject*> kept_pages;
  for (PoDoFo::PdfObject* page : pages) {
    const bool gone = std::any_of(broken.begin(), broken.end(), [&](const PoDoFo::PdfReference& r) {
      return r == page->Reference();
    });
    if (!gone)
      kept_pages.push_back(page);
  }
  for (const PoDoFo::PdfReference& reference : broken) {
    if (reference == file_.document().GetCatalog()->Reference()) {
      return Error{ErrorCode::kMalformed,
                   "unreadable PDF: its catalog cannot be read",
                   {file_.name(), file_.place(file_.document().GetCatalog()), 0, 0}};
    }
    delete objects.RemoveObject(reference);
  }
  try {
    // One flat page tree: the renderer sees the pages walked and no other
    // (a page tree deeper than the walk goes, or pages it could not reach).
    PoDoFo::PdfObject* tree = objects.CreateObject(PoDoFo::PdfDictionary());
    PoDoFo::PdfArray kids;
    for (PoDoFo::PdfObject* page : kept_pages) {
      for (const char* key : {"Resources", "MediaBox", "CropBox", "Rotate"}) {
        PoDoFo::PdfObject* value = inherited(page, key);
        if (!value || page->GetDictionary().HasKey(PoDoFo::PdfName(key)))
          continue;
        if (value->Reference().ObjectNumber() != 0)
          page->GetDictionary().AddKey(PoDoFo::PdfName(key), value->Reference());
        else
          page->GetDictionary().AddKey(PoDoFo::PdfName(key), *value);
      }
      page->GetDictionary().AddKey(PoDoFo::PdfName("Parent"), tree->Reference());
      kids.push_back(page->Reference());
    }
    tree->GetDictionary().AddKey(PoDoFo::PdfName("Type"), PoDoFo::PdfName("Pages"));
    tree->GetDictionary().AddKey(PoDoFo::PdfName("Count"),
                                 static_cast<PoDoFo::pdf_int64>(kept_pages.size()));
    tree->GetDictionary().AddKey(PoDoFo::PdfName("Kids"), kids);
    file_.document().GetCatalog()->GetDictionary().AddKey(PoDoFo::PdfName("Pages"),
                                                          tree->Reference());
    for (auto& [id, data] : decoded_) {
      PoDoFo::PdfObject* stream = objects.GetObject(PoDoFo::PdfReference(id.first, id.second));
      if (!stream)
        continue;
      for (const char* key : {"Filter", "DecodeParms", "DL", "F", "FFilter", "FDecodeParms"})
        stream->GetDictionary().RemoveKey(PoDoFo::PdfName(key));
      stream->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
    }
    for (auto& [id, data] : page_contents_) {
      PoDoFo::PdfObject* page = objects.GetObject(PoDoFo::PdfReference(id.first, id.second));
      if (!page)
        continue;
      PoDoFo::PdfObject* content = objects.CreateObject(PoDoFo::PdfDictionary());
      content->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
      page->GetDictionary().AddKey(PoDoFo::PdfName("Contents"), content->Reference());
    }
    for (auto& [id, kept] : kept_annotations_) {
      PoDoFo::PdfObject* page = objects.GetObject(PoDoFo::PdfReference(id.first, id.second));
      if (!page)
        continue;
      PoDoFo::PdfArray array;
      for (const PoDoFo::PdfObject& annotation : kept)
        array.push_back(annotation);
      page->GetDictionary().AddKey(PoDoFo::PdfName("Annots"), array);
    }
    if (PoDoFo::PdfObject* form = file_.get(file_.document().GetCatalog(), "AcroForm");
        form && form->IsDictionary())
      form->GetDictionary().RemoveKey(PoDoFo::PdfName("NeedAppearances"));
  } catch (const PoDoFo::PdfError& e) {
    return Error{ErrorCode::kInternal,
                 "cannot prepare the PDF for rendering: " + file_.error_text(e),
                 {file_.name(), "", 0, 0}};
  }
  return file_.write();
}

}  // namespace

model::Result<std::string> bounded_render_copy(std::string_view bytes, std::string_view name,
                                               const ContentLimits& limits,
                                               const PdfLimits& pdf_limits) {
  auto loaded = PdfFile::load(bytes, name, false, pdf_limits);
  if (!loaded)
    return loaded.error();
  PdfFile& file = *loaded;
  try {
    // The page tree, walked with a visited set (a cycle would otherwise loop).
    std::vector<PoDoFo::PdfObject*> pages;
    std::set<ObjectId> visited;
    std::size_t extra_pages = 0;
    std::vector<std::pair<PoDoFo::PdfObject*, int>> pending{
        {file.get(file.document().GetCatalog(), "Pages"), 0}};
    while (!pending.empty()) {
      auto [node, depth] = pending.back();
      pending.pop_back();
      node = file.resolve(node);
      if (!node || !node->IsDictionary() || depth > pdf_limits.max_tree_depth)
        continue;
      if (node->Reference().ObjectNumber() != 0 && !visited.insert(id_of(node)).second)
        continue;
      PoDoFo::PdfObject* kids = file.get(node, "Kids");
      if (!kids || !kids->IsArray()) {
        if (node->Reference().ObjectNumber() == 0)
          continue;  // a page must be an object of its own
        if (static_cast<int>(pages.size()) >= limits.max_pages) {
          ++extra_pages;  // counted, to name the count
          continue;
        }
        pages.push_back(node);
        continue;
      }
      const PoDoFo::PdfArray& array = kids->GetArray();
      for (auto it = array.rbegin(); it != array.rend(); ++it)
        pending.emplace_back(const_cast<PoDoFo::PdfObject*>(&*it), depth + 1);
    }
    if (extra_pages > 0) {
      return Error{ErrorCode::kLimitExceeded,
                   "the document has " + std::to_string(pages.size() + extra_pages) +
                       " pages; the limit is " + std::to_string(limits.max_pages) +
                       " pages per invoice (max_pages)",
                   {std::string(name), "", 0, 0}};
    }
    ContentWalker walker(file, limits);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (!walker.walk_page(pages[i], static_cast<int>(i + 1)))
        return *walker.error;
    }
    return walker.write_copy(pages);
  } catch (const PoDoFo::PdfError& e) {
    return Error{ErrorCode::kMalformed,
                 "unreadable PDF structure: " + file.error_text(e),
                 {std::string(name), "", 0, 0}};
  }
}

}  // namespace einvoice::pdf
