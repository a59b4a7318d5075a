#pragma once

// Private to einvoice_pades: reading a PDF with PoDoFo and appending an
// incremental update (new or rewritten objects, a classic xref section and a
// trailer with /Prev) without touching the original bytes.

#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/pdf/podofo.h"
#include "model/result.h"

namespace einvoice::signing::pdf {

// An error of `code` whose message is "origin: message".
model::Error error(model::ErrorCode code, std::string_view origin, const std::string& message);

// "D:20260301090000Z" for /M.
std::string pdf_date(std::chrono::sys_seconds t);
// A PDF date ("D:YYYYMMDDHHmmSS" then Z, +HH'mm' or -HH'mm'; trailing fields
// optional) as UTC; nullopt when unreadable.
std::optional<std::chrono::sys_seconds> parse_pdf_date(std::string_view text);

std::string ref_string(const PoDoFo::PdfReference& ref);  // "12 0 R"
std::string serialize(const PoDoFo::PdfObject& object);   // compact PDF syntax
// `object` itself, or the object its reference names (null when dangling).
PoDoFo::PdfObject* resolve(PoDoFo::PdfMemDocument& document, PoDoFo::PdfObject* object);

// The offset after the last "startxref" keyword, parsed.
std::optional<std::uint64_t> last_startxref(std::string_view pdf);

// An object of the update: number, generation and body ("<<...>>", or a
// dictionary followed by a stream).
struct UpdateObject {
  std::uint32_t number;
  std::uint16_t generation;
  std::string body;
};

// An incremental update being planned: its objects and trailer entries.
struct UpdatePlan {
  std::vector<UpdateObject> objects;
  std::string trailer;     // /Root, /Info, /ID; without /Size and /Prev
  std::uint32_t size = 0;  // the next free object number (the trailer's /Size)
  std::uint64_t prev = 0;  // the previous startxref
  // Reserves the next object number.
  std::uint32_t allocate() { return size++; }
};

// Loads `pdf` into `document` and starts a plan from its latest revision.
// Errors: kLimitExceeded (larger than the Factur-X reader's file limit),
// kMalformed (unreadable, no catalog, no startxref), kUnsupported (encrypted). PoDoFo exceptions
// are turned into errors by podofo_call.
model::Result<UpdatePlan> start_update(PoDoFo::PdfMemDocument& document, std::string_view pdf,
                                       std::string_view origin);

// `pdf` followed by the update: objects, an xref listing each object in its
// own subsection, the trailer and startxref.
std::string write_update(std::string_view pdf, const UpdatePlan& plan);

// The body of a stream object holding `data` unfiltered.
std::string stream_body(std::string_view data);

// Runs `body` (which uses PoDoFo) and turns PoDoFo and standard exceptions
// into kMalformed errors naming `origin`.
template <class Body>
auto podofo_call(std::string_view origin, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const PoDoFo::PdfError& e) {
    return error(model::ErrorCode::kMalformed, origin,
                 std::string("PDF not readable: ") + PoDoFo::PdfError::ErrorName(e.GetError()));
  } catch (const std::exception& e) {
    return error(model::ErrorCode::kMalformed, origin,
                 std::string("PDF not readable: ") + e.what());
  }
}

}  // namespace einvoice::signing::pdf
