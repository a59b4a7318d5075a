#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "archive/archived_object.h"

namespace einvoice::archive {

// How long each class of document is kept: `years` counted from the end of
// the calendar year of the document's date (the invoice date, BT-2, when
// known, else the deposit date). French invoices: 10 years (Code de
// commerce L123-22, which covers the 6 years of LPF L102 B). Stored in the
// catalog's settings ("retention.invoice" ...), fixed at `archive init`.
struct RetentionPolicy {
  int invoice_years = 10;
  int receipt_years = 10;
  int other_years = 10;

  int years_for(DocumentClass document_class) const;

  // The first day the object may be destroyed (00:00:00 UTC of 1 January
  // after `years` full years past the end of its date's year); nullopt when
  // neither date can be read.
  std::optional<std::chrono::sys_days> expiry(const ArchivedObject& object) const;
};

// "YYYY-MM-DD" (the first 10 characters of `text`) as a day; nullopt when
// not a valid date.
std::optional<std::chrono::year_month_day> parse_day(std::string_view text);

}  // namespace einvoice::archive
