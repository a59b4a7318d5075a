#pragma once

#include <string_view>

namespace einvoice::cii {

// Namespaces of the CII D16B schemas (D22B uses the same URIs). The writer
// binds them to the prefixes rsm, ram, udt and qdt.
inline constexpr std::string_view kRsmNamespace =
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
inline constexpr std::string_view kRamNamespace =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
inline constexpr std::string_view kUdtNamespace =
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
inline constexpr std::string_view kQdtNamespace =
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

// Local name of the root element, in kRsmNamespace.
inline constexpr std::string_view kRootElement = "CrossIndustryInvoice";

}  // namespace einvoice::cii
