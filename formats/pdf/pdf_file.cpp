#include "formats/pdf/pdf_file.h"

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "formats/pdf/pdf_bytes.h"
#include "formats/pdf/pdf_structure_scan.h"
#include "formats/pdf/podofo.h"
#include "formats/pdf/qpdf_repair.h"

namespace einvoice::pdf {
namespace {

using model::Error;
using model::ErrorCode;

Error error_of(ErrorCode code, std::string message, std::string_view file, std::string place = {}) {
  return Error{code, std::move(message), {std::string(file), std::move(place), 0, 0}};
}

// Collects decoded stream data and stops (by throwing) past the limit, so a
// small compressed stream cannot expand into all of memory.
class LimitedOutput final : public PoDoFo::PdfOutputStream {
 public:
  explicit LimitedOutput(std::size_t limit) : limit_(limit) {}
  PoDoFo::pdf_long Write(const char* buffer, PoDoFo::pdf_long length) override {
    if (data_.size() + static_cast<std::size_t>(length) > limit_) {
      exceeded_ = true;
      PODOFO_RAISE_ERROR(PoDoFo::ePdfError_OutOfMemory);
    }
    data_.append(buffer, static_cast<std::size_t>(length));
    return length;
  }
  void Close() override {}
  bool exceeded() const { return exceeded_; }
  std::string take() { return std::move(data_); }

 private:
  std::size_t limit_;
  std::string data_;
  bool exceeded_ = false;
};

// PoDoFo stamps /Info /ModDate (and sometimes /CreationDate) with the current
// time when it loads a document. Readers must see what the file says, so the
// original values are read again with a bare parser and put back.
// Best effort: when the bare parser cannot read the file, the dates stay as
// PoDoFo left them.
void restore_info_dates(PoDoFo::PdfMemDocument& document, std::string_view source) try {
  PoDoFo::PdfVecObjects objects;
  objects.SetAutoDelete(true);  // the parsed objects belong to `objects`
  PoDoFo::PdfParser parser(&objects);
  parser.ParseFile(source.data(), static_cast<long>(source.size()), true);
  const PoDoFo::PdfObject* trailer = parser.GetTrailer();
  if (!trailer || !trailer->IsDictionary() || !document.GetInfo())
    return;
  const PoDoFo::PdfObject* info = trailer->GetDictionary().GetKey(PoDoFo::PdfName("Info"));
  if (info && info->IsReference())
    info = objects.GetObject(info->GetReference());
  PoDoFo::PdfDictionary& current = document.GetInfo()->GetObject()->GetDictionary();
  for (const char* key : {"ModDate", "CreationDate"}) {
    const PoDoFo::PdfObject* original =
        info && info->IsDictionary() ? info->GetDictionary().GetKey(PoDoFo::PdfName(key)) : nullptr;
    if (original && original->IsReference())
      original = objects.GetObject(original->GetReference());
    if (original)
      current.AddKey(PoDoFo::PdfName(key), *original);
    else
      current.RemoveKey(PoDoFo::PdfName(key));
  }
} catch (...) {
}

// zlib data inflated into `out`, stopping past `max_bytes`. PoDoFo's own
// Flate decoder leaks its zlib state when the output stops it by throwing, so
// the common case (a single FlateDecode without predictor) is inflated here,
// with the state always released.
enum class Inflated { kOk, kTooLarge, kBroken };
Inflated inflate_bounded(std::string_view raw, std::size_t max_bytes, std::string& out) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK)
    return Inflated::kBroken;
  struct End {
    z_stream& z;
    ~End() { inflateEnd(&z); }
  } end{z};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  z.avail_in = static_cast<uInt>(raw.size());
  char buffer[1 << 16];
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    const int rc = inflate(&z, Z_NO_FLUSH);
    const std::size_t got = sizeof buffer - z.avail_out;
    if (out.size() + got > max_bytes)
      return Inflated::kTooLarge;
    out.append(buffer, got);
    if (rc == Z_STREAM_END)
      return Inflated::kOk;
    if (rc == Z_BUF_ERROR && z.avail_in == 0)
      return Inflated::kOk;  // truncated data: what it holds, as PoDoFo reads it
    if (rc != Z_OK)
      return Inflated::kBroken;
  }
}

