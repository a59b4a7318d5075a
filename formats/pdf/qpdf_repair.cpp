#include "formats/pdf/qpdf_repair.h"

// qpdf 11 asks its users to say which PointerHolder API they use: none.
#define POINTERHOLDER_TRANSITION 4

#include <exception>
#include <map>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QPDFXRefEntry.hh>
#include <vector>

namespace einvoice::pdf {
namespace {

constexpr std::size_t kMaxWarnings = 20;

std::string describe(const QPDFExc& warning) {
  std::string text;
  if (!warning.getObject().empty())
    text = warning.getObject();
  if (warning.getFilePosition() > 0)
    text +=
        (text.empty() ? "at offset " : " at offset ") + std::to_string(warning.getFilePosition());
  return text.empty() ? warning.getMessageDetail() : text + ": " + warning.getMessageDetail();
}

}  // namespace

bool repair_with_qpdf(std::string_view pdf, std::string_view name, std::string& out,
                      std::string& error, std::vector<std::string>& warnings) {
  try {
    QPDF reader;
    reader.setSuppressWarnings(true);
    reader.setAttemptRecovery(true);
    const std::string description(name);
    reader.processMemoryFile(description.c_str(), pdf.data(), pdf.size());
    QPDFWriter writer(reader);
    writer.setOutputMemory();
    writer.setCompressStreams(false);
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setPreserveEncryption(false);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    out.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    const std::vector<QPDFExc> found = reader.getWarnings();
    for (std::size_t i = 0; i < found.size() && i < kMaxWarnings; ++i)
      warnings.push_back(describe(found[i]));
    if (found.size() > kMaxWarnings)
      warnings.push_back(std::to_string(found.size() - kMaxWarnings) + " more repairs");
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

std::optional<std::size_t> xref_offset(std::string_view pdf, std::string_view name,
                                       std::uint32_t number, std::uint16_t generation) {
  try {
    QPDF reader;
    reader.setSuppressWarnings(true);
    reader.setAttemptRecovery(false);
    const std::string description(name);
    reader.processMemoryFile(description.c_str(), pdf.data(), pdf.size());
    const std::map<QPDFObjGen, QPDFXRefEntry> table = reader.getXRefTable();
    auto entry = table.find(QPDFObjGen(static_cast<int>(number), generation));
    if (entry == table.end())
      return std::nullopt;
    if (entry->second.getType() == 2) {
      // In an object stream: where that stream is.
      entry = table.find(QPDFObjGen(entry->second.getObjStreamNumber(), 0));
      if (entry == table.end())
        return std::nullopt;
    }
    if (entry->second.getType() != 1 || entry->second.getOffset() < 0)
      return std::nullopt;
    return static_cast<std::size_t>(entry->second.getOffset());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace einvoice::pdf
