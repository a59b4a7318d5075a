#include <string>

#include "formats/ubl/document_reader.h"

namespace einvoice::ubl {

using xml::XmlElement;

namespace {

constexpr AllowanceChargeTerms kLineAllowance{"BG-27", "BT-136", "BT-137", "BT-138",
                                              "",      "",       "BT-139", "BT-140"};
constexpr AllowanceChargeTerms kLineCharge{"BG-28", "BT-141", "BT-142", "BT-143",
                                           "",      "",       "BT-144", "BT-145"};

}  // namespace

void DocumentReader::read_line(XmlElement line_element) {
  const std::size_t first_diagnostic = terms_.diagnostics().size();
  model::InvoiceLine line;
  bool period_seen = false;
  bool item_seen = false;
  for_each_component(line_element, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "ID") {
        terms_.set_text(line.identifier, c, "BT-126");
      } else if (name == "Note") {
        terms_.set_text(line.note, c, "BT-127");
      } else if (name == "InvoicedQuantity" || name == "CreditedQuantity") {
        if (line.invoiced_quantity || line.invoiced_quantity_unit) {
          terms_.drop_repeated(c, "BT-129");
          return;
        }
        line.invoiced_quantity = terms_.decimal(c, "BT-129");
        line.invoiced_quantity_unit = c.attribute("unitCode");
      } else if (name == "LineExtensionAmount") {
        terms_.set_decimal(line.net_amount, c, "BT-131");
      } else if (name == "AccountingCost") {
        terms_.set_text(line.buyer_accounting_reference, c, "BT-133");
      }
      return;
    }
    if (component != Component::kAggregate)
      return;
    if (name == "InvoicePeriod") {
      if (period_seen) {
        drop(c, "BG-26", "EN 16931 allows one line period and the first is kept");
        return;
      }
      period_seen = true;
      read_period_dates(c, line.period.emplace(), "BT-134", "BT-135");
    } else if (name == "OrderLineReference") {
      set_child_text(line.purchase_order_line_reference, c, "LineID", "BT-132");
    } else if (name == "DocumentReference") {
      XmlElement type = c.child(kCbcNamespace, "DocumentTypeCode");
      if (type && trim_xml_space(type.text()) != kInvoicedObjectDocumentType) {
        drop(c, "BT-128",
             "a line document reference is the invoiced object (BT-128) only with "
             "DocumentTypeCode 130");
        return;
      }
      terms_.set_identifier(line.object_identifier, c.child(kCbcNamespace, "ID"), "BT-128");
    } else if (name == "AllowanceCharge") {
      read_line_allowance_charge(c, line);
    } else if (name == "Item") {
      if (item_seen) {
        drop(c, "BG-31", "EN 16931 allows one item per line and the first is kept");
        return;
      }
      item_seen = true;
      read_item(c, line);
    } else if (name == "Price") {
      read_price(c, line.price);
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

void DocumentReader::read_line_allowance_charge(XmlElement allowance_charge,
                                                model::InvoiceLine& line) {
  auto charge = charge_indicator(allowance_charge, "BG-27");
  if (!charge)
    return;
  model::AllowanceCharge out;
  read_allowance_charge_fields(allowance_charge, out, *charge ? kLineCharge : kLineAllowance);
  (*charge ? line.charges : line.allowances).push_back(std::move(out));
}

void DocumentReader::read_item(XmlElement item, model::InvoiceLine& line) {
  model::ItemInformation& out = line.item;
  bool taxed = false;
  for_each_component(item, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "Name") {
        terms_.set_text(out.name, c, "BT-153");
      } else if (name == "Description") {
        terms_.set_text(out.description, c, "BT-154");
      }
      return;
    }
    if (component != Component::kAggregate)
      return;
    if (name == "SellersItemIdentification") {
      set_child_text(out.sellers_identifier, c, "ID", "BT-155");
    } else if (name == "BuyersItemIdentification") {
      set_child_text(out.buyers_identifier, c, "ID", "BT-156");
    } else if (name == "StandardItemIdentification") {
      terms_.set_identifier(out.standard_identifier, c.child(kCbcNamespace, "ID"), "BT-157");
    } else if (name == "OriginCountry") {
      set_child_text(out.country_of_origin, c, "IdentificationCode", "BT-159");
    } else if (name == "CommodityClassification") {
      XmlElement code = c.child(kCbcNamespace, "ItemClassificationCode");
      if (!code) {
        drop(c, "BT-158", "only cbc:ItemClassificationCode is an EN 16931 item classification");
        return;
      }
      model::Identifier id;
      id.value = code.text();
      id.scheme_id = code.attribute("listID");
      id.scheme_version = code.attribute("listVersionID");
      out.classification_identifiers.push_back(std::move(id));
    } else if (name == "ClassifiedTaxCategory") {
      if (taxed) {
        drop(c, "BG-30", "EN 16931 allows one VAT category per line and the first is kept");
        return;
      }
      taxed = true;
      set_child_text(line.vat.category_code, c, "ID", "BT-151");
      terms_.set_decimal(line.vat.rate, c.child(kCbcNamespace, "Percent"), "BT-152");
    } else if (name == "AdditionalItemProperty") {
      model::ItemAttribute attribute;
      set_child_text(attribute.name, c, "Name", "BT-160");
      set_child_text(attribute.value, c, "Value", "BT-161");
      out.attributes.push_back(std::move(attribute));
    }
  });
}

void DocumentReader::read_price(XmlElement price, model::PriceDetails& details) {
  bool discounted = false;
  for_each_component(price, [&](XmlElement c, Component component, std::string_view name) {
    if (component == Component::kBasic) {
      if (name == "PriceAmount") {
        terms_.set_decimal(details.net_price, c, "BT-146");
      } else if (name == "BaseQuantity") {
        if (details.base_quantity || details.base_quantity_unit) {
          terms_.drop_repeated(c, "BT-149");
          return;
        }
        details.base_quantity = terms_.decimal(c, "BT-149");
        details.base_quantity_unit = c.attribute("unitCode");
      }
      return;
    }
    if (component != Component::kAggregate || name != "AllowanceCharge")
      return;
    auto charge = charge_indicator(c, "BT-147");
    if (!charge)
      return;
    if (*charge) {
      drop(c, "BT-147", "EN 16931 allows only a discount (no charge) on the item price");
      return;
    }
    if (discounted) {
      drop(c, "BT-147", "EN 16931 allows one item price discount and the first is kept");
      return;
    }
    discounted = true;
    terms_.set_decimal(details.discount, c.child(kCbcNamespace, "Amount"), "BT-147");
    terms_.set_decimal(details.gross_price, c.child(kCbcNamespace, "BaseAmount"), "BT-148");
  });
}

}  // namespace einvoice::ubl
