// Throughput of read + write on a ~22 KB official example. Hidden: run with
//   ubl_test "[.bench]"   (Release or RelWithDebInfo build)

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <string>

#include "formats/ubl/ubl_reader.h"
#include "formats/ubl/ubl_writer.h"
#include "tests/ubl/ubl_test_support.h"

namespace einvoice::ubl {
namespace {

TEST_CASE("read + write throughput", "[.bench][ubl]") {
  const std::string bytes = test::load(test::ubl_example("Invoice-Max_content.xml"));
  constexpr int kRounds = 1000;
  std::size_t written = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) {
    auto parsed = read_ubl(bytes, "bench.xml");
    REQUIRE(parsed.ok());
    written += write_ubl(parsed->invoice).size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("UBL read+write: %d x %zu bytes in %.3f s = %.0f invoices/s (%zu bytes written)\n",
              kRounds, bytes.size(), seconds, kRounds / seconds, written / kRounds);
  CHECK(written > 0);
}

}  // namespace
}  // namespace einvoice::ubl
