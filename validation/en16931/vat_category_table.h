#pragma once

// Internal to the VAT category family (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G,
// BR-O, BR-AF, BR-AG, BR-B): ids, flags and messages as published in
// EN 16931 validation-1.3.16 (ubl/schematron/abstract/EN16931-model.sch).

#include "validation/rule.h"

namespace einvoice::validation::vat_category {

inline constexpr Rule kBrS01{
    "BR-S-01", kFatal, "BG-25",
    "[BR-S-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"Standard rated\" shall contain in the VAT "
    "breakdown (BG-23) at least one VAT category code (BT-118) equal with \"Standard "
    "rated\"."};
inline constexpr Rule kBrS02{
    "BR-S-02", kFatal, "BG-25",
    "[BR-S-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"Standard rated\" shall contain the Seller "
    "VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or "
    "the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrS03{
    "BR-S-03", kFatal, "BG-20",
    "[BR-S-03]-An Invoice that contains a Document level allowance (BG-20) where the "
    "Document level allowance VAT category code (BT-95) is \"Standard rated\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrS04{
    "BR-S-04", kFatal, "BG-21",
    "[BR-S-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"Standard rated\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrS05{
    "BR-S-05", kFatal, "BG-25",
    "[BR-S-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"Standard rated\" the Invoiced item VAT rate (BT-152) shall be "
    "greater than zero."};
inline constexpr Rule kBrS06{
    "BR-S-06", kFatal, "BG-20",
    "[BR-S-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"Standard rated\" the Document level "
    "allowance VAT rate (BT-96) shall be greater than zero."};
inline constexpr Rule kBrS07{
    "BR-S-07", kFatal, "BG-21",
    "[BR-S-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"Standard rated\" the Document level charge VAT "
    "rate (BT-103) shall be greater than zero."};
inline constexpr Rule kBrS08{
    "BR-S-08", kFatal, "BT-119",
    "[BR-S-08]-For each different value of VAT category rate (BT-119) where the VAT "
    "category code (BT-118) is \"Standard rated\", the VAT category taxable amount "
    "(BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net "
    "amounts (BT-131) plus the sum of document level charge amounts (BT-99) minus "
    "the sum of document level allowance amounts (BT-92) where the VAT category code "
    "(BT-151, BT-102, BT-95) is \"Standard rated\" and the VAT rate (BT-152, BT-103, "
    "BT-96) equals the VAT category rate (BT-119)."};
inline constexpr Rule kBrS09{
    "BR-S-09", kFatal, "BT-117",
    "[BR-S-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where "
    "VAT category code (BT-118) is \"Standard rated\" shall equal the VAT category "
    "taxable amount (BT-116) multiplied by the VAT category rate (BT-119)."};
inline constexpr Rule kBrS10{
    "BR-S-10", kFatal, "BG-23",
    "[BR-S-10]-A VAT breakdown (BG-23) with VAT Category code (BT-118) \"Standard "
    "rate\" shall not have a VAT exemption reason code (BT-121) or VAT exemption "
    "reason text (BT-120)."};
inline constexpr Rule kBrZ01{
    "BR-Z-01", kFatal, "BG-25",
    "[BR-Z-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"Zero rated\" shall contain in the VAT "
    "breakdown (BG-23) exactly one VAT category code (BT-118) equal with \"Zero "
    "rated\"."};
inline constexpr Rule kBrZ02{
    "BR-Z-02", kFatal, "BT-151",
    "[BR-Z-02]-An Invoice that contains an Invoice line where the Invoiced item VAT "
    "category code (BT-151) is \"Zero rated\" shall contain the Seller VAT "
    "Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the "
    "Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrZ03{
    "BR-Z-03", kFatal, "BG-20",
    "[BR-Z-03]-An Invoice that contains a Document level allowance (BG-20) where the "
    "Document level allowance VAT category code (BT-95) is \"Zero rated\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrZ04{
    "BR-Z-04", kFatal, "BT-102",
    "[BR-Z-04]-An Invoice that contains a Document level charge where the Document "
    "level charge VAT category code (BT-102) is \"Zero rated\" shall contain the "
    "Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) "
    "and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrZ05{
    "BR-Z-05", kFatal, "BG-25",
    "[BR-Z-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"Zero rated\" the Invoiced item VAT rate (BT-152) shall be 0 "
    "(zero)."};
inline constexpr Rule kBrZ06{
    "BR-Z-06", kFatal, "BG-20",
    "[BR-Z-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"Zero rated\" the Document level "
    "allowance VAT rate (BT-96) shall be 0 (zero)."};
inline constexpr Rule kBrZ07{
    "BR-Z-07", kFatal, "BG-21",
    "[BR-Z-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"Zero rated\" the Document level charge VAT rate "
    "(BT-103) shall be 0 (zero)."};
inline constexpr Rule kBrZ08{
    "BR-Z-08", kFatal, "BG-23",
    "[BR-Z-08]-In a VAT breakdown (BG-23) where VAT category code (BT-118) is \"Zero "
    "rated\" the VAT category taxable amount (BT-116) shall equal the sum of Invoice "
    "line net amount (BT-131) minus the sum of Document level allowance amounts "
    "(BT-92) plus the sum of Document level charge amounts (BT-99) where the VAT "
    "category codes (BT-151, BT-95, BT-102) are \"Zero rated\"."};
inline constexpr Rule kBrZ09{
    "BR-Z-09", kFatal, "BT-117",
    "[BR-Z-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where "
    "VAT category code (BT-118) is \"Zero rated\" shall equal 0 (zero)."};
inline constexpr Rule kBrZ10{
    "BR-Z-10", kFatal, "BG-23",
    "[BR-Z-10]-A VAT breakdown (BG-23) with VAT Category code (BT-118) \"Zero "
    "rated\" shall not have a VAT exemption reason code (BT-121) or VAT exemption "
    "reason text (BT-120)."};
inline constexpr Rule kBrE01{
    "BR-E-01", kFatal, "BG-25",
    "[BR-E-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"Exempt from VAT\" shall contain exactly one "
    "VAT breakdown (BG-23) with the VAT category code (BT-118) equal to \"Exempt "
    "from VAT\"."};
inline constexpr Rule kBrE02{
    "BR-E-02", kFatal, "BG-25",
    "[BR-E-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"Exempt from VAT\" shall contain the Seller "
    "VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or "
    "the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrE03{
    "BR-E-03", kFatal, "BG-20",
    "[BR-E-03]-An Invoice that contains a Document level allowance (BG-20) where the "
    "Document level allowance VAT category code (BT-95) is \"Exempt from VAT\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrE04{
    "BR-E-04", kFatal, "BG-21",
    "[BR-E-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"Exempt from VAT\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrE05{
    "BR-E-05", kFatal, "BG-25",
    "[BR-E-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"Exempt from VAT\", the Invoiced item VAT rate (BT-152) shall be 0 "
    "(zero)."};
inline constexpr Rule kBrE06{
    "BR-E-06", kFatal, "BG-20",
    "[BR-E-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"Exempt from VAT\", the Document level "
    "allowance VAT rate (BT-96) shall be 0 (zero)."};
inline constexpr Rule kBrE07{
    "BR-E-07", kFatal, "BG-21",
    "[BR-E-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"Exempt from VAT\", the Document level charge "
    "VAT rate (BT-103) shall be 0 (zero)."};
inline constexpr Rule kBrE08{
    "BR-E-08", kFatal, "BG-23",
    "[BR-E-08]-In a VAT breakdown (BG-23) where the VAT category code (BT-118) is "
    "\"Exempt from VAT\" the VAT category taxable amount (BT-116) shall equal the "
    "sum of Invoice line net amounts (BT-131) minus the sum of Document level "
    "allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) "
    "where the VAT category codes (BT-151, BT-95, BT-102) are \"Exempt from VAT\"."};
inline constexpr Rule kBrE09{
    "BR-E-09", kFatal, "BT-117",
    "[BR-E-09]-The VAT category tax amount (BT-117) In a VAT breakdown (BG-23) where "
    "the VAT category code (BT-118) equals \"Exempt from VAT\" shall equal 0 (zero)."};
inline constexpr Rule kBrE10{
    "BR-E-10", kFatal, "BG-23",
    "[BR-E-10]-A VAT breakdown (BG-23) with VAT Category code (BT-118) \"Exempt from "
    "VAT\" shall have a VAT exemption reason code (BT-121) or a VAT exemption reason "
    "text (BT-120)."};
inline constexpr Rule kBrAe01{
    "BR-AE-01", kFatal, "BG-25",
    "[BR-AE-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"Reverse charge\" shall contain in the VAT "
    "Breakdown (BG-23) exactly one VAT category code (BT-118) equal with \"VAT "
    "reverse charge\"."};
inline constexpr Rule kBrAe02{
    "BR-AE-02", kFatal, "BG-25",
    "[BR-AE-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"Reverse charge\" shall contain the Seller "
    "VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or "
    "the Seller tax representative VAT identifier (BT-63) and the Buyer VAT "
    "identifier (BT-48) and/or the Buyer legal registration identifier (BT-47)."};
inline constexpr Rule kBrAe03{
    "BR-AE-03", kFatal, "BG-20",
    "[BR-AE-03]-An Invoice that contains a Document level allowance (BG-20) where "
    "the Document level allowance VAT category code (BT-95) is \"Reverse charge\" "
    "shall contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63) "
    "and the Buyer VAT identifier (BT-48) and/or the Buyer legal registration "
    "identifier (BT-47)."};
inline constexpr Rule kBrAe04{
    "BR-AE-04", kFatal, "BG-21",
    "[BR-AE-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"Reverse charge\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63) "
    "and the Buyer VAT identifier (BT-48) and/or the Buyer legal registration "
    "identifier (BT-47)."};
inline constexpr Rule kBrAe05{
    "BR-AE-05", kFatal, "BG-25",
    "[BR-AE-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"Reverse charge\" the Invoiced item VAT rate (BT-152) shall be 0 "
    "(zero)."};
inline constexpr Rule kBrAe06{
    "BR-AE-06", kFatal, "BG-20",
    "[BR-AE-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"Reverse charge\" the Document level "
    "allowance VAT rate (BT-96) shall be 0 (zero)."};
inline constexpr Rule kBrAe07{
    "BR-AE-07", kFatal, "BG-21",
    "[BR-AE-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"Reverse charge\" the Document level charge VAT "
    "rate (BT-103) shall be 0 (zero)."};
inline constexpr Rule kBrAe08{
    "BR-AE-08", kFatal, "BG-23",
    "[BR-AE-08]-In a VAT breakdown (BG-23) where the VAT category code (BT-118) is "
    "\"Reverse charge\" the VAT category taxable amount (BT-116) shall equal the sum "
    "of Invoice line net amounts (BT-131) minus the sum of Document level allowance "
    "amounts (BT-92) plus the sum of Document level charge amounts (BT-99) where the "
    "VAT category codes (BT-151, BT-95, BT-102) are \"Reverse charge\"."};
inline constexpr Rule kBrAe09{
    "BR-AE-09", kFatal, "BT-117",
    "[BR-AE-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) "
    "where the VAT category code (BT-118) is \"Reverse charge\" shall be 0 (zero)."};
inline constexpr Rule kBrAe10{
    "BR-AE-10", kFatal, "BG-23",
    "[BR-AE-10]-A VAT breakdown (BG-23) with VAT Category code (BT-118) \"Reverse "
    "charge\" shall have a VAT exemption reason code (BT-121), meaning \"Reverse "
    "charge\" or the VAT exemption reason text (BT-120) \"Reverse charge\" (or the "
    "equivalent standard text in another language)."};
inline constexpr Rule kBrIc01{
    "BR-IC-01", kFatal, "BG-25",
    "[BR-IC-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"Intra-community supply\" shall contain in "
    "the VAT breakdown (BG-23) exactly one VAT category code (BT-118) equal with "
    "\"Intra-community supply\"."};
inline constexpr Rule kBrIc02{
    "BR-IC-02", kFatal, "BG-25",
    "[BR-IC-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"Intra-community supply\" shall contain the "
    "Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier "
    "(BT-63) and the Buyer VAT identifier (BT-48)."};
inline constexpr Rule kBrIc03{
    "BR-IC-03", kFatal, "BG-20",
    "[BR-IC-03]-An Invoice that contains a Document level allowance (BG-20) where "
    "the Document level allowance VAT category code (BT-95) is \"Intra-community "
    "supply\" shall contain the Seller VAT Identifier (BT-31) or the Seller tax "
    "representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48)."};
inline constexpr Rule kBrIc04{
    "BR-IC-04", kFatal, "BG-21",
    "[BR-IC-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"Intra-community supply\" "
    "shall contain the Seller VAT Identifier (BT-31) or the Seller tax "
    "representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48)."};
inline constexpr Rule kBrIc05{
    "BR-IC-05", kFatal, "BG-25",
    "[BR-IC-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"Intracommunity supply\" the Invoiced item VAT rate (BT-152) shall "
    "be 0 (zero)."};
inline constexpr Rule kBrIc06{
    "BR-IC-06", kFatal, "BG-20",
    "[BR-IC-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"Intra-community supply\" the Document "
    "level allowance VAT rate (BT-96) shall be 0 (zero)."};
inline constexpr Rule kBrIc07{
    "BR-IC-07", kFatal, "BG-21",
    "[BR-IC-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"Intra-community supply\" the Document level "
    "charge VAT rate (BT-103) shall be 0 (zero)."};
inline constexpr Rule kBrIc08{
    "BR-IC-08", kFatal, "BG-23",
    "[BR-IC-08]-In a VAT breakdown (BG-23) where the VAT category code (BT-118) is "
    "\"Intra-community supply\" the VAT category taxable amount (BT-116) shall equal "
    "the sum of Invoice line net amounts (BT-131) minus the sum of Document level "
    "allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) "
    "where the VAT category codes (BT-151, BT-95, BT-102) are \"Intra-community "
    "supply\"."};
inline constexpr Rule kBrIc09{
    "BR-IC-09", kFatal, "BT-117",
    "[BR-IC-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) "
    "where the VAT category code (BT-118) is \"Intra-community supply\" shall be 0 "
    "(zero)."};
inline constexpr Rule kBrIc10{
    "BR-IC-10", kFatal, "BG-23",
    "[BR-IC-10]-A VAT breakdown (BG-23) with the VAT Category code (BT-118) "
    "\"Intra-community supply\" shall have a VAT exemption reason code (BT-121), "
    "meaning \"Intra-community supply\" or the VAT exemption reason text (BT-120) "
    "\"Intra-community supply\" (or the equivalent standard text in another "
    "language)."};
inline constexpr Rule kBrIc11{
    "BR-IC-11", kFatal, "BG-23",
    "[BR-IC-11]-In an Invoice with a VAT breakdown (BG-23) where the VAT category "
    "code (BT-118) is \"Intra-community supply\" the Actual delivery date (BT-72) or "
    "the Invoicing period (BG-14) shall not be blank."};
inline constexpr Rule kBrIc12{
    "BR-IC-12", kFatal, "BG-23",
    "[BR-IC-12]-In an Invoice with a VAT breakdown (BG-23) where the VAT category "
    "code (BT-118) is \"Intra-community supply\" the Deliver to country code (BT-80) "
    "shall not be blank."};
inline constexpr Rule kBrG01{
    "BR-G-01", kFatal, "BG-25",
    "[BR-G-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"Export outside the EU\" shall contain in "
    "the VAT breakdown (BG-23) exactly one VAT category code (BT-118) equal with "
    "\"Export outside the EU\"."};
inline constexpr Rule kBrG02{
    "BR-G-02", kFatal, "BG-25",
    "[BR-G-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"Export outside the EU\" shall contain the "
    "Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier "
    "(BT-63)."};
inline constexpr Rule kBrG03{
    "BR-G-03", kFatal, "BG-20",
    "[BR-G-03]-An Invoice that contains a Document level allowance (BG-20) where the "
    "Document level allowance VAT category code (BT-95) is \"Export outside the EU\" "
    "shall contain the Seller VAT Identifier (BT-31) or the Seller tax "
    "representative VAT identifier (BT-63)."};
inline constexpr Rule kBrG04{
    "BR-G-04", kFatal, "BG-21",
    "[BR-G-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"Export outside the EU\" "
    "shall contain the Seller VAT Identifier (BT-31) or the Seller tax "
    "representative VAT identifier (BT-63)."};
inline constexpr Rule kBrG05{
    "BR-G-05", kFatal, "BG-25",
    "[BR-G-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"Export outside the EU\" the Invoiced item VAT rate (BT-152) shall "
    "be 0 (zero)."};
inline constexpr Rule kBrG06{
    "BR-G-06", kFatal, "BG-20",
    "[BR-G-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"Export outside the EU\" the Document "
    "level allowance VAT rate (BT-96) shall be 0 (zero)."};
inline constexpr Rule kBrG07{
    "BR-G-07", kFatal, "BG-21",
    "[BR-G-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"Export outside the EU\" the Document level "
    "charge VAT rate (BT-103) shall be 0 (zero)."};
inline constexpr Rule kBrG08{
    "BR-G-08", kFatal, "BG-23",
    "[BR-G-08]-In a VAT breakdown (BG-23) where the VAT category code (BT-118) is "
    "\"Export outside the EU\" the VAT category taxable amount (BT-116) shall equal "
    "the sum of Invoice line net amounts (BT-131) minus the sum of Document level "
    "allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) "
    "where the VAT category codes (BT-151, BT-95, BT-102) are \"Export outside the "
    "EU\"."};
inline constexpr Rule kBrG09{
    "BR-G-09", kFatal, "BT-117",
    "[BR-G-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where "
    "the VAT category code (BT-118) is \"Export outside the EU\" shall be 0 (zero)."};
inline constexpr Rule kBrG10{
    "BR-G-10", kFatal, "BG-23",
    "[BR-G-10]-A VAT breakdown (BG-23) with the VAT Category code (BT-118) \"Export "
    "outside the EU\" shall have a VAT exemption reason code (BT-121), meaning "
    "\"Export outside the EU\" or the VAT exemption reason text (BT-120) \"Export "
    "outside the EU\" (or the equivalent standard text in another language)."};
inline constexpr Rule kBrO01{
    "BR-O-01", kFatal, "BG-25",
    "[BR-O-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"Not subject to VAT\" shall contain exactly "
    "one VAT breakdown group (BG-23) with the VAT category code (BT-118) equal to "
    "\"Not subject to VAT\"."};
inline constexpr Rule kBrO02{
    "BR-O-02", kFatal, "BG-25",
    "[BR-O-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"Not subject to VAT\" shall not contain the "
    "Seller VAT identifier (BT-31), the Seller tax representative VAT identifier "
    "(BT-63) or the Buyer VAT identifier (BT-48)."};
inline constexpr Rule kBrO03{
    "BR-O-03", kFatal, "BG-20",
    "[BR-O-03]-An Invoice that contains a Document level allowance (BG-20) where the "
    "Document level allowance VAT category code (BT-95) is \"Not subject to VAT\" "
    "shall not contain the Seller VAT identifier (BT-31), the Seller tax "
    "representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48)."};
inline constexpr Rule kBrO04{
    "BR-O-04", kFatal, "BG-21",
    "[BR-O-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"Not subject to VAT\" "
    "shall not contain the Seller VAT identifier (BT-31), the Seller tax "
    "representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48)."};
inline constexpr Rule kBrO05{
    "BR-O-05", kFatal, "BG-25",
    "[BR-O-05]-An Invoice line (BG-25) where the VAT category code (BT-151) is \"Not "
    "subject to VAT\" shall not contain an Invoiced item VAT rate (BT-152)."};
inline constexpr Rule kBrO06{
    "BR-O-06", kFatal, "BG-20",
    "[BR-O-06]-A Document level allowance (BG-20) where VAT category code (BT-95) is "
    "\"Not subject to VAT\" shall not contain a Document level allowance VAT rate "
    "(BT-96)."};
inline constexpr Rule kBrO07{
    "BR-O-07", kFatal, "BG-21",
    "[BR-O-07]-A Document level charge (BG-21) where the VAT category code (BT-102) "
    "is \"Not subject to VAT\" shall not contain a Document level charge VAT rate "
    "(BT-103)."};
inline constexpr Rule kBrO08{
    "BR-O-08", kFatal, "BG-23",
    "[BR-O-08]-In a VAT breakdown (BG-23) where the VAT category code (BT-118) is \" "
    "Not subject to VAT\" the VAT category taxable amount (BT-116) shall equal the "
    "sum of Invoice line net amounts (BT-131) minus the sum of Document level "
    "allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) "
    "where the VAT category codes (BT-151, BT-95, BT-102) are \"Not subject to VAT\"."};
inline constexpr Rule kBrO09{
    "BR-O-09", kFatal, "BT-117",
    "[BR-O-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where "
    "the VAT category code (BT-118) is \"Not subject to VAT\" shall be 0 (zero)."};
inline constexpr Rule kBrO10{
    "BR-O-10", kFatal, "BG-23",
    "[BR-O-10]-A VAT breakdown (BG-23) with VAT Category code (BT-118) \" Not "
    "subject to VAT\" shall have a VAT exemption reason code (BT-121), meaning \" "
    "Not subject to VAT\" or a VAT exemption reason text (BT-120) \" Not subject to "
    "VAT\" (or the equivalent standard text in another language)."};
inline constexpr Rule kBrO11{
    "BR-O-11", kFatal, "BG-23",
    "[BR-O-11]-An Invoice that contains a VAT breakdown group (BG-23) with a VAT "
    "category code (BT-118) \"Not subject to VAT\" shall not contain other VAT "
    "breakdown groups (BG-23)."};
inline constexpr Rule kBrO12{
    "BR-O-12", kFatal, "BG-23",
    "[BR-O-12]-An Invoice that contains a VAT breakdown group (BG-23) with a VAT "
    "category code (BT-118) \"Not subject to VAT\" shall not contain an Invoice line "
    "(BG-25) where the Invoiced item VAT category code (BT-151) is not \"Not subject "
    "to VAT\"."};
inline constexpr Rule kBrO13{
    "BR-O-13", kFatal, "BG-23",
    "[BR-O-13]-An Invoice that contains a VAT breakdown group (BG-23) with a VAT "
    "category code (BT-118) \"Not subject to VAT\" shall not contain Document level "
    "allowances (BG-20) where Document level allowance VAT category code (BT-95) is "
    "not \"Not subject to VAT\"."};
inline constexpr Rule kBrO14{
    "BR-O-14", kFatal, "BG-23",
    "[BR-O-14]-An Invoice that contains a VAT breakdown group (BG-23) with a VAT "
    "category code (BT-118) \"Not subject to VAT\" shall not contain Document level "
    "charges (BG-21) where Document level charge VAT category code (BT-102) is not "
    "\"Not subject to VAT\"."};
inline constexpr Rule kBrAf01{
    "BR-AF-01", kFatal, "BG-25",
    "[BR-AF-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"IGIC\" shall contain in the VAT breakdown "
    "(BG-23) at least one VAT category code (BT-118) equal with \"IGIC\"."};
inline constexpr Rule kBrAf02{
    "BR-AF-02", kFatal, "BG-25",
    "[BR-AF-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"IGIC\" shall contain the Seller VAT "
    "Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the "
    "Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrAf03{
    "BR-AF-03", kFatal, "BG-20",
    "[BR-AF-03]-An Invoice that contains a Document level allowance (BG-20) where "
    "the Document level allowance VAT category code (BT-95) is \"IGIC\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrAf04{
    "BR-AF-04", kFatal, "BG-21",
    "[BR-AF-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"IGIC\" shall contain the "
    "Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) "
    "and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrAf05{
    "BR-AF-05", kFatal, "BG-25",
    "[BR-AF-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"IGIC\" the invoiced item VAT rate (BT-152) shall be 0 (zero) or "
    "greater than zero."};
inline constexpr Rule kBrAf06{
    "BR-AF-06", kFatal, "BG-20",
    "[BR-AF-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"IGIC\" the Document level allowance "
    "VAT rate (BT-96) shall be 0 (zero) or greater than zero."};
inline constexpr Rule kBrAf07{
    "BR-AF-07", kFatal, "BG-21",
    "[BR-AF-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"IGIC\" the Document level charge VAT rate "
    "(BT-103) shall be 0 (zero) or greater than zero."};
inline constexpr Rule kBrAf08{
    "BR-AF-08", kFatal, "BT-119",
    "[BR-AF-08]-For each different value of VAT category rate (BT-119) where the VAT "
    "category code (BT-118) is \"IGIC\", the VAT category taxable amount (BT-116) in "
    "a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts "
    "(BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of "
    "document level allowance amounts (BT-92) where the VAT category code (BT-151, "
    "BT-102, BT-95) is \"IGIC\" and the VAT rate (BT-152, BT-103, BT-96) equals the "
    "VAT category rate (BT-119)."};
inline constexpr Rule kBrAf09{
    "BR-AF-09", kFatal, "BT-117",
    "[BR-AF-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) "
    "where VAT category code (BT-118) is \"IGIC\" shall equal the VAT category "
    "taxable amount (BT-116) multiplied by the VAT category rate (BT-119)."};
inline constexpr Rule kBrAf10{
    "BR-AF-10", kFatal, "BG-23",
    "[BR-AF-10]-A VAT breakdown (BG-23) with VAT Category code (BT-118) \"IGIC\" "
    "shall not have a VAT exemption reason code (BT-121) or VAT exemption reason "
    "text (BT-120)."};
inline constexpr Rule kBrAg01{
    "BR-AG-01", kFatal, "BG-25",
    "[BR-AG-01]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95 or BT-102) is \"IPSI\" shall contain in the VAT breakdown "
    "(BG-23) at least one VAT category code (BT-118) equal with \"IPSI\"."};
inline constexpr Rule kBrAg02{
    "BR-AG-02", kFatal, "BG-25",
    "[BR-AG-02]-An Invoice that contains an Invoice line (BG-25) where the Invoiced "
    "item VAT category code (BT-151) is \"IPSI\" shall contain the Seller VAT "
    "Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the "
    "Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrAg03{
    "BR-AG-03", kFatal, "BG-20",
    "[BR-AG-03]-An Invoice that contains a Document level allowance (BG-20) where "
    "the Document level allowance VAT category code (BT-95) is \"IPSI\" shall "
    "contain the Seller VAT Identifier (BT-31), the Seller Tax registration "
    "identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrAg04{
    "BR-AG-04", kFatal, "BG-21",
    "[BR-AG-04]-An Invoice that contains a Document level charge (BG-21) where the "
    "Document level charge VAT category code (BT-102) is \"IPSI\" shall contain the "
    "Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) "
    "and/or the Seller tax representative VAT identifier (BT-63)."};
inline constexpr Rule kBrAg05{
    "BR-AG-05", kFatal, "BG-25",
    "[BR-AG-05]-In an Invoice line (BG-25) where the Invoiced item VAT category code "
    "(BT-151) is \"IPSI\" the Invoiced item VAT rate (BT-152) shall be 0 (zero) or "
    "greater than zero."};
inline constexpr Rule kBrAg06{
    "BR-AG-06", kFatal, "BG-20",
    "[BR-AG-06]-In a Document level allowance (BG-20) where the Document level "
    "allowance VAT category code (BT-95) is \"IPSI\" the Document level allowance "
    "VAT rate (BT-96) shall be 0 (zero) or greater than zero."};
inline constexpr Rule kBrAg07{
    "BR-AG-07", kFatal, "BG-21",
    "[BR-AG-07]-In a Document level charge (BG-21) where the Document level charge "
    "VAT category code (BT-102) is \"IPSI\" the Document level charge VAT rate "
    "(BT-103) shall be 0 (zero) or greater than zero."};
inline constexpr Rule kBrAg08{
    "BR-AG-08", kFatal, "BT-119",
    "[BR-AG-08]-For each different value of VAT category rate (BT-119) where the VAT "
    "category code (BT-118) is \"IPSI\", the VAT category taxable amount (BT-116) in "
    "a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts "
    "(BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of "
    "document level allowance amounts (BT-92) where the VAT category code (BT-151, "
    "BT-102, BT-95) is \"IPSI\" and the VAT rate (BT-152, BT-103, BT-96) equals the "
    "VAT category rate (BT-119)."};
inline constexpr Rule kBrAg09{
    "BR-AG-09", kFatal, "BT-117",
    "[BR-AG-09]-The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) "
    "where VAT category code (BT-118) is \"IPSI\" shall equal the VAT category "
    "taxable amount (BT-116) multiplied by the VAT category rate (BT-119)."};
inline constexpr Rule kBrAg10{
    "BR-AG-10", kFatal, "BG-23",
    "[BR-AG-10]-A VAT breakdown (BG-23) with VAT Category code (BT-118) \"IPSI\" "
    "shall not have a VAT exemption reason code (BT-121) or VAT exemption reason "
    "text (BT-120)."};
inline constexpr Rule kBrB01{
    "BR-B-01", kFatal, "BT-151",
    "[BR-B-01]-An Invoice where the VAT category code (BT-151, BT-95 or BT-102) is "
    "“Split payment” shall be a domestic Italian invoice."};
inline constexpr Rule kBrB02{
    "BR-B-02", kFatal, "BG-25",
    "[BR-B-02]-An Invoice that contains an Invoice line (BG-25), a Document level "
    "allowance (BG-20) or a Document level charge (BG-21) where the VAT category "
    "code (BT-151, BT-95, BT-118 or BT-102) is “Split payment\" shall not contain an "
    "invoice line (BG-25), a Document level allowance (BG-20) or a Document level "
    "charge (BG-21) where the VAT category code (BT-151, BT-95, BT-118 or BT-102) is "
    "“Standard rated”."};

inline constexpr Rule kRules[] = {
    kBrS01,  kBrS02,  kBrS03,  kBrS04,  kBrS05,  kBrS06,  kBrS07,  kBrS08,  kBrS09,  kBrS10,
    kBrZ01,  kBrZ02,  kBrZ03,  kBrZ04,  kBrZ05,  kBrZ06,  kBrZ07,  kBrZ08,  kBrZ09,  kBrZ10,
    kBrE01,  kBrE02,  kBrE03,  kBrE04,  kBrE05,  kBrE06,  kBrE07,  kBrE08,  kBrE09,  kBrE10,
    kBrAe01, kBrAe02, kBrAe03, kBrAe04, kBrAe05, kBrAe06, kBrAe07, kBrAe08, kBrAe09, kBrAe10,
    kBrIc01, kBrIc02, kBrIc03, kBrIc04, kBrIc05, kBrIc06, kBrIc07, kBrIc08, kBrIc09, kBrIc10,
    kBrIc11, kBrIc12, kBrG01,  kBrG02,  kBrG03,  kBrG04,  kBrG05,  kBrG06,  kBrG07,  kBrG08,
    kBrG09,  kBrG10,  kBrO01,  kBrO02,  kBrO03,  kBrO04,  kBrO05,  kBrO06,  kBrO07,  kBrO08,
    kBrO09,  kBrO10,  kBrO11,  kBrO12,  kBrO13,  kBrO14,  kBrAf01, kBrAf02, kBrAf03, kBrAf04,
    kBrAf05, kBrAf06, kBrAf07, kBrAf08, kBrAf09, kBrAf10, kBrAg01, kBrAg02, kBrAg03, kBrAg04,
    kBrAg05, kBrAg06, kBrAg07, kBrAg08, kBrAg09, kBrAg10, kBrB01,  kBrB02};

// kByCategory[category][n]: BR-<category>-<n>, null when the category has no such rule.
inline constexpr int kCategoryCount = 9;
inline constexpr const Rule* kByCategory[kCategoryCount][15] = {
    {nullptr, &kBrS01, &kBrS02, &kBrS03, &kBrS04, &kBrS05, &kBrS06, &kBrS07, &kBrS08, &kBrS09,
     &kBrS10, nullptr, nullptr, nullptr, nullptr},
    {nullptr, &kBrZ01, &kBrZ02, &kBrZ03, &kBrZ04, &kBrZ05, &kBrZ06, &kBrZ07, &kBrZ08, &kBrZ09,
     &kBrZ10, nullptr, nullptr, nullptr, nullptr},
    {nullptr, &kBrE01, &kBrE02, &kBrE03, &kBrE04, &kBrE05, &kBrE06, &kBrE07, &kBrE08, &kBrE09,
     &kBrE10, nullptr, nullptr, nullptr, nullptr},
    {nullptr, &kBrAe01, &kBrAe02, &kBrAe03, &kBrAe04, &kBrAe05, &kBrAe06, &kBrAe07, &kBrAe08,
     &kBrAe09, &kBrAe10, nullptr, nullptr, nullptr, nullptr},
    {nullptr, &kBrIc01, &kBrIc02, &kBrIc03, &kBrIc04, &kBrIc05, &kBrIc06, &kBrIc07, &kBrIc08,
     &kBrIc09, &kBrIc10, &kBrIc11, &kBrIc12, nullptr, nullptr},
    {nullptr, &kBrG01, &kBrG02, &kBrG03, &kBrG04, &kBrG05, &kBrG06, &kBrG07, &kBrG08, &kBrG09,
     &kBrG10, nullptr, nullptr, nullptr, nullptr},
    {nullptr, &kBrO01, &kBrO02, &kBrO03, &kBrO04, &kBrO05, &kBrO06, &kBrO07, &kBrO08, &kBrO09,
     &kBrO10, &kBrO11, &kBrO12, &kBrO13, &kBrO14},
    {nullptr, &kBrAf01, &kBrAf02, &kBrAf03, &kBrAf04, &kBrAf05, &kBrAf06, &kBrAf07, &kBrAf08,
     &kBrAf09, &kBrAf10, nullptr, nullptr, nullptr, nullptr},
    {nullptr, &kBrAg01, &kBrAg02, &kBrAg03, &kBrAg04, &kBrAg05, &kBrAg06, &kBrAg07, &kBrAg08,
     &kBrAg09, &kBrAg10, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace einvoice::validation::vat_category
