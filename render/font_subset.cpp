#include "render/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace einvoice::render {
namespace {

struct BlobDeleter {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct FaceDeleter {
  void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct InputDeleter {
  void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
struct PlanDeleter {
  void operator()(hb_subset_plan_t* plan) const { hb_subset_plan_destroy(plan); }
};

model::Error cannot_subset(std::string_view name, const std::string& why) {
  return model::Error{model::ErrorCode::kMalformed,
                      "cannot subset the font for embedding: " + why,
                      {std::string(name), "", 0, 0}};
}

}  // namespace

model::Result<FontSubset> subset_font(std::string_view font,
                                      const std::vector<std::uint16_t>& glyphs,
                                      const std::vector<char32_t>& unicode, std::string_view name) {
  if (font.empty() || font.size() > 0x7FFFFFFF)
    return cannot_subset(name, "no font program");
  std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_blob_create_or_fail(
      font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  if (!blob)
    return cannot_subset(name, "out of memory");
  std::unique_ptr<hb_face_t, FaceDeleter> face(hb_face_create(blob.get(), 0));
  if (hb_face_get_glyph_count(face.get()) == 0)
    return cannot_subset(name, "no glyphs (not a TrueType font, or damaged)");
  std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
  if (!input)
    return cannot_subset(name, "out of memory");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyph_set, 0);
  for (std::uint16_t glyph : glyphs)
    hb_set_add(glyph_set, glyph);
  hb_set_t* unicode_set = hb_subset_input_unicode_set(input.get());
  for (char32_t code_point : unicode) {
    if (code_point != 0)
      hb_set_add(unicode_set, static_cast<hb_codepoint_t>(code_point));
  }
  std::unique_ptr<hb_subset_plan_t, PlanDeleter> plan(
      hb_subset_plan_create_or_fail(face.get(), input.get()));
  if (!plan)
    return cannot_subset(name, "no subset plan (damaged tables)");
  std::unique_ptr<hb_face_t, FaceDeleter> subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (!subset)
    return cannot_subset(name, "the subsetter failed (damaged tables)");
  std::unique_ptr<hb_blob_t, BlobDeleter> program(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(program.get(), &length);
  if (data == nullptr || length == 0)
    return cannot_subset(name, "empty subset");

  FontSubset out;
  out.program.assign(data, length);
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  out.cid_to_gid.reserve(glyphs.size());
  for (std::uint16_t glyph : glyphs) {
    const hb_codepoint_t mapped = hb_map_get(old_to_new, glyph);
    out.cid_to_gid.push_back(mapped == HB_MAP_VALUE_INVALID ? 0
                                                            : static_cast<std::uint16_t>(mapped));
  }
  return out;
}

}  // namespace einvoice::render
