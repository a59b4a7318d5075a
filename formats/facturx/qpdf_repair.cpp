#include "formats/facturx/qpdf_repair.h"

// qpdf 11 asks its users to say which PointerHolder API they use: none.
#define POINTERHOLDER_TRANSITION 4

#include <exception>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

namespace einvoice::facturx {

bool repair_with_qpdf(std::string_view pdf, std::string_view name, std::string& out,
                      std::string& error) {
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
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

}  // namespace einvoice::facturx
