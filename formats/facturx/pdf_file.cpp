#include "formats/facturx/pdf_file.h"

#include <podofo/podofo.h>

#include <exception>
#include <set>
#include <sstream>
#include <utility>

#include "formats/facturx/xref_rebuilder.h"

namespace einvoice::facturx {
namespace {

using model::Error;
using model::ErrorCode;
namespace pdf = PoDoFo;

// PoDoFo logs parser warnings to stderr by default; findings are ours to report.
void quiet_podofo() {
  static const bool done = [] {
    pdf::PdfError::EnableLogging(false);
    pdf::PdfError::EnableDebug(false);
    return true;
  }();
  (void)done;
}

Error error_of(ErrorCode code, std::string message, std::string_view file, std::string place = {}) {
  return Error{code, std::move(message), {std::string(file), std::move(place), 0, 0}};
}

std::string podofo_message(const pdf::PdfError& e) {
  const char* text = pdf::PdfError::ErrorMessage(e.GetError());
  std::string message = text ? text : "PDF library error";
  if (!e.GetCallstack().empty()) {
    const std::string& info = e.GetCallstack().front().GetInformation();
    if (!info.empty())
      message += " (" + info + ")";
  }
  return message;
}

// Collects decoded stream data and stops (by throwing) past the limit, so a
// small compressed stream cannot expand into all of memory.
class LimitedOutput final : public pdf::PdfOutputStream {
 public:
  explicit LimitedOutput(std::size_t limit) : limit_(limit) {}
  pdf::pdf_long Write(const char* buffer, pdf::pdf_long length) override {
    if (data_.size() + static_cast<std::size_t>(length) > limit_) {
      exceeded_ = true;
      PODOFO_RAISE_ERROR(pdf::ePdfError_OutOfMemory);
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
void restore_info_dates(pdf::PdfMemDocument& document, std::string_view source) try {
  pdf::PdfVecObjects objects;
  objects.SetAutoDelete(true);  // the parsed objects belong to `objects`
  pdf::PdfParser parser(&objects);
  parser.ParseFile(source.data(), static_cast<long>(source.size()), true);
  const pdf::PdfObject* trailer = parser.GetTrailer();
  if (!trailer || !trailer->IsDictionary() || !document.GetInfo())
    return;
  const pdf::PdfObject* info = trailer->GetDictionary().GetKey(pdf::PdfName("Info"));
  if (info && info->IsReference())
    info = objects.GetObject(info->GetReference());
  pdf::PdfDictionary& current = document.GetInfo()->GetObject()->GetDictionary();
  for (const char* key : {"ModDate", "CreationDate"}) {
    const pdf::PdfObject* original =
        info && info->IsDictionary() ? info->GetDictionary().GetKey(pdf::PdfName(key)) : nullptr;
    if (original && original->IsReference())
      original = objects.GetObject(original->GetReference());
    if (original)
      current.AddKey(pdf::PdfName(key), *original);
    else
      current.RemoveKey(pdf::PdfName(key));
  }
} catch (...) {
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
    if (attempt == 1) {
      // The first read failed: rebuild the cross-reference table and retry.
      auto rebuilt = rebuild_cross_reference(bytes);
      if (!rebuilt)
        break;
      file.repaired_bytes_ = std::move(*rebuilt);
      file.repaired_ = true;
      source = file.repaired_bytes_;
    }
    file.document_ = std::make_unique<pdf::PdfMemDocument>();
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
    } catch (const pdf::PdfError& e) {
      if (e.GetError() == pdf::ePdfError_InvalidPassword)
        return error_of(ErrorCode::kUnsupported, "the PDF is encrypted with a password", name);
      if (failure.empty())
        failure = podofo_message(e);
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

pdf::PdfObject* PdfFile::resolve(pdf::PdfObject* object) const {
  // References to references are legal but rare; follow a few.
  for (int hops = 0; object && object->IsReference() && hops < 8; ++hops)
    object = document_->GetObjects().GetObject(object->GetReference());
  return object && object->IsReference() ? nullptr : object;
}

pdf::PdfObject* PdfFile::get(pdf::PdfObject* dictionary, std::string_view key) const {
  dictionary = resolve(dictionary);
  if (!dictionary || !dictionary->IsDictionary())
    return nullptr;
  return resolve(dictionary->GetDictionary().GetKey(pdf::PdfName(std::string(key))));
}

std::string PdfFile::describe(const pdf::PdfObject* object) {
  if (!object || object->Reference().ObjectNumber() == 0)
    return "direct object";
  return std::to_string(object->Reference().ObjectNumber()) + " " +
         std::to_string(object->Reference().GenerationNumber()) + " R";
}

model::Result<std::string> PdfFile::decoded_stream(pdf::PdfObject* stream) const {
  stream = resolve(stream);
  if (!stream || !stream->HasStream())
    return error_of(ErrorCode::kMalformed, "a stream was expected", name_, describe(stream));
  return decode_stream(*stream, limits_.max_stream_bytes, name_);
}

bool PdfFile::for_each_name(
    pdf::PdfObject* node,
    const std::function<void(const std::string&, pdf::PdfObject*)>& visit) const {
  std::set<std::pair<unsigned, unsigned>> seen;
  std::size_t entries = 0;
  bool complete = true;
  std::function<void(pdf::PdfObject*, int)> walk = [&](pdf::PdfObject* at, int depth) {
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
    if (pdf::PdfObject* names = get(at, "Names"); names && names->IsArray()) {
      const pdf::PdfArray& array = names->GetArray();
      for (std::size_t i = 0; i + 1 < array.size(); i += 2) {
        if (++entries > limits_.max_tree_entries) {
          complete = false;
          return;
        }
        std::string key = pdf_text(&array[i]);
        visit(key, resolve(const_cast<pdf::PdfObject*>(&array[i + 1])));
      }
    }
    if (pdf::PdfObject* kids = get(at, "Kids"); kids && kids->IsArray()) {
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
    pdf::PdfOutputDevice device(&stream);
    document_->Write(&device);
    device.Flush();
    return std::move(stream).str();
  } catch (const pdf::PdfError& e) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF: " + podofo_message(e), name_);
  } catch (...) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF", name_);
  }
}

model::Result<std::string> PdfFile::write_update() {
  try {
    std::ostringstream stream;
    pdf::PdfOutputDevice device(&stream);
    document_->WriteUpdate(&device, true);
    device.Flush();
    return std::move(stream).str();
  } catch (const pdf::PdfError& e) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF update: " + podofo_message(e),
                    name_);
  } catch (...) {
    return error_of(ErrorCode::kInternal, "cannot write the PDF update", name_);
  }
}

model::Result<std::string> decode_stream(pdf::PdfObject& stream, std::size_t max_bytes,
                                         std::string_view name) {
  LimitedOutput out(max_bytes);
  try {
    stream.GetStream()->GetFilteredCopy(&out);
  } catch (const pdf::PdfError& e) {
    if (out.exceeded()) {
      return error_of(ErrorCode::kLimitExceeded,
                      "stream decodes to more than " + std::to_string(max_bytes) + " bytes", name,
                      PdfFile::describe(&stream));
    }
    return error_of(ErrorCode::kMalformed, "stream cannot be decoded: " + podofo_message(e), name,
                    PdfFile::describe(&stream));
  } catch (...) {
    return error_of(ErrorCode::kMalformed, "stream cannot be decoded", name,
                    PdfFile::describe(&stream));
  }
  return out.take();
}

std::string pdf_text(const pdf::PdfObject* object) {
  if (!object)
    return {};
  if (object->IsString() || object->IsHexString())
    return object->GetString().GetStringUtf8();
  if (object->IsName())
    return object->GetName().GetName();
  return {};
}

}  // namespace einvoice::facturx
