#pragma once

// Internal to the French rules: the rules of the FNFE-MPE BR-FR Flux 2
// Schematron (CII, v1.4.0.03) whose context is a path from the root and whose
// test is a check on that element's own text: lengths, identifier and date
// formats, document type codes, non-blank values. Ids, flags and the
// messages' fixed part as published; paths as the artefact's contexts (a
// final [@attribute='value'] or [child='value'] step filter included).

#include <string_view>

#include "validation/rule.h"

namespace einvoice::validation::french {

enum class PathCheck {
  kMaxLength,     // string-length(.) le limit
  kIdFormat,      // custom:is-valid-id-format(.)
  kDate,          // custom:is-valid-date-format(.)
  kDocumentType,  // custom:is-valid-document-type-code(.)
  kSchemeFormat,  // custom:is-valid-schemeid-format(.)
  kNotBlank,      // normalize-space(.) != ''
};

struct PathRule {
  Rule rule;
  std::string_view path;  // below the root, "rsm:ExchangedDocument/ram:ID"
  PathCheck check;
  int limit;
};

// clang-format off
inline constexpr PathRule kPathRules[] = {
    {{"BR-FR-01_BT-1", kFatal, "BT-1", "BR-FR-01/BT-1 : L'identifiant de facture (ram:ID) ne doit pas dépasser 35 caractères."}, "rsm:ExchangedDocument/ram:ID", PathCheck::kMaxLength, 35},
    {{"BR-FR-02_BT-1", kFatal, "BT-1", "BR-FR-02/BT-1 : L'identifiant de facture (ram:ID) contient des caractères non autorisés."}, "rsm:ExchangedDocument/ram:ID", PathCheck::kIdFormat, 0},
    {{"BR-FR-01_BT-25", kFatal, "BT-25", "BR-FR-01/BT-25 : L'identifiant de facture référencée (ram:IssuerAssignedID) ne doit pas dépasser 35 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID", PathCheck::kMaxLength, 35},
    {{"BR-FR-02_BT-25", kFatal, "BT-25", "BR-FR-02/BT-25 : L'identifiant de facture référencée (ram:IssuerAssignedID) contient des caractères non autorisés."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID", PathCheck::kIdFormat, 0},
    {{"BR-FR-01_EXT-FR-FE-136", kFatal, "EXT-FR-FE-136", "BR-FR-01/EXT-FR-FE-136 : L'identifiant de facture référencée en ligne (ram:IssuerAssignedID) ne doit pas dépasser 35 caractères."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID", PathCheck::kMaxLength, 35},
    {{"BR-FR-02_EXT-FR-FE-136", kFatal, "EXT-FR-FE-136", "BR-FR-02/EXT-FR-FE-136 : L'identifiant de facture référencée en ligne (ram:IssuerAssignedID) contient des caractères non autorisés."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID", PathCheck::kIdFormat, 0},
    {{"BR-FR-03_BT-2", kFatal, "BT-2", "BR-FR-03/BT-2 : La date d'émission (udt:DateTimeString) doit contenir une année comprise entre 2000 et 2099, au format AAAAMMJJ."}, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_BT-7", kFatal, "BT-7", "BR-FR-03/BT-7 : La date de fait générateur de la taxe (udt:DateString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:TaxPointDate/udt:DateString", PathCheck::kDate, 0},
    {{"BR-FR-03_BT-9", kFatal, "BT-9", "BR-FR-03/BT-9 : La date d'échéance (udt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_BT-26", kFatal, "BT-26", "BR-FR-03/BT-26 : La date d'émission de la facture référencée (qdt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_BT-72", kFatal, "BT-72", "BR-FR-03/BT-72 : La date de livraison effective (udt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_BT-73", kFatal, "BT-73", "BR-FR-03/BT-73 : La date de début de période de facturation (udt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_BT-74", kFatal, "BT-74", "BR-FR-03/BT-74 : La date de fin de période de facturation (udt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_EXT-FR-FE-138", kFatal, "EXT-FR-FE-138", "BR-FR-03/EXT-FR-FE-138 : La date d'émission de la facture référencée en ligne (qdt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_EXT-FR-FE-158", kFatal, "EXT-FR-FE-158", "BR-FR-03/EXT-FR-FE-158 : La date de livraison effective en ligne (udt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_EXT-FR-FE-134", kFatal, "EXT-FR-FE-134", "BR-FR-03/BT-134 : La date de début de période de facturation en ligne (udt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-03_EXT-FR-FE-135", kFatal, "EXT-FR-FE-135", "BR-FR-03/BT-135 : La date de fin de période de facturation en ligne (udt:DateTimeString) doit contenir une année entre 2000 et 2099."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString", PathCheck::kDate, 0},
    {{"BR-FR-04_BT-3", kFatal, "BT-3", "BR-FR-04/BT-3 : Le code type de document (ram:TypeCode) n'est pas autorisé. Valeurs acceptées : 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503."}, "rsm:ExchangedDocument/ram:TypeCode", PathCheck::kDocumentType, 0},
    {{"BR-FR-04_EXT-FR-FE-02", kFatal, "EXT-FR-FE-02", "BR-FR-04/EXT-FR-FE-02 : Le code type de document référencé (ram:TypeCode) n'est pas autorisé. Valeurs acceptées : 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument/ram:TypeCode", PathCheck::kDocumentType, 0},
    {{"BR-FR-04_EXT-FR-FE-137", kFatal, "EXT-FR-FE-137", "BR-FR-04/EXT-FR-FE-137 : Le code type de document référencé en ligne (ram:TypeCode) n'est pas autorisé. Valeurs acceptées : 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:TypeCode", PathCheck::kDocumentType, 0},
    {{"BR-FR-23_BT-34", kFatal, "BT-34", "BR-FR-23/BT-34 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-23_BT-49", kFatal, "BT-49", "BR-FR-23/BT-49 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-23_EXT-FR-FE-12", kFatal, "EXT-FR-FE-12", "BR-FR-23/EXT-FR-FE-12 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerAgentTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-23_EXT-FR-FE-29", kFatal, "EXT-FR-FE-29", "BR-FR-23/EXT-FR-FE-29 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayeeTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-23_EXT-FR-FE-52", kFatal, "EXT-FR-FE-52", "BR-FR-23/EXT-FR-FE-52 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayerTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-23_EXT-FR-FE-75", kFatal, "EXT-FR-FE-75", "BR-FR-23/EXT-FR-FE-75 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SalesAgentTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-23_EXT-FR-FE-98", kFatal, "EXT-FR-FE-98", "BR-FR-23/EXT-FR-FE-98 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceeTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-23_EXT-FR-FE-121", kFatal, "EXT-FR-FE-121", "BR-FR-23/EXT-FR-FE-121 : L'adresse électronique (ram:URIID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoicerTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-24_BT-29", kFatal, "BT-29", "BR-FR-24/BT-29 : L'identifiant privé (ram:GlobalID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:GlobalID[@schemeID='0224']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-24_BT-46", kFatal, "BT-46", "BR-FR-24/BT-46 : L'identifiant privé (ram:GlobalID) ne respecte pas le format autorisé."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:GlobalID[@schemeID='0224']", PathCheck::kSchemeFormat, 0},
    {{"BR-FR-25_BT-34", kFatal, "BT-34", "BR-FR-25/BT-34 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-25_BT-49", kFatal, "BT-49", "BR-FR-25/BT-49 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-25_EXT-FR-FE-12", kFatal, "EXT-FR-FE-12", "BR-FR-25/EXT-FR-FE-12 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerAgentTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-25_EXT-FR-FE-29", kFatal, "EXT-FR-FE-29", "BR-FR-25/EXT-FR-FE-29 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayeeTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-25_EXT-FR-FE-52", kFatal, "EXT-FR-FE-52", "BR-FR-25/EXT-FR-FE-52 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayerTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-25_EXT-FR-FE-75", kFatal, "EXT-FR-FE-75", "BR-FR-25/EXT-FR-FE-75 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SalesAgentTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-25_EXT-FR-FE-98", kFatal, "EXT-FR-FE-98", "BR-FR-25/EXT-FR-FE-98 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceeTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-25_EXT-FR-FE-121", kFatal, "EXT-FR-FE-121", "BR-FR-25/EXT-FR-FE-121 : L'adresse électronique (ram:URIID) dépasse 125 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoicerTradeParty/ram:URIUniversalCommunication/ram:URIID", PathCheck::kMaxLength, 125},
    {{"BR-FR-26_BT-29", kFatal, "BT-29", "BR-FR-26/BT-29 : L'identifiant privé (ram:GlobalID) dépasse 100 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:GlobalID[@schemeID='0224']", PathCheck::kMaxLength, 100},
    {{"BR-FR-26_BT-46", kFatal, "BT-46", "BR-FR-26/BT-46 : L'identifiant privé (ram:GlobalID) dépasse 100 caractères."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:GlobalID[@schemeID='0224']", PathCheck::kMaxLength, 100},
    {{"BR-FR-27_BT-160", kFatal, "BT-160", "BR-FR-27/BT-160 : Le nom d'attribut d'article (ram:Description) ne doit pas être vide."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic/ram:Description", PathCheck::kNotBlank, 0},
    {{"BR-FR-27_EXT-FR-FE-159", kFatal, "EXT-FR-FE-159", "BR-FR-27/EXT-FR-FE-159 : Le code d'attribut d'article (ram:TypeCode) ne doit pas être vide."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic/ram:TypeCode", PathCheck::kNotBlank, 0},
    {{"BR-FR-29_AFL", kFatal, "", "BR-FR-29/AFL : L'identifiant associé au schéma \"AFL\" (ram:IssuerAssignedID) ne doit pas être vide."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument[ram:ReferenceTypeCode='AFL']/ram:IssuerAssignedID", PathCheck::kNotBlank, 0},
    {{"BR-FR-29_AVV", kFatal, "", "BR-FR-29/AVV : L'identifiant associé au schéma \"AVV\" (ram:IssuerAssignedID) ne doit pas être vide."}, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument[ram:ReferenceTypeCode='AVV']/ram:IssuerAssignedID", PathCheck::kNotBlank, 0},
    {{"BR-FR-30_AFL", kFatal, "", "BR-FR-30/AFL : L'identifiant associé au schéma \"AFL\" (ram:IssuerAssignedID) ne doit pas être vide."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:AdditionalReferencedDocument[ram:ReferenceTypeCode='AFL']/ram:IssuerAssignedID", PathCheck::kNotBlank, 0},
    {{"BR-FR-30_AVV", kFatal, "", "BR-FR-30/AVV : L'identifiant associé au schéma \"AVV\" (ram:IssuerAssignedID) ne doit pas être vide."}, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:AdditionalReferencedDocument[ram:ReferenceTypeCode='AVV']/ram:IssuerAssignedID", PathCheck::kNotBlank, 0},
};
// clang-format on

}  // namespace einvoice::validation::french
