#pragma once

#include <string>
#include <string_view>

#include "model/decimal.h"

namespace einvoice::render {

enum class Language;

// Numbers for a reader, from the exact Decimal (never through floating point):
// every digit and the number of decimals as written, the integer part grouped
// by three.
//   French:  "1 234 567,891" (groups separated by U+202F NARROW NO-BREAK SPACE,
//            decimal comma), "-264,60";
//   English: "1,234,567.891", "-264.60".
// Thread safety: pure functions.
std::string format_number(const model::Decimal& value, Language language);

// An amount with its currency (ISO 4217 code, BT-5/BT-6), the sign where the
// language puts it: French "1 234,56 €" (U+00A0 NO-BREAK SPACE before the
// sign), English "€1,234.56", "-£3.00". Currencies without a sign here keep
// their code: French "1 234,56 CHF", English "CHF 1,234.56". An empty
// currency gives the number alone.
std::string format_amount(const model::Decimal& value, std::string_view currency,
                          Language language);

}  // namespace einvoice::render
