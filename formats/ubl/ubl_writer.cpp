#include "formats/ubl/ubl_writer.h"

#include <array>

#include "formats/ubl/binding.h"
#include "formats/ubl/document_writer.h"

namespace einvoice::ubl {

namespace {

// UNTDID 1001 credit note codes of the EN 16931 code list for
// cbc:CreditNoteTypeCode (BR-CL-01, UBL binding).
constexpr std::array<std::string_view, 13> kCreditNoteTypeCodes = {
    "81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "502", "503", "532"};

}  // namespace

bool is_credit_note_type_code(std::string_view code) {
  std::string_view trimmed = trim_xml_space(code);
  for (std::string_view candidate : kCreditNoteTypeCodes) {
    if (trimmed == candidate)
      return true;
  }
  return false;
}

std::string write_ubl(const model::Invoice& invoice) {
  bool credit_note = invoice.type_code && is_credit_note_type_code(*invoice.type_code);
  return DocumentWriter(invoice, credit_note).write();
}

}  // namespace einvoice::ubl
