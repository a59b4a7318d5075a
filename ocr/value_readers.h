#pragma once

// Reading one value out of the tokens that follow a label: the first date,
// the first amount (with "1 234,56" spread over several words), the first
// reference-like word. Internal to the field extractor.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/decimal.h"
#include "ocr/extracted_invoice.h"
#include "ocr/layout.h"

namespace einvoice::ocr {

template <class T>
struct Read {
  T value;
  Box box;
  float confidence = 100;  // lowest word confidence, 0..100
  std::size_t next = 0;    // index of the first token after the value
};

std::optional<Read<model::Date>> read_date(const std::vector<Token>& tokens, std::size_t from = 0);
// Amounts with decimals only ("12,50", "1 234.56"); "20 %" is not an amount.
std::optional<Read<model::Decimal>> read_amount(const std::vector<Token>& tokens,
                                                std::size_t from = 0);
// The first word that holds a digit and is not a date or an amount, after
// skipping "n°", "no", "nr", ":", "#" (invoice numbers, order numbers).
std::optional<Read<std::string>> read_reference(const std::vector<Token>& tokens);
// Digits of the first 1..4 consecutive words that give exactly `count` digits.
std::optional<Read<std::string>> read_digits(const std::vector<Token>& tokens, std::size_t count);
// The tokens' text joined with spaces.
// Whether `next` is the rest of the amount `number` (its words so far,
// joined by spaces) that OCR split at the decimal separator: "26977" then
// ".54", or "35 019," then "90".
bool splits_decimals(std::string_view number, std::string_view next);

std::string join(const std::vector<Token>& tokens, std::size_t from = 0);
// The tokens as one field: their text joined, the box around them, their
// lowest confidence.
Field field_of_tokens(const std::vector<Token>& tokens, int page, FieldSource source);

// A field from a read value: confidence = word confidence x how reliable the
// way it was found.
Field make_field(std::string value, const Box& box, float word_confidence, int page,
                 FieldSource source);

}  // namespace einvoice::ocr