// The parameters of a predictor (ISO 32000-1, table 8), from a DecodeParms
// dictionary (absent: no predictor).
struct Predictor {
  long long predictor = 1, colors = 1, bits = 8, columns = 1;
};

Predictor predictor_of(const PoDoFo::PdfObject* parameters) {
  Predictor p;
  if (!parameters || !parameters->IsDictionary())
    return p;
  const PoDoFo::PdfDictionary& d = parameters->GetDictionary();
  auto number = [&](const char* key, long long fallback) {
    const PoDoFo::PdfObject* value = d.GetKey(PoDoFo::PdfName(key));
    return value && value->IsNumber() ? value->GetNumber() : fallback;
  };
  p.predictor = number("Predictor", 1);
  p.colors = number("Colors", 1);
  p.bits = number("BitsPerComponent", 8);
  p.columns = number("Columns", 1);
  return p;
}

// Undoes a PNG (10-15, the tag byte of each row says which) or TIFF (2, 8 or
// 16 bits) predictor on `data`; false for parameters no encoder can have
// used. A last row cut short is undone as far as it goes, as renderers do.
bool undo_predictor(std::string& data, const Predictor& p) {
  if (p.predictor <= 1)
    return true;
  if (p.colors < 1 || p.colors > 32 || p.columns < 1 || p.columns > (1 << 24) ||
      (p.bits != 1 && p.bits != 2 && p.bits != 4 && p.bits != 8 && p.bits != 16))
    return false;
  const std::size_t row = static_cast<std::size_t>((p.colors * p.bits * p.columns + 7) / 8);
  const std::size_t pixel = static_cast<std::size_t>(std::max<long long>(1, p.colors * p.bits / 8));
  auto* bytes = reinterpret_cast<unsigned char*>(data.data());
  if (p.predictor == 2) {
    if (p.bits != 8 && p.bits != 16)
      return false;
    for (std::size_t start = 0; start < data.size(); start += row) {
      const std::size_t end = std::min(data.size(), start + row);
      if (p.bits == 8) {
        for (std::size_t i = start + pixel; i < end; ++i)
          bytes[i] = static_cast<unsigned char>(bytes[i] + bytes[i - pixel]);
      } else {
        for (std::size_t i = start + pixel; i + 1 < end; i += 2) {
          const unsigned value =
              ((bytes[i] << 8) | bytes[i + 1]) + ((bytes[i - pixel] << 8) | bytes[i - pixel + 1]);
          bytes[i] = static_cast<unsigned char>(value >> 8);
          bytes[i + 1] = static_cast<unsigned char>(value);
        }
      }
    }
    return true;
  }
  if (p.predictor < 10 || p.predictor > 15)
    return false;
  // PNG: each row is a tag byte and `row` bytes, filtered against the row above.
  std::string out;
  out.reserve(data.size() / (row + 1) * row + row);
  std::vector<unsigned char> previous(row, 0);
  for (std::size_t at = 0; at < data.size(); at += row + 1) {
    const unsigned tag = bytes[at];
    const std::size_t length = std::min(row, data.size() - at - 1);
    std::vector<unsigned char> current(bytes + at + 1, bytes + at + 1 + length);
    for (std::size_t i = 0; i < length; ++i) {
      const unsigned left = i >= pixel ? current[i - pixel] : 0;
      const unsigned up = previous[i];
      const unsigned corner = i >= pixel ? previous[i - pixel] : 0;
      unsigned add = 0;
      if (tag == 1) {
        add = left;
      } else if (tag == 2) {
        add = up;
      } else if (tag == 3) {
        add = (left + up) / 2;
      } else if (tag == 4) {
        const int estimate = static_cast<int>(left + up) - static_cast<int>(corner);
        const int to_left = std::abs(estimate - static_cast<int>(left));
        const int to_up = std::abs(estimate - static_cast<int>(up));
        const int to_corner = std::abs(estimate - static_cast<int>(corner));
        add = to_left <= to_up && to_left <= to_corner ? left : to_up <= to_corner ? up : corner;
      }
      current[i] = static_cast<unsigned char>(current[i] + add);
    }
    out.append(reinterpret_cast<const char*>(current.data()), length);
    std::copy(current.begin(), current.end(), previous.begin());
  }
  data = std::move(out);
  return true;
}

