#pragma once

// Internal to the BR-CO family: the rules of EN 16931 validation-1.3.16
// (ubl/schematron/abstract/EN16931-model.sch and its CII twin), ids, flags
// and messages as published. BR-CO-05 to BR-CO-08 are tested as true() by
// both artefacts (reason codes and reasons cannot be compared by machine):
// they are listed, never reported. BR-CO-25 exists only in the EDIFACT
// artefact.

#include "validation/rule.h"

namespace einvoice::validation::calculation {

inline constexpr Rule kBrCo03{"BR-CO-03", kFatal, "BT-7",
                              "[BR-CO-03]-Value added tax point date (BT-7) and Value added tax "
                              "point date code (BT-8) are mutually exclusive."};
inline constexpr Rule kBrCo04{"BR-CO-04", kFatal, "BG-25",
                              "[BR-CO-04]-Each Invoice line (BG-25) shall be categorized with an "
                              "Invoiced item VAT category code (BT-151)."};
inline constexpr Rule kBrCo05{
    "BR-CO-05", kFatal, "BT-98",
    "[BR-CO-05]-Document level allowance reason code (BT-98) and Document level allowance reason "
    "(BT-97) shall indicate the same type of allowance."};
inline constexpr Rule kBrCo06{
    "BR-CO-06", kFatal, "BT-105",
    "[BR-CO-06]-Document level charge reason code (BT-105) and Document level charge reason "
    "(BT-104) shall indicate the same type of charge."};
inline constexpr Rule kBrCo07{
    "BR-CO-07", kFatal, "BT-140",
    "[BR-CO-07]-Invoice line allowance reason code (BT-140) and Invoice line allowance reason "
    "(BT-139) shall indicate the same type of allowance reason."};
inline constexpr Rule kBrCo08{
    "BR-CO-08", kFatal, "BT-145",
    "[BR-CO-08]-Invoice line charge reason code (BT-145) and Invoice line charge reason (BT-144) "
    "shall indicate the same type of charge reason."};
inline constexpr Rule kBrCo09{
    "BR-CO-09", kFatal, "BT-31",
    "[BR-CO-09]-The Seller VAT identifier (BT-31), the Seller tax representative VAT identifier "
    "(BT-63) and the Buyer VAT identifier (BT-48) shall have a prefix in accordance with ISO code "
    "ISO 3166-1 alpha-2 by which the country of issue may be identified. Nevertheless, Greece may "
    "use the prefix ‘EL’."};
inline constexpr Rule kBrCo10{
    "BR-CO-10", kFatal, "BT-106",
    "[BR-CO-10]-Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131)."};
inline constexpr Rule kBrCo11{"BR-CO-11", kFatal, "BT-107",
                              "[BR-CO-11]-Sum of allowances on document level (BT-107) = Σ "
                              "Document level allowance amount (BT-92)."};
inline constexpr Rule kBrCo12{"BR-CO-12", kFatal, "BT-108",
                              "[BR-CO-12]-Sum of charges on document level (BT-108) = Σ Document "
                              "level charge amount (BT-99)."};
inline constexpr Rule kBrCo13{
    "BR-CO-13", kFatal, "BT-109",
    "[BR-CO-13]-Invoice total amount without VAT (BT-109) = Σ Invoice line net amount (BT-131) - "
    "Sum of allowances on document level (BT-107) + Sum of charges on document level (BT-108)."};
inline constexpr Rule kBrCo14{
    "BR-CO-14", kFatal, "BT-110",
    "[BR-CO-14]-Invoice total VAT amount (BT-110) = Σ VAT category tax amount (BT-117)."};
inline constexpr Rule kBrCo15{"BR-CO-15", kFatal, "BT-112",
                              "[BR-CO-15]-Invoice total amount with VAT (BT-112) = Invoice total "
                              "amount without VAT (BT-109) + Invoice total VAT amount (BT-110)."};
inline constexpr Rule kBrCo16{"BR-CO-16", kFatal, "BT-115",
                              "[BR-CO-16]-Amount due for payment (BT-115) = Invoice total amount "
                              "with VAT (BT-112) -Paid amount (BT-113) +Rounding amount (BT-114)."};
inline constexpr Rule kBrCo17{
    "BR-CO-17", kFatal, "BT-117",
    "[BR-CO-17]-VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x (VAT "
    "category rate (BT-119) / 100), rounded to two decimals."};
inline constexpr Rule kBrCo18{
    "BR-CO-18", kFatal, "BG-23",
    "[BR-CO-18]-An Invoice shall at least have one VAT breakdown group (BG-23)."};
inline constexpr Rule kBrCo19{
    "BR-CO-19", kFatal, "BG-14",
    "[BR-CO-19]-If Invoicing period (BG-14) is used, the Invoicing period start date (BT-73) or "
    "the Invoicing period end date (BT-74) shall be filled, or both."};
inline constexpr Rule kBrCo20{
    "BR-CO-20", kFatal, "BG-26",
    "[BR-CO-20]-If Invoice line period (BG-26) is used, the Invoice line period start date "
    "(BT-134) or the Invoice line period end date (BT-135) shall be filled, or both."};
inline constexpr Rule kBrCo21{
    "BR-CO-21", kFatal, "BG-20",
    "[BR-CO-21]-Each Document level allowance (BG-20) shall contain a Document level allowance "
    "reason (BT-97) or a Document level allowance reason code (BT-98), or both."};
inline constexpr Rule kBrCo22{
    "BR-CO-22", kFatal, "BG-21",
    "[BR-CO-22]-Each Document level charge (BG-21) shall contain a Document level charge reason "
    "(BT-104) or a Document level charge reason code (BT-105), or both."};
inline constexpr Rule kBrCo23{
    "BR-CO-23", kFatal, "BG-27",
    "[BR-CO-23]-Each Invoice line allowance (BG-27) shall contain an Invoice line allowance reason "
    "(BT-139) or an Invoice line allowance reason code (BT-140), or both."};
inline constexpr Rule kBrCo24{
    "BR-CO-24", kFatal, "BG-28",
    "[BR-CO-24]-Each Invoice line charge (BG-28) shall contain an Invoice line charge reason "
    "(BT-144) or an Invoice line charge reason code (BT-145), or both."};
inline constexpr Rule kBrCo26{
    "BR-CO-26", kFatal, "BT-29",
    "[BR-CO-26]-In order for the buyer to automatically identify a supplier, the Seller identifier "
    "(BT-29), the Seller legal registration identifier (BT-30) and/or the Seller VAT identifier "
    "(BT-31) shall be present."};

inline constexpr Rule kRules[] = {kBrCo03, kBrCo04, kBrCo05, kBrCo06, kBrCo07, kBrCo08,
                                  kBrCo09, kBrCo10, kBrCo11, kBrCo12, kBrCo13, kBrCo14,
                                  kBrCo15, kBrCo16, kBrCo17, kBrCo18, kBrCo19, kBrCo20,
                                  kBrCo21, kBrCo22, kBrCo23, kBrCo24, kBrCo26};

}  // namespace einvoice::validation::calculation
