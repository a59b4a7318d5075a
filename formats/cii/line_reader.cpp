#include <string>

#include "formats/cii/document_reader.h"

namespace einvoice::cii {

using xml::XmlElement;

void DocumentReader::read_line(XmlElement item) {
  const std::size_t first_diagnostic = terms_.diagnostics().size();
  model::InvoiceLine line;
  for_each_ram_child(item, [&](XmlElement c, std::string_view name) {
    if (name == "AssociatedDocumentLineDocument") {
      read_line_document(c, line);
    } else if (name == "SpecifiedTradeProduct") {
      read_product(c, line.item);
    } else if (name == "SpecifiedLineTradeAgreement") {
      read_line_agreement(c, line);
    } else if (name == "SpecifiedLineTradeDelivery") {
      if (XmlElement quantity = c.child(kRamNamespace, "BilledQuantity")) {
        terms_.set_decimal(line.invoiced_quantity, quantity, "BT-129");
        line.invoiced_quantity_unit = quantity.attribute("unitCode");
      }
    } else if (name == "SpecifiedLineTradeSettlement") {
      read_line_settlement(c, line);
    }
  });
  const std::size_t end_diagnostic = terms_.diagnostics().size();
  if (end_diagnostic > first_diagnostic) {
    // Built in two steps: GCC 12 at -O3 misreports "#" + to_string() (-Wrestrict).
    std::string label = "#";
    if (line.identifier)
      label = *line.identifier;
    else
      label += std::to_string(invoice_.lines.size() + 1);
    line_spans_.push_back({first_diagnostic, end_diagnostic, std::move(label)});
  }
  invoice_.lines.push_back(std::move(line));
}

void DocumentReader::read_line_document(XmlElement document, model::InvoiceLine& line) {
  for_each_ram_child(document, [&](XmlElement c, std::string_view name) {
    if (name == "LineID") {
      terms_.set_text(line.identifier, c, "BT-126");
    } else if (name == "IncludedNote") {
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "Content")
          terms_.set_text(line.note, field, "BT-127");
      });
    }
  });
}

void DocumentReader::read_product(XmlElement product, model::ItemInformation& item) {
  for_each_ram_child(product, [&](XmlElement c, std::string_view name) {
    if (name == "GlobalID") {
      terms_.set_identifier(item.standard_identifier, c, "BT-157");
    } else if (name == "SellerAssignedID") {
      terms_.set_text(item.sellers_identifier, c, "BT-155");
    } else if (name == "BuyerAssignedID") {
      terms_.set_text(item.buyers_identifier, c, "BT-156");
    } else if (name == "Name") {
      terms_.set_text(item.name, c, "BT-153");
    } else if (name == "Description") {
      terms_.set_text(item.description, c, "BT-154");
    } else if (name == "ApplicableProductCharacteristic") {
      model::ItemAttribute attribute;
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "Description") {
          terms_.set_text(attribute.name, field, "BT-160");
        } else if (local == "Value") {
          terms_.set_text(attribute.value, field, "BT-161");
        }
      });
      item.attributes.push_back(std::move(attribute));
    } else if (name == "DesignatedProductClassification") {
      if (XmlElement code = c.child(kRamNamespace, "ClassCode")) {
        model::Identifier classification;
        classification.value = code.text();
        classification.scheme_id = code.attribute("listID");
        classification.scheme_version = code.attribute("listVersionID");
        item.classification_identifiers.push_back(std::move(classification));
      }
    } else if (name == "OriginTradeCountry") {
      if (XmlElement id = c.child(kRamNamespace, "ID")) {
        terms_.set_text(item.country_of_origin, id, "BT-159");
      }
    }
  });
}

void DocumentReader::read_line_agreement(XmlElement agreement, model::InvoiceLine& line) {
  for_each_ram_child(agreement, [&](XmlElement c, std::string_view name) {
    if (name == "BuyerOrderReferencedDocument") {
      if (XmlElement id = c.child(kRamNamespace, "LineID")) {
        terms_.set_text(line.purchase_order_line_reference, id, "BT-132");
      }
    } else if (name == "GrossPriceProductTradePrice") {
      read_gross_price(c, line.price);
    } else if (name == "NetPriceProductTradePrice") {
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "ChargeAmount") {
          terms_.set_decimal(line.price.net_price, field, "BT-146");
        } else if (local == "BasisQuantity") {
          terms_.set_decimal(line.price.base_quantity, field, "BT-149");
          line.price.base_quantity_unit = field.attribute("unitCode");
        }
      });
    }
  });
}