// Entry `index` of a filter or parameters value that is one object or an
// array of them (null when absent).
const PoDoFo::PdfObject* entry_of(const PoDoFo::PdfObject* value, std::size_t index) {
  if (value && value->IsArray())
    return index < value->GetArray().size() ? &value->GetArray()[index] : nullptr;
  return index == 0 ? value : nullptr;
}

// `raw` through one filter other than FlateDecode, by PoDoFo, within `max_bytes`.
Inflated decode_one(std::string_view raw, const PoDoFo::PdfName& filter,
                    const PoDoFo::PdfObject* parameters, std::size_t max_bytes, std::string& out) {
  PoDoFo::PdfDictionary single;
  single.AddKey(PoDoFo::PdfName("Filter"), filter);
  if (parameters && parameters->IsDictionary())
    single.AddKey(PoDoFo::PdfName("DecodeParms"), *parameters);
  PoDoFo::PdfObject holder(single);
  LimitedOutput limited(max_bytes);
  try {
    const PoDoFo::TVecFilters filters = PoDoFo::PdfFilterFactory::CreateFilterList(&holder);
    std::unique_ptr<PoDoFo::PdfOutputStream> decoder(
        PoDoFo::PdfFilterFactory::CreateDecodeStream(filters, &limited, &single));
    decoder->Write(raw.data(), static_cast<PoDoFo::pdf_long>(raw.size()));
    decoder->Close();
  } catch (const PoDoFo::PdfError&) {
    if (limited.exceeded())
      return Inflated::kTooLarge;
    out = limited.take();  // what was decoded before the failure
    return Inflated::kBroken;
  }
  out = limited.take();
  return Inflated::kOk;
}

// The bytes of `raw` decoded by the filters of `dictionary`, in order, within
// `max_bytes` at every step. kTooLarge as soon as the limit is passed;
// kBroken with what was decoded before a failure. FlateDecode (with its
// predictor) is decoded here, never by PoDoFo, whose Flate decoder leaks its
// zlib state when an exception stops it (found by the pdf_read campaign).
Inflated decode_bounded(std::string_view raw, const PoDoFo::PdfDictionary& dictionary,
                        std::size_t max_bytes, std::string& out) {
  const PoDoFo::PdfObject* filters = dictionary.GetKey(PoDoFo::PdfName("Filter"));
  const PoDoFo::PdfObject* parameters = dictionary.GetKey(PoDoFo::PdfName("DecodeParms"));
  std::string current(raw);
  if (current.size() > max_bytes)
    return Inflated::kTooLarge;
  const std::size_t count = filters && filters->IsArray() ? filters->GetArray().size() : 1;
  for (std::size_t i = 0; filters && i < count; ++i) {
    const PoDoFo::PdfObject* filter = entry_of(filters, i);
    if (!filter || !filter->IsName())
      return Inflated::kBroken;
    const PoDoFo::PdfObject* own = entry_of(parameters, i);
    std::string next;
    Inflated step;
    if (filter->GetName().GetName() == "FlateDecode" || filter->GetName().GetName() == "Fl") {
      step = inflate_bounded(current, max_bytes, next);
      if (step != Inflated::kTooLarge && !undo_predictor(next, predictor_of(own)))
        step = Inflated::kBroken;
    } else {
      step = decode_one(current, filter->GetName(), own, max_bytes, next);
    }
    if (step != Inflated::kOk) {
      out = std::move(next);
      return step;
    }
    current = std::move(next);
  }
  out = std::move(current);
  return Inflated::kOk;
}

