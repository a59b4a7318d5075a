#include "archive/archived_object.h"

#include <nlohmann/json.hpp>

#include "archive/sha256.h"

namespace einvoice::archive {

const char* to_string(DocumentClass document_class) {
  switch (document_class) {
    case DocumentClass::kInvoice:
      return "invoice";
    case DocumentClass::kReceipt:
      return "receipt";
    case DocumentClass::kOther:
      break;
  }
  return "other";
}

std::optional<DocumentClass> parse_document_class(std::string_view text) {
  if (text == "invoice")
    return DocumentClass::kInvoice;
  if (text == "receipt")
    return DocumentClass::kReceipt;
  if (text == "other")
    return DocumentClass::kOther;
  return std::nullopt;
}

std::string ArchivedObject::metadata_json() const {
  const nlohmann::json json = {
      {"id", id},
      {"sha256", sha256},
      {"size", size},
      {"stored_sha256", stored_sha256},
      {"deposited_at", deposited_at},
      {"file", metadata.file_name},
      {"siren", metadata.siren},
      {"invoice_number", metadata.invoice_number},
      {"invoice_date", metadata.invoice_date},
      {"type_code", metadata.type_code},
      {"format", metadata.format},
      {"profile", metadata.profile},
      {"class", to_string(metadata.document_class)},
  };
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ArchivedObject::metadata_sha256() const {
  return Sha256::hex(metadata_json());
}

}  // namespace einvoice::archive
