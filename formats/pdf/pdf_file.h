#pragma once

// The PoDoFo adapter of einvoice: loading hostile PDFs, decoding
// streams within limits, walking name trees. PoDoFo exceptions never leave
// these functions; they become model::Error values naming the file and, where
// known, the PDF object.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace PoDoFo {
class PdfError;
class PdfMemDocument;
class PdfObject;
}  // namespace PoDoFo

namespace einvoice::pdf {

struct PdfLimits {
  std::size_t max_file_bytes = 256u << 20;  // larger PDFs are refused before parsing
  std::size_t max_stream_bytes = 64u
                                 << 20;  // a decoded stream (attachment, XMP) past this is refused
  int max_tree_depth = 32;               // name-tree nesting
  int max_nesting_depth = 256;           // dictionaries and arrays in one value (pre-scanned)
  std::size_t max_tree_entries = 10000;  // name-tree leaves
};

// An owned, parsed PDF. Movable. Not thread-safe: one thread per document.
class PdfFile {
 public:
  // Parses `bytes` (kept by the document for update writes). `for_update`
  // prepares an incremental update (write_update). A file PoDoFo cannot read
  // (a broken cross-reference table, wrong offsets, a missing endobj) is
  // repaired by qpdf (repaired(), repairs()) rather than refused. Before
  // PoDoFo sees the bytes, scan_pdf_structure bounds the nesting of every value (and of the
  // values in object streams, decoded within max_stream_bytes). Errors:
  // kLimitExceeded (file size, nesting, object stream size), kMalformed (not a
  // PDF, truncated, broken cross-reference; the message carries PoDoFo's error
  // and, where known, the object and its offset), kUnsupported (encrypted with
  // a password).
  static model::Result<PdfFile> load(std::string_view bytes, std::string_view name,
                                     bool for_update = false, const PdfLimits& limits = {});

  PdfFile(PdfFile&&) noexcept;
  PdfFile& operator=(PdfFile&&) noexcept;
  ~PdfFile();

  PoDoFo::PdfMemDocument& document() { return *document_; }
  const std::string& name() const { return name_; }
  const PdfLimits& limits() const { return limits_; }
  bool encrypted() const { return encrypted_; }
  // The file was damaged and is read from qpdf's repair of it
  // (repair_with_qpdf); an incremental update is then impossible.
  bool repaired() const { return repaired_; }
  // What qpdf repaired, each naming the object and offset where known; empty
  // unless repaired().
  const std::vector<std::string>& repairs() const { return repairs_; }

  // The object `object` points to when it is a reference (resolved through
  // the document), else `object` itself; null for a dangling reference.
  PoDoFo::PdfObject* resolve(PoDoFo::PdfObject* object) const;
  // dictionary[key], resolved; null when absent or when `dictionary` is not one.
  PoDoFo::PdfObject* get(PoDoFo::PdfObject* dictionary, std::string_view key) const;
  // "12 0 R" for an indirect object, else "direct object".
  static std::string describe(const PoDoFo::PdfObject* object);
  // describe() followed by the byte offset of the object's definition when
  // known: "object 12 0 R at offset 3456".
  std::string place(const PoDoFo::PdfObject* object) const;
  // podofo_error_text with the offsets of this document's objects.
  std::string error_text(const PoDoFo::PdfError& error) const;

  // The stream's data with its filters applied. Errors: kLimitExceeded past
  // max_stream_bytes (decoding stops there), kMalformed when a filter fails.
  model::Result<std::string> decoded_stream(PoDoFo::PdfObject* stream) const;

  // Calls visit(name, value) for every leaf of the name tree rooted at `node`
  // (the /Names arrays of the tree and its /Kids), in tree order. Stops at the
  // depth and entry limits and on cycles; returns false when it had to stop.
  bool for_each_name(
      PoDoFo::PdfObject* node,
      const std::function<void(const std::string&, PoDoFo::PdfObject*)>& visit) const;

  // The whole document rewritten (full save) or the original bytes followed by
  // an incremental update (loaded with for_update). Errors: kInternal.
  model::Result<std::string> write();
  model::Result<std::string> write_update();

 private:
  PdfFile() = default;
  std::unique_ptr<PoDoFo::PdfMemDocument> document_;
  std::string name_;
  PdfLimits limits_;
  bool encrypted_ = false;
  bool repaired_ = false;
  std::vector<std::string> repairs_;
  std::string repaired_bytes_;  // what the document was loaded from when repaired
  std::map<std::uint32_t, std::size_t> object_offsets_;  // of the bytes loaded
};

// PoDoFo's error as text, never empty: the error code's name, PoDoFo's
// description of it when it has one, and the detail PoDoFo attached (which
// often names the object), followed by that object's byte offset when
// `offsets` knows it.
std::string podofo_error_text(const PoDoFo::PdfError& error,
                              const std::map<std::uint32_t, std::size_t>* offsets = nullptr);

// What PdfFile::load checks before PoDoFo parses `bytes`, for any other
// PoDoFo parse of untrusted bytes (PoDoFo 0.9 reads nested dictionaries by
// unbounded recursion): the nesting of every value, in the file and in its
// object streams (decoded within max_stream_bytes), bounded by
// max_nesting_depth. Returns the byte offset of each object number's last
// definition. Errors: kLimitExceeded naming the object and its offset.
model::Result<std::map<std::uint32_t, std::size_t>> prescan_pdf(std::string_view bytes,
                                                                std::string_view name,
                                                                const PdfLimits& limits = {});

// The data of `stream` (an object with a stream) with its filters applied,
// for any PoDoFo document. Errors naming `name` and the object: kLimitExceeded
// past `max_bytes` (decoding stops there, so a small compressed stream cannot
// fill memory), kMalformed when a filter fails.
model::Result<std::string> decode_stream(PoDoFo::PdfObject& stream, std::size_t max_bytes,
                                         std::string_view name);
// The same, except that a stream a filter fails on gives the bytes decoded
// before the failure (as a lenient renderer reads them) instead of kMalformed.
model::Result<std::string> decode_stream(PoDoFo::PdfObject& stream, std::size_t max_bytes,
                                         std::string_view name, bool keep_prefix);

// A PDF text string (PDFDocEncoding or UTF-16BE with BOM) as UTF-8.
std::string pdf_text(const PoDoFo::PdfObject* object);

}  // namespace einvoice::pdf