// The integer value of object `number` (last definition), for an indirect /Length.
std::optional<long long> integer_object(std::string_view source, const PdfStructure& structure,
                                        std::uint32_t number) {
  for (auto it = structure.objects.rbegin(); it != structure.objects.rend(); ++it) {
    if (it->number != number)
      continue;
    std::size_t at = it->value_begin;
    while (at < it->value_end && pdf_is_space(source[at]))
      ++at;
    long long value = 0;
    std::size_t digits = 0;
    for (; at < it->value_end && source[at] >= '0' && source[at] <= '9' && digits < 15; ++at) {
      value = value * 10 + (source[at] - '0');
      ++digits;
    }
    return digits > 0 ? std::optional<long long>(value) : std::nullopt;
  }
  return std::nullopt;
}

// PoDoFo decodes every stream a cross-reference stream names as an object
// stream and parses the objects in it with the same unbounded recursion. So
// each stream whose dictionary has /N > 0 (the streams PoDoFo would read
// objects from) is decoded here, within max_stream_bytes, and the values in it
// scanned. Streams PoDoFo cannot decode are left for PoDoFo to refuse.
// Encrypted documents are not covered (their object streams are decrypted by
// PoDoFo first).
model::Status check_object_streams(std::string_view source, const PdfStructure& structure,
                                   std::string_view name, const PdfLimits& limits,
                                   const PdfStructureLimits& structure_limits) {
  for (const PdfObjectSpan& span : structure.objects) {
    std::size_t at = span.value_end;
    while (at < source.size() && pdf_is_space(source[at]))
      ++at;
    if (source.substr(at, 6) != "stream")
      continue;
    at += 6;
    if (source.substr(at, 2) == "\r\n")
      at += 2;
    else if (at < source.size() && (source[at] == '\n' || source[at] == '\r'))
      ++at;
    const std::string place = "object stream " + std::to_string(span.number) + " at offset " +
                              std::to_string(span.header);
    try {
      PoDoFo::PdfTokenizer tokenizer(source.data() + span.value_begin,
                                     span.value_end - span.value_begin);
      PoDoFo::PdfVariant variant;
      tokenizer.GetNextVariant(variant, nullptr);
      if (!variant.IsDictionary())
        continue;
      const PoDoFo::PdfDictionary& dictionary = variant.GetDictionary();
      const PoDoFo::PdfObject* count = dictionary.GetKey(PoDoFo::PdfName("N"));
      const PoDoFo::PdfObject* first = dictionary.GetKey(PoDoFo::PdfName("First"));
      if (!count || !count->IsNumber() || count->GetNumber() <= 0 || !first || !first->IsNumber() ||
          first->GetNumber() < 0)
        continue;
      std::optional<long long> length;
      if (const PoDoFo::PdfObject* declared = dictionary.GetKey(PoDoFo::PdfName("Length"))) {
        if (declared->IsNumber())
          length = declared->GetNumber();
        else if (declared->IsReference())
          length = integer_object(source, structure, declared->GetReference().ObjectNumber());
      }
      std::size_t size = source.size() - at;
      if (length && *length >= 0 && static_cast<unsigned long long>(*length) < size)
        size = static_cast<std::size_t>(*length);
      std::string decoded;
      const Inflated outcome =
          decode_bounded(source.substr(at, size), dictionary, limits.max_stream_bytes, decoded);
      if (outcome == Inflated::kTooLarge) {
        return error_of(ErrorCode::kLimitExceeded,
                        "object stream decodes to more than " +
                            std::to_string(limits.max_stream_bytes) + " bytes",
                        name, place);
      }
      if (outcome == Inflated::kBroken)
        continue;  // undecodable: PoDoFo will refuse it too
      model::Status scanned = scan_object_stream(
          decoded, static_cast<std::size_t>(first->GetNumber()), name, place, structure_limits);
      if (!scanned)
        return scanned.error();
    } catch (const PoDoFo::PdfError&) {
      continue;  // not a dictionary PoDoFo can read: it will refuse the object itself
    }
  }
  return model::Status::Ok();
}

}  // namespace

