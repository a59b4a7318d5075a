#pragma once

#include <optional>
#include <string_view>

namespace einvoice::facturx {

// The profiles an embedded invoice can declare, Factur-X 1.0x (= ZUGFeRD 2.1+)
// first, then the older and neighbouring families einvoice recognises when
// reading.
enum class Profile {
  kMinimum,
  kBasicWl,
  kBasic,
  kEn16931,
  kExtended,
  kXRechnung,      // German CIUS of EN 16931 (CII or UBL)
  kZugferd1Basic,  // ZUGFeRD 1.0 (urn:ferd:...)
  kZugferd1Comfort,
  kZugferd1Extended,
};

// The family a guideline id or XMP namespace belongs to.
enum class Family { kFacturX, kZugferd2, kZugferd1, kXRechnung };

const char* to_string(Profile profile);  // "MINIMUM", "BASIC WL", ..., "XRECHNUNG"
// The Factur-X profile an option names: "minimum", "basicwl" (or
// "basic-wl"), "basic", "en16931", "extended"; nullopt otherwise.
std::optional<Profile> parse_profile_option(std::string_view text);
const char* to_string(Family family);

// Profile and family of a CII guideline id (BT-24), e.g.
// "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic". Accepts the
// five Factur-X URNs, the ZUGFeRD 2.0 ones (urn:zugferd.de:2p0:...), ZUGFeRD
// 1.0 (urn:ferd:CrossIndustryDocument:invoice:1p0:...) and XRechnung
// (urn:xoev-de:kosit:standard:xrechnung_*, any version). nullopt otherwise.
struct GuidelineMatch {
  Profile profile;
  Family family;
};
std::optional<GuidelineMatch> profile_of_guideline(std::string_view guideline_id);

// The guideline id einvoice writes into an invoice built for `profile`
// (Factur-X profiles and XRechnung 3.0).
std::string_view guideline_of(Profile profile);

// The XMP fx:ConformanceLevel value of a profile ("BASIC WL", "EN 16931", ...)
// and back (ZUGFeRD 1 "COMFORT" included; case-sensitive as published).
std::string_view conformance_level(Profile profile);
std::optional<Profile> profile_of_conformance_level(std::string_view level);

// Whether the profile carries a complete EN 16931 invoice: MINIMUM and BASIC
// WL do not (their PDF is the legal invoice, the XML is data only).
bool is_full_invoice(Profile profile);

}  // namespace einvoice::facturx