// BT-148 and the price discount BT-147 (an AppliedTradeAllowanceCharge with
// ChargeIndicator false). The gross price's BasisQuantity is not an EN 16931
// term (BT-149 is the net price's) and price surcharges are EXTENDED only.
void DocumentReader::read_gross_price(XmlElement price, model::PriceDetails& details) {
  for_each_ram_child(price, [&](XmlElement c, std::string_view name) {
    if (name == "ChargeAmount") {
      terms_.set_decimal(details.gross_price, c, "BT-148");
    } else if (name == "AppliedTradeAllowanceCharge") {
      std::optional<bool> is_charge = charge_indicator(c, "BT-147");
      if (!is_charge || *is_charge)
        return;
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "ActualAmount")
          terms_.set_decimal(details.discount, field, "BT-147");
      });
    }
  });
}

void DocumentReader::read_line_settlement(XmlElement settlement, model::InvoiceLine& line) {
  for_each_ram_child(settlement, [&](XmlElement c, std::string_view name) {
    if (name == "ApplicableTradeTax") {
      for_each_ram_child(c, [&](XmlElement field, std::string_view local) {
        if (local == "CategoryCode") {
          terms_.set_text(line.vat.category_code, field, "BT-151");
        } else if (local == "RateApplicablePercent") {
          terms_.set_decimal(line.vat.rate, field, "BT-152");
        }
      });
    } else if (name == "BillingSpecifiedPeriod") {
      read_period(c, line.period, "BT-134", "BT-135");
    } else if (name == "SpecifiedTradeAllowanceCharge") {
      read_line_allowance_charge(c, line);
    } else if (name == "SpecifiedTradeSettlementLineMonetarySummation") {
      if (XmlElement total = c.child(kRamNamespace, "LineTotalAmount")) {
        terms_.set_decimal(line.net_amount, total, "BT-131");
      }
    } else if (name == "AdditionalReferencedDocument") {
      // BT-128 has TypeCode 130; the official examples also omit the TypeCode.
      std::string type_text = c.child(kRamNamespace, "TypeCode").text();
      std::string_view type = trim_xml_space(type_text);
      if (!type.empty() && type != "130")
        return;
      if (line.object_identifier)
        return terms_.drop_repeated(c, "BT-128");
      model::Identifier& id = line.object_identifier.emplace();
      if (XmlElement issuer_id = c.child(kRamNamespace, "IssuerAssignedID")) {
        id.value = issuer_id.text();
      }
      if (XmlElement scheme = c.child(kRamNamespace, "ReferenceTypeCode")) {
        id.scheme_id = scheme.text();
      }
    } else if (name == "ReceivableSpecifiedTradeAccountingAccount") {
      if (XmlElement id = c.child(kRamNamespace, "ID")) {
        terms_.set_text(line.buyer_accounting_reference, id, "BT-133");
      }
    }
  });
}

// BG-27 (ChargeIndicator false) or BG-28 (true).
void DocumentReader::read_line_allowance_charge(XmlElement allowance_charge,
                                                model::InvoiceLine& line) {
  std::optional<bool> is_charge = charge_indicator(allowance_charge, "BG-27");
  if (!is_charge)
    return;
  struct Ids {
    std::string_view amount, base, percentage, reason, reason_code;
  };
  const Ids ids = *is_charge ? Ids{"BT-141", "BT-142", "BT-143", "BT-144", "BT-145"}
                             : Ids{"BT-136", "BT-137", "BT-138", "BT-139", "BT-140"};
  model::AllowanceCharge out;
  for_each_ram_child(allowance_charge, [&](XmlElement c, std::string_view name) {
    if (name == "CalculationPercent") {
      terms_.set_decimal(out.percentage, c, ids.percentage);
    } else if (name == "BasisAmount") {
      terms_.set_decimal(out.base_amount, c, ids.base);
    } else if (name == "ActualAmount") {
      terms_.set_decimal(out.amount, c, ids.amount);
    } else if (name == "ReasonCode") {
      terms_.set_text(out.reason_code, c, ids.reason_code);
    } else if (name == "Reason") {
      terms_.set_text(out.reason, c, ids.reason);
    }
  });
  (*is_charge ? line.charges : line.allowances).push_back(std::move(out));
}

}  // namespace einvoice::cii
