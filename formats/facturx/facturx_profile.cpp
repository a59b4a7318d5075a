#include "formats/facturx/facturx_profile.h"

#include <array>
#include <string>

namespace einvoice::facturx {
namespace {

struct ProfileFacts {
  Profile profile;
  const char* name;
  const char* level;      // XMP fx:ConformanceLevel
  const char* guideline;  // what einvoice writes
};

constexpr std::array<ProfileFacts, 9> kProfiles{{
    {Profile::kMinimum, "MINIMUM", "MINIMUM", "urn:factur-x.eu:1p0:minimum"},
    {Profile::kBasicWl, "BASIC WL", "BASIC WL", "urn:factur-x.eu:1p0:basicwl"},
    {Profile::kBasic, "BASIC", "BASIC",
     "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"},
    {Profile::kEn16931, "EN 16931", "EN 16931", "urn:cen.eu:en16931:2017"},
    {Profile::kExtended, "EXTENDED", "EXTENDED",
     "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended"},
    {Profile::kXRechnung, "XRECHNUNG", "XRECHNUNG",
     "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"},
    {Profile::kZugferd1Basic, "ZUGFeRD 1 BASIC", "BASIC",
     "urn:ferd:CrossIndustryDocument:invoice:1p0:basic"},
    {Profile::kZugferd1Comfort, "ZUGFeRD 1 COMFORT", "COMFORT",
     "urn:ferd:CrossIndustryDocument:invoice:1p0:comfort"},
    {Profile::kZugferd1Extended, "ZUGFeRD 1 EXTENDED", "EXTENDED",
     "urn:ferd:CrossIndustryDocument:invoice:1p0:extended"},
}};

const ProfileFacts& facts(Profile profile) {
  return kProfiles[static_cast<std::size_t>(profile)];
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

const char* to_string(Profile profile) {
  return facts(profile).name;
}

const char* to_string(Family family) {
  switch (family) {
    case Family::kFacturX:
      return "Factur-X 1.0 / ZUGFeRD 2.1+";
    case Family::kZugferd2:
      return "ZUGFeRD 2.0";
    case Family::kZugferd1:
      return "ZUGFeRD 1.0";
    case Family::kXRechnung:
      return "XRechnung";
  }
  return "unknown";
}

std::optional<GuidelineMatch> profile_of_guideline(std::string_view id) {
  // Surrounding XML whitespace is not part of the id.
  while (!id.empty() &&
         (id.front() == ' ' || id.front() == '\n' || id.front() == '\t' || id.front() == '\r'))
    id.remove_prefix(1);
  while (!id.empty() &&
         (id.back() == ' ' || id.back() == '\n' || id.back() == '\t' || id.back() == '\r'))
    id.remove_suffix(1);

  if (id.find("xrechnung") != std::string_view::npos)
    return GuidelineMatch{Profile::kXRechnung, Family::kXRechnung};
  struct Known {
    std::string_view id;
    Profile profile;
    Family family;
  };
  static constexpr Known kKnown[] = {
      {"urn:factur-x.eu:1p0:minimum", Profile::kMinimum, Family::kFacturX},
      {"urn:factur-x.eu:1p0:basicwl", Profile::kBasicWl, Family::kFacturX},
      {"urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", Profile::kBasic,
       Family::kFacturX},
      {"urn:cen.eu:en16931:2017", Profile::kEn16931, Family::kFacturX},
      {"urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended", Profile::kExtended,
       Family::kFacturX},
      {"urn:zugferd.de:2p0:minimum", Profile::kMinimum, Family::kZugferd2},
      {"urn:zugferd.de:2p0:basicwl", Profile::kBasicWl, Family::kZugferd2},
      {"urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic", Profile::kBasic,
       Family::kZugferd2},
      {"urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended", Profile::kExtended,
       Family::kZugferd2},
      {"urn:ferd:CrossIndustryDocument:invoice:1p0:basic", Profile::kZugferd1Basic,
       Family::kZugferd1},
      {"urn:ferd:CrossIndustryDocument:invoice:1p0:comfort", Profile::kZugferd1Comfort,
       Family::kZugferd1},
      {"urn:ferd:CrossIndustryDocument:invoice:1p0:extended", Profile::kZugferd1Extended,
       Family::kZugferd1},
  };
  for (const auto& known : kKnown) {
    if (id == known.id)
      return GuidelineMatch{known.profile, known.family};
  }
  // Some producers add a version suffix to the Factur-X extended URN.
  if (starts_with(id, "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended"))
    return GuidelineMatch{Profile::kExtended, Family::kFacturX};
  return std::nullopt;
}

std::string_view guideline_of(Profile profile) {
  return facts(profile).guideline;
}

std::string_view conformance_level(Profile profile) {
  return facts(profile).level;
}

std::optional<Profile> profile_of_conformance_level(std::string_view level) {
  if (level == "COMFORT")
    return Profile::kZugferd1Comfort;
  for (const auto& f : kProfiles) {
    if (level == f.level)
      return f.profile;  // the Factur-X profile comes first for shared names
  }
  return std::nullopt;
}

bool is_full_invoice(Profile profile) {
  return profile != Profile::kMinimum && profile != Profile::kBasicWl;
}

std::optional<Profile> parse_profile_option(std::string_view text) {
  if (text == "minimum")
    return Profile::kMinimum;
  if (text == "basicwl" || text == "basic-wl")
    return Profile::kBasicWl;
  if (text == "basic")
    return Profile::kBasic;
  if (text == "en16931")
    return Profile::kEn16931;
  if (text == "extended")
    return Profile::kExtended;
  return std::nullopt;
}

}  // namespace einvoice::facturx
