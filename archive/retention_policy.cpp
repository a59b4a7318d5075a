#include "archive/retention_policy.h"

namespace einvoice::archive {

int RetentionPolicy::years_for(DocumentClass document_class) const {
  switch (document_class) {
    case DocumentClass::kInvoice:
      return invoice_years;
    case DocumentClass::kReceipt:
      return receipt_years;
    case DocumentClass::kOther:
      break;
  }
  return other_years;
}

std::optional<std::chrono::year_month_day> parse_day(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9')
        return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const std::chrono::year_month_day day{std::chrono::year(parts[0]),
                                        std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!day.ok())
    return std::nullopt;
  return day;
}

std::optional<std::chrono::sys_days> RetentionPolicy::expiry(const ArchivedObject& object) const {
  auto day = parse_day(object.metadata.invoice_date);
  if (!day)
    day = parse_day(object.deposited_at);
  if (!day)
    return std::nullopt;
  const int year = static_cast<int>(day->year()) + 1 + years_for(object.metadata.document_class);
  return std::chrono::sys_days(std::chrono::year(year) / std::chrono::January / 1);
}

}  // namespace einvoice::archive
