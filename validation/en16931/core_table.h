#pragma once

// Internal to the core family: the rules BR-01 ... BR-65 of EN 16931
// validation-1.3.16 (ubl/schematron/abstract/EN16931-model.sch), ids, flags
// and messages as published. BR-34, BR-35, BR-39, BR-40 and BR-58 to BR-60
// have no test in either artefact. BR-51 is a warning in the abstract and UBL
// artefacts and fatal in the CII artefact (kBr51Cii).

#include "validation/rule.h"

namespace einvoice::validation::core {

inline constexpr Rule kBr01{"BR-01", kFatal, "BT-24",
                            "[BR-01]-An Invoice shall have a Specification identifier (BT-24)."};
inline constexpr Rule kBr02{"BR-02", kFatal, "BT-1",
                            "[BR-02]-An Invoice shall have an Invoice number (BT-1)."};
inline constexpr Rule kBr03{"BR-03", kFatal, "BT-2",
                            "[BR-03]-An Invoice shall have an Invoice issue date (BT-2)."};
inline constexpr Rule kBr04{"BR-04", kFatal, "BT-3",
                            "[BR-04]-An Invoice shall have an Invoice type code (BT-3)."};
inline constexpr Rule kBr05{"BR-05", kFatal, "BT-5",
                            "[BR-05]-An Invoice shall have an Invoice currency code (BT-5)."};
inline constexpr Rule kBr06{"BR-06", kFatal, "BT-27",
                            "[BR-06]-An Invoice shall contain the Seller name (BT-27)."};
inline constexpr Rule kBr07{"BR-07", kFatal, "BT-44",
                            "[BR-07]-An Invoice shall contain the Buyer name (BT-44)."};
inline constexpr Rule kBr08{"BR-08", kFatal, "BG-5",
                            "[BR-08]-An Invoice shall contain the Seller postal address."};
inline constexpr Rule kBr09{
    "BR-09", kFatal, "BG-5",
    "[BR-09]-The Seller postal address (BG-5) shall contain a Seller country code (BT-40)."};
inline constexpr Rule kBr10{"BR-10", kFatal, "BG-8",
                            "[BR-10]-An Invoice shall contain the Buyer postal address (BG-8)."};
inline constexpr Rule kBr11{
    "BR-11", kFatal, "BT-55",
    "[BR-11]-The Buyer postal address shall contain a Buyer country code (BT-55)."};
inline constexpr Rule kBr12{
    "BR-12", kFatal, "BT-106",
    "[BR-12]-An Invoice shall have the Sum of Invoice line net amount (BT-106)."};
inline constexpr Rule kBr13{
    "BR-13", kFatal, "BT-109",
    "[BR-13]-An Invoice shall have the Invoice total amount without VAT (BT-109)."};
inline constexpr Rule kBr14{
    "BR-14", kFatal, "BT-112",
    "[BR-14]-An Invoice shall have the Invoice total amount with VAT (BT-112)."};
inline constexpr Rule kBr15{"BR-15", kFatal, "BT-115",
                            "[BR-15]-An Invoice shall have the Amount due for payment (BT-115)."};
inline constexpr Rule kBr16{"BR-16", kFatal, "BG-25",
                            "[BR-16]-An Invoice shall have at least one Invoice line (BG-25)"};
inline constexpr Rule kBr17{"BR-17", kFatal, "BT-59",
                            "[BR-17]-The Payee name (BT-59) shall be provided in the Invoice, if "
                            "the Payee (BG-10) is different from the Seller (BG-4)"};
inline constexpr Rule kBr18{
    "BR-18", kFatal, "BT-62",
    "[BR-18]-The Seller tax representative name (BT-62) shall be provided in the Invoice, if the "
    "Seller (BG-4) has a Seller tax representative party (BG-11)"};
inline constexpr Rule kBr19{
    "BR-19", kFatal, "BG-12",
    "[BR-19]-The Seller tax representative postal address (BG-12) shall be provided in the "
    "Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11)."};
inline constexpr Rule kBr20{"BR-20", kFatal, "BG-12",
                            "[BR-20]-The Seller tax representative postal address (BG-12) shall "
                            "contain a Tax representative country code (BT-69), if the Seller "
                            "(BG-4) has a Seller tax representative party (BG-11)."};
inline constexpr Rule kBr21{
    "BR-21", kFatal, "BG-25",
    "[BR-21]-Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126)."};
inline constexpr Rule kBr22{
    "BR-22", kFatal, "BG-25",
    "[BR-22]-Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129)."};
inline constexpr Rule kBr23{"BR-23", kFatal, "BG-25",
                            "[BR-23]-An Invoice line (BG-25) shall have an Invoiced quantity unit "
                            "of measure code (BT-130)."};
inline constexpr Rule kBr24{
    "BR-24", kFatal, "BG-25",
    "[BR-24]-Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131)."};
inline constexpr Rule kBr25{
    "BR-25", kFatal, "BG-25",
    "[BR-25]-Each Invoice line (BG-25) shall contain the Item name (BT-153)."};
inline constexpr Rule kBr26{
    "BR-26", kFatal, "BG-25",
    "[BR-26]-Each Invoice line (BG-25) shall contain the Item net price (BT-146)."};
inline constexpr Rule kBr27{"BR-27", kFatal, "BT-146",
                            "[BR-27]-The Item net price (BT-146) shall NOT be negative."};
inline constexpr Rule kBr28{"BR-28", kFatal, "BT-148",
                            "[BR-28]-The Item gross price (BT-148) shall NOT be negative."};
inline constexpr Rule kBr29{
    "BR-29", kFatal, "BT-73",
    "[BR-29]-If both Invoicing period start date (BT-73) and Invoicing period end date (BT-74) are "
    "given then the Invoicing period end date (BT-74) shall be later or equal to the Invoicing "
    "period start date (BT-73)."};
inline constexpr Rule kBr30{
    "BR-30", kFatal, "BT-134",
    "[BR-30]-If both Invoice line period start date (BT-134) and Invoice line period end date "
    "(BT-135) are given then the Invoice line period end date (BT-135) shall be later or equal to "
    "the Invoice line period start date (BT-134)."};
inline constexpr Rule kBr31{"BR-31", kFatal, "BG-20",
                            "[BR-31]-Each Document level allowance (BG-20) shall have a Document "
                            "level allowance amount (BT-92)."};
inline constexpr Rule kBr32{"BR-32", kFatal, "BG-20",
                            "[BR-32]-Each Document level allowance (BG-20) shall have a Document "
                            "level allowance VAT category code (BT-95)."};
inline constexpr Rule kBr33{
    "BR-33", kFatal, "BG-20",
    "[BR-33]-Each Document level allowance (BG-20) shall have a Document level allowance reason "
    "(BT-97) or a Document level allowance reason code (BT-98)."};
inline constexpr Rule kBr36{"BR-36", kFatal, "BG-21",
                            "[BR-36]-Each Document level charge (BG-21) shall have a Document "
                            "level charge amount (BT-99)."};
inline constexpr Rule kBr37{"BR-37", kFatal, "BG-21",
                            "[BR-37]-Each Document level charge (BG-21) shall have a Document "
                            "level charge VAT category code (BT-102)."};
inline constexpr Rule kBr38{
    "BR-38", kFatal, "BG-21",
    "[BR-38]-Each Document level charge (BG-21) shall have a Document level charge reason (BT-104) "
    "or a Document level charge reason code (BT-105)."};
inline constexpr Rule kBr41{"BR-41", kFatal, "BG-27",
                            "[BR-41]-Each Invoice line allowance (BG-27) shall have an Invoice "
                            "line allowance amount (BT-136)."};
inline constexpr Rule kBr42{
    "BR-42", kFatal, "BG-27",
    "[BR-42]-Each Invoice line allowance (BG-27) shall have an Invoice line allowance reason "
    "(BT-139) or an Invoice line allowance reason code (BT-140)."};
inline constexpr Rule kBr43{
    "BR-43", kFatal, "BG-28",
    "[BR-43]-Each Invoice line charge (BG-28) shall have an Invoice line charge amount (BT-141)."};
inline constexpr Rule kBr44{"BR-44", kFatal, "BG-28",
                            "[BR-44]-Each Invoice line charge shall have an Invoice line charge "
                            "reason or an invoice line allowance reason code."};
inline constexpr Rule kBr45{
    "BR-45", kFatal, "BG-23",
    "[BR-45]-Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116)."};
inline constexpr Rule kBr46{
    "BR-46", kFatal, "BG-23",
    "[BR-46]-Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117)."};
inline constexpr Rule kBr47{
    "BR-47", kFatal, "BG-23",
    "[BR-47]-Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118)."};
inline constexpr Rule kBr48{"BR-48", kFatal, "BG-23",
                            "[BR-48]-Each VAT breakdown (BG-23) shall have a VAT category rate "
                            "(BT-119), except if the Invoice is not subject to VAT."};
inline constexpr Rule kBr49{
    "BR-49", kFatal, "BG-16",
    "[BR-49]-A Payment instruction (BG-16) shall specify the Payment means type code (BT-81)."};
inline constexpr Rule kBr50{"BR-50", kFatal, "BT-84",
                            "[BR-50]-A Payment account identifier (BT-84) shall be present if "
                            "Credit transfer (BG-17) information is provided in the Invoice."};
inline constexpr Rule kBr51{
    "BR-51", kWarning, "BT-87",
    "[BR-51]-In accordance with card payments security standards an invoice should never include a "
    "full card primary account number (BT-87). At the moment PCI Security Standards Council has "
    "defined that the first 6 digits and last 4 digits are the maximum number of digits to be "
    "shown."};
inline constexpr Rule kBr52{"BR-52", kFatal, "BG-24",
                            "[BR-52]-Each Additional supporting document (BG-24) shall contain a "
                            "Supporting document reference (BT-122)."};
inline constexpr Rule kBr53{
    "BR-53", kFatal, "BT-6",
    "[BR-53]-If the VAT accounting currency code (BT-6) is present, then the Invoice total VAT "
    "amount in accounting currency (BT-111) shall be provided."};
inline constexpr Rule kBr54{"BR-54", kFatal, "BG-32",
                            "[BR-54]-Each Item attribute (BG-32) shall contain an Item attribute "
                            "name (BT-160) and an Item attribute value (BT-161)."};
inline constexpr Rule kBr55{"BR-55", kFatal, "BG-3",
                            "[BR-55]-Each Preceding Invoice reference (BG-3) shall contain a "
                            "Preceding Invoice reference (BT-25)."};
inline constexpr Rule kBr56{"BR-56", kFatal, "BG-11",
                            "[BR-56]-Each Seller tax representative party (BG-11) shall have a "
                            "Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBr57{
    "BR-57", kFatal, "BG-15",
    "[BR-57]-Each Deliver to address (BG-15) shall contain a Deliver to country code (BT-80)."};
inline constexpr Rule kBr61{"BR-61", kFatal, "BT-81",
                            "[BR-61]-If the Payment means type code (BT-81) means SEPA credit "
                            "transfer, Local credit transfer or Non-SEPA international credit "
                            "transfer, the Payment account identifier (BT-84) shall be present."};
inline constexpr Rule kBr62{
    "BR-62", kFatal, "BT-34",
    "[BR-62]-The Seller electronic address (BT-34) shall have a Scheme identifier."};
inline constexpr Rule kBr63{
    "BR-63", kFatal, "BT-49",
    "[BR-63]-The Buyer electronic address (BT-49) shall have a Scheme identifier."};
inline constexpr Rule kBr64{
    "BR-64", kFatal, "BT-157",
    "[BR-64]-The Item standard identifier (BT-157) shall have a Scheme identifier."};
inline constexpr Rule kBr65{
    "BR-65", kFatal, "BT-158",
    "[BR-65]-The Item classification identifier (BT-158) shall have a Scheme identifier."};

inline constexpr Rule kBr51Cii{kBr51.id, kFatal, kBr51.term, kBr51.message};

inline constexpr Rule kRules[] = {
    kBr01, kBr02, kBr03, kBr04, kBr05, kBr06, kBr07, kBr08, kBr09, kBr10, kBr11, kBr12,
    kBr13, kBr14, kBr15, kBr16, kBr17, kBr18, kBr19, kBr20, kBr21, kBr22, kBr23, kBr24,
    kBr25, kBr26, kBr27, kBr28, kBr29, kBr30, kBr31, kBr32, kBr33, kBr36, kBr37, kBr38,
    kBr41, kBr42, kBr43, kBr44, kBr45, kBr46, kBr47, kBr48, kBr49, kBr50, kBr51, kBr52,
    kBr53, kBr54, kBr55, kBr56, kBr57, kBr61, kBr62, kBr63, kBr64, kBr65};

}  // namespace einvoice::validation::core
