#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace einvoice::archive {

// The class a retention rule is chosen by.
enum class DocumentClass { kInvoice, kReceipt, kOther };

const char* to_string(DocumentClass document_class);  // "invoice", "receipt", "other"
std::optional<DocumentClass> parse_document_class(std::string_view text);

// What is known of a document from its content or from the depositor. Empty
// strings are unknown values.
struct DocumentMetadata {
  std::string file_name;       // the name it was deposited under (no folder)
  std::string siren;           // seller SIREN (BT-30 of a French seller) or given
  std::string invoice_number;  // BT-1
  std::string invoice_date;    // BT-2, "YYYY-MM-DD"
  std::string type_code;       // BT-3 (380 invoice, 381 credit note...)
  std::string format;          // "CII", "UBL", "Factur-X", "PDF", "XML" or "other"
  std::string profile;         // BT-24 guideline id, or the Factur-X profile
  DocumentClass document_class = DocumentClass::kOther;
};

// One archived object as the catalog records it.
struct ArchivedObject {
  std::string id;             // unique, "ar-" and 24 hex digits
  std::string sha256;         // of the exact deposited bytes (the plaintext)
  std::uint64_t size = 0;     // of the deposited bytes
  std::string stored_sha256;  // of the bytes stored (the ciphertext when encrypted)
  std::string deposited_at;   // "YYYY-MM-DDTHH:MM:SSZ"
  DocumentMetadata metadata;
  std::string key_id;       // the master key wrapping its data key; empty: not encrypted
  std::string wrapped_key;  // hex: nonce, wrapped data key, tag (see master_key.h)
  bool on_hold = false;
  bool destroyed = false;
  std::int64_t deposit_sequence = 0;  // the journal entry that recorded the deposit

  // The canonical JSON of everything the deposit fixed (ids, fingerprints,
  // time, metadata; not the hold, destruction or key state, which the journal
  // records as events): keys sorted, no spaces. Its SHA-256 is written into
  // the journal entry of the deposit or of a metadata change, so that an edited
  // catalog row is found by the audit.
  std::string metadata_json() const;
  std::string metadata_sha256() const;
};

}  // namespace einvoice::archive