model::Result<PdfFile> PdfFile::load(std::string_view bytes, std::string_view name, bool for_update,
                                     const PdfLimits& limits) {
  quiet_podofo();
  if (bytes.size() > limits.max_file_bytes) {
    return error_of(ErrorCode::kLimitExceeded,
                    "PDF is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                        std::to_string(limits.max_file_bytes),
                    name);
  }
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return error_of(ErrorCode::kMalformed, "not a PDF: no %PDF- header in the first 1024 bytes",
                    name);
  }
  PdfFile file;
  file.name_ = std::string(name);
  file.limits_ = limits;
  std::string failure;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string_view source = bytes;
    if (attempt > 0) {
      // PoDoFo could not read it: let qpdf read it with its recovery (a
      // broken or missing cross-reference table, wrong offsets, a missing
      // endobj) and write it cleanly, then read that.
      std::string repaired, why;
      if (!repair_with_qpdf(bytes, name, repaired, why, file.repairs_)) {
        failure += "; qpdf could not repair it either: " + why;
        break;
      }
      file.repaired_bytes_ = std::move(repaired);
      file.repaired_ = true;
      source = file.repaired_bytes_;
    }
    // PoDoFo reads nested dictionaries by unbounded recursion: bound the
    // nesting before it parses anything (the rebuilt bytes too).
    auto scanned = prescan_pdf(source, name, limits);
    if (!scanned)
      return scanned.error();
    file.object_offsets_ = std::move(*scanned);
    file.document_ = std::make_unique<PoDoFo::PdfMemDocument>();
    try {
      file.document_->LoadFromBuffer(source.data(), static_cast<long>(source.size()),
                                     for_update && attempt == 0);
      file.encrypted_ = file.document_->GetEncrypt() != nullptr;
      if (file.document_->GetCatalog()) {
        if (!file.encrypted_)
          restore_info_dates(*file.document_, source);
        return file;
      }
      failure = "the PDF has no document catalog (/Root)";
    } catch (const PoDoFo::PdfError& e) {
      if (e.GetError() == PoDoFo::ePdfError_InvalidPassword)
        return error_of(ErrorCode::kUnsupported, "the PDF is encrypted with a password", name);
      if (failure.empty())
        failure = podofo_error_text(e, &file.object_offsets_);
    } catch (const std::exception& e) {
      if (failure.empty())
        failure = e.what();
    } catch (...) {
      if (failure.empty())
        failure = "unknown failure";
    }
  }
  return error_of(ErrorCode::kMalformed, "unreadable PDF: " + failure, name);
}

PdfFile::PdfFile(PdfFile&&) noexcept = default;
PdfFile& PdfFile::operator=(PdfFile&&) noexcept = default;
PdfFile::~PdfFile() = default;

PoDoFo::PdfObject* PdfFile::resolve(PoDoFo::PdfObject* object) const {
  // References to references are legal but rare; follow a few.
  for (int hops = 0; object && object->IsReference() && hops < 8; ++hops)
    object = document_->GetObjects().GetObject(object->GetReference());
  return object && object->IsReference() ? nullptr : object;
}

