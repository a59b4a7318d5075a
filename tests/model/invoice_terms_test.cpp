#include <catch2/catch.hpp>

#include "model/invoice.h"
#include "model/invoice_json.h"
#include "model/term_list.h"

using namespace einvoice::model;

namespace {

Invoice small_invoice() {
  Invoice in;
  in.number = "F-2026-0042";
  in.issue_date = Date{2026, 9, 1};
  in.type_code = "380";
  in.currency_code = "EUR";
  in.seller.name = "Atelier Dupont SARL";
  in.seller.identifiers.push_back({"12345678200010", "0009", std::nullopt});
  in.seller.identifiers.push_back({"GLN-1", std::nullopt, std::nullopt});
  in.seller.address.country_code = "FR";
  in.buyer.name = "Boulangerie \"Le Four\"";
  in.totals.total_with_vat = Decimal::parse("120.00");
  InvoiceLine line;
  line.identifier = "1";
  line.net_amount = Decimal::parse("100.00");
  line.item.name = "Pain";
  in.lines.push_back(line);
  line.identifier = "2";
  line.item.name = "Croissant";
  in.lines.push_back(line);
  return in;
}

}  // namespace

TEST_CASE("Flattened terms carry full paths with 1-based list indexes", "[terms]") {
  auto terms = flatten_terms(small_invoice());
  auto find = [&](const std::string& path) -> std::string {
    for (const auto& t : terms) {
      if (t.path == path)
        return t.value;
    }
    return "<absent>";
  };
  CHECK(find("BT-1") == "F-2026-0042");
  CHECK(find("BT-2") == "2026-09-01");
  CHECK(find("BG-4/BT-29[1]/BT-29") == "12345678200010");
  CHECK(find("BG-4/BT-29[1]/BT-29-1") == "0009");
  CHECK(find("BG-4/BT-29[2]/BT-29") == "GLN-1");
  CHECK(find("BG-4/BT-29[2]/BT-29-1") == "<absent>");
  CHECK(find("BG-4/BG-5/BT-40") == "FR");
  CHECK(find("BG-22/BT-112") == "120.00");
  CHECK(find("BG-25[2]/BG-31/BT-153") == "Croissant");
  CHECK(find("BG-25[2]/BT-131") == "100.00");
  auto ids = present_term_ids(small_invoice());
  CHECK(ids.count("BT-29-1") == 1);
  CHECK(ids.count("BT-10") == 0);
}

TEST_CASE("Term diffs name the differing path and both values", "[terms]") {
  Invoice a = small_invoice();
  Invoice b = a;
  CHECK(diff_terms(a, b).empty());
  CHECK(a == b);
  b.lines[1].net_amount = Decimal::parse("100.0");
  b.buyer_reference = "REF";
  auto diff = diff_terms(a, b);
  CHECK(a != b);
  REQUIRE(diff.size() == 2);
  CHECK(diff[0] == "BG-25[2]/BT-131: '100.00' != '100.0'");
  CHECK(diff[1] == "BT-10: 'REF' missing in first");
}

TEST_CASE("Invoice JSON is keyed by business term ids", "[json]") {
  std::string json = to_json(small_invoice(), false);
  CHECK(json.rfind("{\"BT-1\":\"F-2026-0042\",\"BT-2\":\"2026-09-01\"", 0) == 0);
  CHECK(json.find("\"BG-4\":{\"BT-27\":\"Atelier Dupont SARL\",\"BT-29\":[{\"BT-29\":"
                  "\"12345678200010\",\"BT-29-1\":\"0009\"},{\"BT-29\":\"GLN-1\"}]") !=
        std::string::npos);
  CHECK(json.find("\"BT-44\":\"Boulangerie \\\"Le Four\\\"\"") != std::string::npos);
  CHECK(json.find("\"BG-25\":[{\"BT-126\":\"1\"") != std::string::npos);
  CHECK(json.back() == '}');
}
