#pragma once

#include <optional>
#include <vector>

#include "model/document_parts.h"

namespace einvoice::model {

// BG-29 PRICE DETAILS (1..1).
struct PriceDetails {
  Amount net_price;         // BT-146 (1..1)
  Amount discount;          // BT-147
  Amount gross_price;       // BT-148
  Amount base_quantity;     // BT-149
  Code base_quantity_unit;  // BT-150

  bool operator==(const PriceDetails&) const = default;
};

// BG-30 LINE VAT INFORMATION (1..1).
struct LineVatInformation {
  Code category_code;  // BT-151 (1..1)
  Amount rate;         // BT-152

  bool operator==(const LineVatInformation&) const = default;
};

// BG-32 ITEM ATTRIBUTES (0..n).
struct ItemAttribute {
  Text name;   // BT-160 (1..1)
  Text value;  // BT-161 (1..1)

  bool operator==(const ItemAttribute&) const = default;
};

// BG-31 ITEM INFORMATION (1..1).
struct ItemInformation {
  Text name;                                           // BT-153 (1..1)
  Text description;                                    // BT-154
  Text sellers_identifier;                             // BT-155
  Text buyers_identifier;                              // BT-156
  std::optional<Identifier> standard_identifier;       // BT-157, scheme BT-157-1
  std::vector<Identifier> classification_identifiers;  // BT-158, scheme BT-158-1, version BT-158-2
  Code country_of_origin;                              // BT-159
  std::vector<ItemAttribute> attributes;               // BG-32

  bool operator==(const ItemInformation&) const = default;
};

// BG-25 INVOICE LINE (1..n).
struct InvoiceLine {
  Text identifier;                              // BT-126 (1..1)
  Text note;                                    // BT-127
  std::optional<Identifier> object_identifier;  // BT-128, scheme BT-128-1
  Amount invoiced_quantity;                     // BT-129 (1..1)
  Code invoiced_quantity_unit;                  // BT-130 (1..1)
  Amount net_amount;                            // BT-131 (1..1)
  Text purchase_order_line_reference;           // BT-132
  Text buyer_accounting_reference;              // BT-133
  std::optional<Period> period;                 // BG-26
  std::vector<AllowanceCharge> allowances;      // BG-27
  std::vector<AllowanceCharge> charges;         // BG-28
  PriceDetails price;                           // BG-29
  LineVatInformation vat;                       // BG-30
  ItemInformation item;                         // BG-31

  bool operator==(const InvoiceLine&) const = default;
};

}  // namespace einvoice::model