PoDoFo::PdfObject* PdfFile::get(PoDoFo::PdfObject* dictionary, std::string_view key) const {
  dictionary = resolve(dictionary);
  if (!dictionary || !dictionary->IsDictionary())
    return nullptr;
  return resolve(dictionary->GetDictionary().GetKey(PoDoFo::PdfName(std::string(key))));
}

std::string PdfFile::place(const PoDoFo::PdfObject* object) const {
  std::string text = describe(object);
  if (!object || object->Reference().ObjectNumber() == 0)
    return text;
  auto found = object_offsets_.find(object->Reference().ObjectNumber());
  if (found == object_offsets_.end())
    return "object " + text;
  return "object " + text + " at offset " + std::to_string(found->second);
}

std::string PdfFile::error_text(const PoDoFo::PdfError& error) const {
  return podofo_error_text(error, &object_offsets_);
}

std::string PdfFile::describe(const PoDoFo::PdfObject* object) {
  if (!object || object->Reference().ObjectNumber() == 0)
    return "direct object";
  return std::to_string(object->Reference().ObjectNumber()) + " " +
         std::to_string(object->Reference().GenerationNumber()) + " R";
}

model::Result<std::string> PdfFile::decoded_stream(PoDoFo::PdfObject* stream) const {
  stream = resolve(stream);
  if (!stream || !stream->HasStream())
    return error_of(ErrorCode::kMalformed, "a stream was expected", name_, describe(stream));
  return decode_stream(*stream, limits_.max_stream_bytes, name_);
}

bool PdfFile::for_each_name(
    PoDoFo::PdfObject* node,
    const std::function<void(const std::string&, PoDoFo::PdfObject*)>& visit) const {
  std::set<std::pair<unsigned, unsigned>> seen;
  std::size_t entries = 0;
  bool complete = true;
  std::function<void(PoDoFo::PdfObject*, int)> walk = [&](PoDoFo::PdfObject* at, int depth) {
    at = resolve(at);
    if (!at || !at->IsDictionary())
      return;
    if (depth > limits_.max_tree_depth) {
      complete = false;
      return;
    }
    if (at->Reference().ObjectNumber() != 0 &&
        !seen.insert({at->Reference().ObjectNumber(), at->Reference().GenerationNumber()}).second) {
      complete = false;  // a cycle
      return;
    }
    if (PoDoFo::PdfObject* names = get(at, "Names"); names && names->IsArray()) {
      const PoDoFo::PdfArray& array = names->GetArray();
      for (std::size_t i = 0; i + 1 < array.size(); i += 2) {
        if (++entries > limits_.max_tree_entries) {
          complete = false;
          return;
        }
        std::string key = pdf_text(&array[i]);
        visit(key, resolve(const_cast<PoDoFo::PdfObject*>(&array[i + 1])));
      }
    }
    if (PoDoFo::PdfObject* kids = get(at, "Kids"); kids && kids->IsArray()) {
      for (auto& kid : kids->GetArray())
        walk(&kid, depth + 1);
    }
  };
  try {
    walk(node, 0);
  } catch (...) {
    return false;
  }
  return complete;
}

model::Result<std::string> PdfFile::write() {
  try {
    // A string stream grows geometrically; PoDoFo's own buffer device grows
    // by what each write needs, copying the whole file again and again.
    std::ostringstream stream;
    PoDoFo::PdfOutputDevice device(&stream);
    document_->Write(&device);
    device.Flush();
    return std::move(stream).str();
  } catch (const PoDoFo::PdfError& e) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF: " + podofo_error_text(e), name_);
  } catch (...) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF", name_);
  }
}

model::Result<std::string> PdfFile::write_update() {
  try {
    std::ostringstream stream;
    PoDoFo::PdfOutputDevice device(&stream);
    document_->WriteUpdate(&device, true);
    device.Flush();
    return std::move(stream).str();
  } catch (const PoDoFo::PdfError& e) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF update: " + podofo_error_text(e),
                    name_);
  } catch (...) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF update", name_);
  }
}

