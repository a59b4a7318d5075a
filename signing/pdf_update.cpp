#include "signing/pdf_update.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "formats/pdf/pdf_file.h"

namespace einvoice::signing::pdf {
namespace {

using model::ErrorCode;

bool is_space(char c) {
  return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' || c == '\0';
}

}  // namespace

model::Error error(ErrorCode code, std::string_view origin, const std::string& message) {
  model::Error e;
  e.code = code;
  e.message = std::string(origin) + ": " + message;
  return e;
}

std::string pdf_date(std::chrono::sys_seconds t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%SZ", &tm);
  return buffer;
}

std::optional<std::chrono::sys_seconds> parse_pdf_date(std::string_view text) {
  if (text.substr(0, 2) == "D:")
    text.remove_prefix(2);
  // Fields: YYYY MM DD HH mm SS, each optional after the year.
  int fields[6] = {0, 1, 1, 0, 0, 0};
  const int widths[6] = {4, 2, 2, 2, 2, 2};
  std::size_t at = 0;
  for (int f = 0; f < 6; ++f) {
    if (at + widths[f] > text.size() || text[at] < '0' || text[at] > '9') {
      if (f == 0)
        return std::nullopt;
      break;
    }
    int value = 0;
    for (int i = 0; i < widths[f]; ++i) {
      const char c = text[at + i];
      if (c < '0' || c > '9')
        return std::nullopt;
      value = value * 10 + (c - '0');
    }
    fields[f] = value;
    at += widths[f];
  }
  using namespace std::chrono;
  const year_month_day day{year(fields[0]), month(static_cast<unsigned>(fields[1])),
                           std::chrono::day(static_cast<unsigned>(fields[2]))};
  if (!day.ok() || fields[3] > 23 || fields[4] > 59 || fields[5] > 60)
    return std::nullopt;
  sys_seconds t = sys_days(day) + hours(fields[3]) + minutes(fields[4]) + seconds(fields[5]);
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at] == '+' ? 1 : -1;
    int offset_hours = 0;
    int offset_minutes = 0;
    if (std::sscanf(std::string(text.substr(at + 1)).c_str(), "%2d'%2d", &offset_hours,
                    &offset_minutes) < 1) {
      return std::nullopt;
    }
    t -= sign * (hours(offset_hours) + minutes(offset_minutes));
  }
  return t;
}

std::string ref_string(const PoDoFo::PdfReference& ref) {
  return std::to_string(ref.ObjectNumber()) + " " + std::to_string(ref.GenerationNumber()) + " R";
}

std::string serialize(const PoDoFo::PdfObject& object) {
  std::string text;
  object.ToString(text, PoDoFo::ePdfWriteMode_Compact);
  return text;
}

PoDoFo::PdfObject* resolve(PoDoFo::PdfMemDocument& document, PoDoFo::PdfObject* object) {
  if (object != nullptr && object->IsReference())
    return document.GetObjects().GetObject(object->GetReference());
  return object;
}

std::optional<std::uint64_t> last_startxref(std::string_view pdf) {
  const auto at = pdf.rfind("startxref");
  if (at == std::string_view::npos)
    return std::nullopt;
  std::size_t i = at + 9;
  while (i < pdf.size() && is_space(pdf[i]))
    ++i;
  std::uint64_t value = 0;
  bool digits = false;
  while (i < pdf.size() && pdf[i] >= '0' && pdf[i] <= '9' && value < (1ull << 50)) {
    value = value * 10 + static_cast<std::uint64_t>(pdf[i] - '0');
    digits = true;
    ++i;
  }
  if (!digits)
    return std::nullopt;
  return value;
}

model::Result<UpdatePlan> start_update(PoDoFo::PdfMemDocument& document, std::string_view pdf,
                                       std::string_view origin) {
  using namespace PoDoFo;
  einvoice::pdf::quiet_podofo();
  const std::size_t max_bytes = einvoice::pdf::PdfLimits{}.max_file_bytes;
  if (pdf.size() > max_bytes) {
    return error(ErrorCode::kLimitExceeded, origin,
                 "PDF larger than " + std::to_string(max_bytes >> 20) + " MB");
  }
  // Nesting bounded before PoDoFo parses (its dictionary reader recurses
  // without limit).
  if (auto scanned = einvoice::pdf::prescan_pdf(pdf, origin); !scanned)
    return scanned.error();
  document.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), false);
  if (document.GetEncrypted())
    return error(ErrorCode::kUnsupported, origin, "encrypted PDF cannot be sealed");
  const PdfObject* trailer = document.GetTrailer();
  const PdfObject* catalog = document.GetCatalog();
  if (trailer == nullptr || catalog == nullptr || !catalog->IsDictionary() ||
      catalog->Reference().ObjectNumber() == 0) {
    return error(ErrorCode::kMalformed, origin, "no document catalog");
  }
  const auto prev = last_startxref(pdf);
  if (!prev)
    return error(ErrorCode::kMalformed, origin, "no startxref");

  UpdatePlan plan;
  plan.prev = *prev;
  if (const PdfObject* s = trailer->GetDictionary().GetKey(PdfName("Size"));
      s != nullptr && s->IsNumber() && s->GetNumber() > 0) {
    plan.size = static_cast<std::uint32_t>(s->GetNumber());
  }
  for (const PdfObject* o : document.GetObjects())
    plan.size = std::max<std::uint32_t>(plan.size, o->Reference().ObjectNumber() + 1);

  plan.trailer = "/Root " + ref_string(catalog->Reference());
  if (const PdfObject* info = trailer->GetDictionary().GetKey(PdfName("Info"));
      info != nullptr && info->IsReference()) {
    plan.trailer += "/Info " + ref_string(info->GetReference());
  }
  if (const PdfObject* id = trailer->GetDictionary().GetKey(PdfName("ID"));
      id != nullptr && id->IsArray()) {
    plan.trailer += "/ID " + serialize(*id);
  }
  return plan;
}

std::string write_update(std::string_view pdf, const UpdatePlan& plan) {
  std::string out(pdf);
  if (!out.empty() && out.back() != '\n' && out.back() != '\r')
    out += '\n';
  std::vector<std::pair<std::uint32_t, std::pair<std::uint16_t, std::size_t>>> offsets;
  for (const UpdateObject& o : plan.objects) {
    offsets.push_back({o.number, {o.generation, out.size()}});
    out += std::to_string(o.number) + " " + std::to_string(o.generation) + " obj\n" + o.body +
           "\nendobj\n";
  }
  std::sort(offsets.begin(), offsets.end());
  const std::size_t xref = out.size();
  out += "xref\n";
  for (const auto& [number, entry] : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu %05u n\r\n", entry.second,
                  static_cast<unsigned>(entry.first));
    out += std::to_string(number) + " 1\n" + line;
  }
  out += "trailer\n<</Size " + std::to_string(plan.size) + plan.trailer + "/Prev " +
         std::to_string(plan.prev) + ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string stream_body(std::string_view data) {
  return "<</Length " + std::to_string(data.size()) + ">>\nstream\n" + std::string(data) +
         "\nendstream";
}

}  // namespace einvoice::signing::pdf
