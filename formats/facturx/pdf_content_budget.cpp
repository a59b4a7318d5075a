#include "formats/facturx/pdf_content_budget.h"

#include <podofo/podofo.h>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace einvoice::facturx {
namespace {

namespace pdf = PoDoFo;
using model::Error;
using model::ErrorCode;

using ObjectId = std::pair<unsigned, unsigned>;

ObjectId id_of(const pdf::PdfObject* object) {
  return {object->Reference().ObjectNumber(), object->Reference().GenerationNumber()};
}

// The work on one page: what is left of the page and document budgets.
class PageBudget {
 public:
  PageBudget(PdfFile& file, const ContentLimits& limits, std::size_t& total_left, int page)
      : file_(file),
        limits_(limits),
        total_left_(total_left),
        page_(page),
        page_left_(limits.max_page_content_bytes) {}

  // Decodes `stream` within the budgets; false (with `error` set) when a
  // budget is spent.
  bool spend(pdf::PdfObject* stream) {
    stream = file_.resolve(stream);
    if (!stream || !stream->HasStream())
      return true;
    if (stream->Reference().ObjectNumber() != 0 && !seen_.insert(id_of(stream)).second)
      return true;
    const bool page_bound = page_left_ <= total_left_;
    const std::size_t allowed = page_bound ? page_left_ : total_left_;
    auto data = decode_stream(*stream, allowed, file_.name());
    if (!data) {
      if (data.error().code != ErrorCode::kLimitExceeded)
        return true;  // undecodable: the renderer reports it
      const std::string limit = page_bound ? "max_page_content_bytes" : "max_content_bytes";
      const std::size_t value =
          page_bound ? limits_.max_page_content_bytes : limits_.max_content_bytes;
      error = Error{ErrorCode::kLimitExceeded,
                    "page " + std::to_string(page_) + ": the page content decodes to more than " +
                        std::to_string(value) + " bytes (" + limit + ")",
                    {file_.name(), file_.place(stream), 0, 0}};
      return false;
    }
    page_left_ -= data->size();
    total_left_ -= data->size();
    return true;
  }

  // The Form XObjects of `resources`, and theirs.
  bool spend_forms(pdf::PdfObject* resources, int depth) {
    if (depth > limits_.max_form_depth)
      return true;
    pdf::PdfObject* xobjects = file_.get(resources, "XObject");
    if (!xobjects || !xobjects->IsDictionary())
      return true;
    for (const auto& entry : xobjects->GetDictionary().GetKeys()) {
      pdf::PdfObject* xobject = file_.resolve(entry.second);
      if (!xobject || !xobject->HasStream())
        continue;
      pdf::PdfObject* subtype = file_.get(xobject, "Subtype");
      if (!subtype || !subtype->IsName() || subtype->GetName().GetName() != "Form")
        continue;
      if (xobject->Reference().ObjectNumber() != 0 && seen_.count(id_of(xobject)))
        continue;
      if (!spend(xobject) || !spend_forms(file_.get(xobject, "Resources"), depth + 1))
        return false;
    }
    return true;
  }

  std::optional<Error> error;

 private:
  PdfFile& file_;
  const ContentLimits& limits_;
  std::size_t& total_left_;
  int page_;
  std::size_t page_left_;
  std::set<ObjectId> seen_;
};

}  // namespace

model::Status check_page_content(std::string_view bytes, std::string_view name,
                                 const ContentLimits& limits, const PdfLimits& pdf_limits) {
  auto loaded = PdfFile::load(bytes, name, false, pdf_limits);
  if (!loaded)
    return loaded.error();
  PdfFile& file = *loaded;
  try {
    // The page tree, walked with a visited set (a cycle would otherwise loop).
    std::vector<pdf::PdfObject*> pages;
    std::set<ObjectId> visited;
    std::vector<std::pair<pdf::PdfObject*, int>> pending{
        {file.get(file.document().GetCatalog(), "Pages"), 0}};
    while (!pending.empty()) {
      auto [node, depth] = pending.back();
      pending.pop_back();
      node = file.resolve(node);
      if (!node || !node->IsDictionary() || depth > pdf_limits.max_tree_depth)
        continue;
      if (node->Reference().ObjectNumber() != 0 && !visited.insert(id_of(node)).second)
        continue;
      pdf::PdfObject* kids = file.get(node, "Kids");
      if (!kids || !kids->IsArray()) {
        if (static_cast<int>(pages.size()) >= limits.max_pages) {
          return Error{
              ErrorCode::kLimitExceeded,
              "the PDF has more than " + std::to_string(limits.max_pages) + " pages (max_pages)",
              {std::string(name), "", 0, 0}};
        }
        pages.push_back(node);
        continue;
      }
      const pdf::PdfArray& array = kids->GetArray();
      for (auto it = array.rbegin(); it != array.rend(); ++it)
        pending.emplace_back(const_cast<pdf::PdfObject*>(&*it), depth + 1);
    }
    std::size_t total_left = limits.max_content_bytes;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      PageBudget budget(file, limits, total_left, static_cast<int>(i + 1));
      pdf::PdfObject* contents = file.get(pages[i], "Contents");
      bool ok = true;
      if (contents && contents->IsArray()) {
        for (auto& part : contents->GetArray()) {
          if (!(ok = budget.spend(&part)))
            break;
        }
      } else if (contents) {
        ok = budget.spend(contents);
      }
      // Resources may be inherited from the page tree; the page's own are
      // the common case and the one checked.
      if (ok)
        ok = budget.spend_forms(file.get(pages[i], "Resources"), 0);
      if (!ok)
        return *budget.error;
    }
  } catch (const pdf::PdfError& e) {
    return Error{ErrorCode::kMalformed,
                 "unreadable PDF structure: " + file.error_text(e),
                 {std::string(name), "", 0, 0}};
  }
  return model::Status::Ok();
}

}  // namespace einvoice::facturx