model::Result<std::map<std::uint32_t, std::size_t>> prescan_pdf(std::string_view bytes,
                                                                std::string_view name,
                                                                const PdfLimits& limits) {
  PdfStructureLimits structure;
  structure.max_depth = limits.max_nesting_depth;
  auto scanned = scan_pdf_structure(bytes, name, structure);
  if (!scanned)
    return scanned.error();
  if (model::Status streams = check_object_streams(bytes, *scanned, name, limits, structure);
      !streams)
    return streams.error();
  return std::move(scanned->offsets);
}

model::Result<std::string> decode_stream(PoDoFo::PdfObject& stream, std::size_t max_bytes,
                                         std::string_view name) {
  return decode_stream(stream, max_bytes, name, false);
}

model::Result<std::string> decode_stream(PoDoFo::PdfObject& stream, std::size_t max_bytes,
                                         std::string_view name, bool keep_prefix) {
  std::string out;
  Inflated outcome = Inflated::kBroken;
  std::string failure;
  try {
    // The stream's bytes as stored (PoDoFo has removed any encryption).
    char* raw = nullptr;
    PoDoFo::pdf_long raw_size = 0;
    stream.GetStream()->GetCopy(&raw, &raw_size);
    std::unique_ptr<char, decltype(&PoDoFo::podofo_free)> owned(raw, &PoDoFo::podofo_free);
    outcome = decode_bounded(std::string_view(raw, static_cast<std::size_t>(raw_size)),
                             stream.GetDictionary(), max_bytes, out);
  } catch (const PoDoFo::PdfError& e) {
    failure = ": " + podofo_error_text(e);
  } catch (...) {
  }
  if (outcome == Inflated::kTooLarge) {
    return error_of(ErrorCode::kLimitExceeded,
                    "stream decodes to more than " + std::to_string(max_bytes) + " bytes", name,
                    PdfFile::describe(&stream));
  }
  if (outcome == Inflated::kBroken && !keep_prefix) {
    return error_of(ErrorCode::kMalformed, "stream cannot be decoded" + failure, name,
                    PdfFile::describe(&stream));
  }
  return out;
}

std::string podofo_error_text(const PoDoFo::PdfError& error,
                              const std::map<std::uint32_t, std::size_t>* offsets) {
  const char* code = PoDoFo::PdfError::ErrorName(error.GetError());
  std::string text =
      code ? code : "ePdfError " + std::to_string(static_cast<int>(error.GetError()));
  if (const char* description = PoDoFo::PdfError::ErrorMessage(error.GetError()))
    text += std::string(": ") + description;
  std::string detail;
  for (const auto& frame : error.GetCallstack()) {
    if (!frame.GetInformation().empty()) {
      detail = frame.GetInformation();
      break;
    }
  }
  if (detail.empty())
    return text;
  text += " (" + detail + ")";
  // PoDoFo names objects as "object 12 0 obj" or "object 12 0 R" in its details.
  const std::size_t at = detail.find("object ");
  if (offsets && at != std::string::npos) {
    std::size_t i = at + 7;
    unsigned long number = 0;
    std::size_t digits = 0;
    while (i < detail.size() && detail[i] >= '0' && detail[i] <= '9' && digits < 10) {
      number = number * 10 + static_cast<unsigned long>(detail[i++] - '0');
      ++digits;
    }
    auto found = digits > 0 ? offsets->find(static_cast<std::uint32_t>(number)) : offsets->end();
    if (found != offsets->end())
      text += " at offset " + std::to_string(found->second);
  }
  return text;
}

std::string pdf_text(const PoDoFo::PdfObject* object) {
  if (!object)
    return {};
  if (object->IsString() || object->IsHexString())
    return object->GetString().GetStringUtf8();
  if (object->IsName())
    return object->GetName().GetName();
  return {};
}

}  // namespace einvoice::pdf
