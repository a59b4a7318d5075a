// BR-FR-* (French CTC rules, XP Z12-012, FNFE-MPE BR-FR Flux 2 Schematrons
// v1.4.0.03), profile "fr": the rule tables and the dispatch to the family of
// the document's syntax. CII (french_cii.h): every rule of BR-FR-01 to
// BR-FR-32, BR-FR-CO-* and BR-FR-DEC-*, the path rules as a table
// (french_paths.h). UBL (french_ubl.h): the same families on the UBL
// artefact's contexts.
// BR-FR-27 on UBL never applies: the artefact's contexts for it
// (ubl:Invoice/cac:Item/...) name no element of a UBL invoice. Not
// implemented yet, for both syntaxes: the rules of the multi-vendor and
// bi-directional billing modes (BR-FR-MV-*, BR-FR-BD-*, billing modes
// B8/S8/M8 and B9/S9/M9).
// rules_of() lists only what is checked.

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "validation/fr/french_cii.h"
#include "validation/fr/french_ubl.h"
#include "validation/rule_families.h"

namespace einvoice::validation {
namespace french {
namespace {

constexpr std::string_view kDec01 =
    "BR-FR-DEC-01 : Le montant doit comporter au plus 2 décimales, être exprimé avec un point "
    "comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). Le signe « - » est "
    "autorisé.";

constexpr Rule kRules[] = {
    {"BR-FR-05_BT-22_PMT", kFatal, "BT-22",
     "BR-FR-05/BT-22 : La mention relative aux frais de recouvrement (code PMT) est absente. Elle "
     "est obligatoire dans les notes (BG-1)."},
    {"BR-FR-05_BT-22_PMD", kFatal, "BT-22",
     "BR-FR-05/BT-22 : La mention relative aux pénalités de retard (code PMD) est absente. Elle "
     "est obligatoire dans les notes (BG-1)."},
    {"BR-FR-05_BT-22_AAB", kFatal, "BT-22",
     "BR-FR-05/BT-22 : La mention relative à l'escompte (code AAB) est absente. Elle est "
     "obligatoire dans les notes (BG-1)."},
    {"BR-FR-06_BT-21_PMT", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet PMT ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-06_BT-21_PMD", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet PMD ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-06_BT-21_AAB", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet AAB ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-06_BT-21_TXD", kFatal, "BT-21",
     "BR-FR-06/BT-21 : Le code sujet TXD ne peut apparaître qu'une seule fois dans les notes."},
    {"BR-FR-08_BT-23", kFatal, "BT-23",
     "BR-FR-08/BT-23 : La valeur du mode de facturation est absente ou n'est pas autorisée. "
     "Valeurs acceptées : B1, S1, M1, B2, S2, M2, S3, B4, S4, M4, S5, S6, B7, S7, B8, S8, M8, B9, "
     "S9, M9."},
    {"BR-FR-10_BT-30", kFatal, "BT-30",
     "BR-FR-10/BT-30 : Le SIREN du vendeur est obligatoire et doit être composé exactement de 9 "
     "chiffres."},
    {"BR-FR-12_BT-49", kFatal, "BT-49", "BR-FR-12/BT-49 : Le BT-49 est obligatoire."},
    {"BR-FR-13_BT-34", kFatal, "BT-34", "BR-FR-13/BT-34 : Le BT-34 est obligatoire."},
    {"BR-FR-16_BT-96_BT-103", kFatal, "BT-96",
     "BR-FR-16/BT-96 ou BT-103 : Le taux de TVA doit être exprimé en pourcentage sans symbole « % "
     "» et faire partie des valeurs autorisées."},
    {"BR-FR-16_BT-119", kFatal, "BT-119",
     "BR-FR-16/BT-119 : Le taux de TVA (BT-119) doit être exprimé en pourcentage sans symbole « % "
     "» et faire partie des valeurs autorisées."},
    {"BR-FR-16_BT-152", kFatal, "BT-152",
     "BR-FR-16/BT-152 : Le taux de TVA (BT-152) doit être exprimé en pourcentage sans symbole « % "
     "» et faire partie des valeurs autorisées."},
    {"BR-FR-17_BT-123", kFatal, "BT-123",
     "BR-FR-17/BT-123 : Le code de qualification de la pièce jointe est invalide. Il doit "
     "appartenir à la liste des codes autorisés."},
    {"BR-FR-CO-07_BT-9", kFatal, "BT-9",
     "BR-FR-CO-07/BT-9 : La date d’échéance (BT-9), si présente, doit être postérieure ou égale "
     "à la date de facture (BT-2), sauf si la facture est de type acompte (386, 500, 503) ou si "
     "le cadre de facturation (BT-23) est B2, S2 ou M2."},
    {"BR-FR-CO-12_BT-5", kFatal, "BT-5",
     "BR-FR-CO-12/BT-5 : Si la devise de facture (BT-5) est différente de EUR, la devise de "
     "comptabilité (BT-6) doit être EUR et le montant de TVA en devise de comptabilité (BT-111) "
     "doit être renseigné en EUR."},
    {"BR-FR-09_BT-29", kFatal, "BT-29",
     "BR-FR-09/BT-29 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_BT-46", kFatal, "BT-46",
     "BR-FR-09/BT-46 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_BT-60", kFatal, "BT-60",
     "BR-FR-09/BT-60 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_EXT-FR-FE-06", kFatal, "",
     "BR-FR-09/EXT-FR-FE-06 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_EXT-FR-FE-46", kFatal, "",
     "BR-FR-09/EXT-FR-FE-46 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_EXT-FR-FE-69", kFatal, "",
     "BR-FR-09/EXT-FR-FE-69 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_EXT-FR-FE-92", kFatal, "",
     "BR-FR-09/EXT-FR-FE-92 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_EXT-FR-FE-115", kFatal, "",
     "BR-FR-09/EXT-FR-FE-115 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_BT-71", kFatal, "BT-71",
     "BR-FR-09/BT-71 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-09_EXT-FR-FE-146", kFatal, "",
     "BR-FR-09/EXT-FR-FE-146 : Le SIRET doit contenir 14 chiffres et commencer par le SIREN."},
    {"BR-FR-11_BT-47", kFatal, "BT-47",
     "BR-FR-11/BT-47 : Si une note contient le code sujet BAR avec la valeur 'B2B', alors le SIREN "
     "de l’acheteur (BT-47, ram:ID) est obligatoire et doit être composé exactement de 9 "
     "chiffres."},
    {"BR-FR-15_BT-95_BT-102", kFatal, "BT-95",
     "BR-FR-15/BT-95 ou BT-102 : Code de catégorie de TVA invalide."},
    {"BR-FR-15_BT-95_BT-102_LM", kFatal, "BT-95",
     "BR-FR-15/BT-95 ou BT-102 : Les codes 'L' et 'M' ne sont pas pertinents en France."},
    {"BR-FR-15_BT-95_BT-118", kFatal, "BT-95",
     "BR-FR-15/BT-118 : Code de catégorie de TVA invalide."},
    {"BR-FR-15_BT-95_BT-118_LM", kFatal, "BT-95",
     "BR-FR-15/BT-118 : Les codes 'L' et 'M' ne sont pas pertinents en France."},
    {"BR-FR-15_BT-95_BT-151", kFatal, "BT-95",
     "BR-FR-15/BT-151 : Code de catégorie de TVA invalide."},
    {"BR-FR-15_BT-95_BT-151_LM", kFatal, "BT-95",
     "BR-FR-15/BT-151 : Les codes 'L' et 'M' ne sont pas pertinents en France."},
    {"BR-FR-21_BT-49", kFatal, "BT-49",
     "BR-FR-21/BT-49 : Si le traitement est BAR/B2B et que le type de document (BT-3) n’est pas en "
     "autofacture (389, 501, 500, 471, 473, 261, 502), alors le BT-49 (EndpointID) doit commencer "
     "par le SIREN (BT-47) et le BT-49-1 (schemeID) doit être égal à \"0225\"."},
    {"BR-FR-22_BT-34", kFatal, "BT-34",
     "BR-FR-22/BT-34 : Si le traitement est BAR/B2B et que le type de document (BT-3) est en "
     "autofacture (389, 501, 500, 471, 473, 261, 502), alors le BT-34 (EndpointID du vendeur) doit "
     "commencer par le SIREN (BT-30) et le BT-34-1 (schemeID) doit être égal à \"0225\"."},
    {"BR-FR-27_BG-32", kFatal, "BG-32",
     "BR-FR-27/BG-32 : Le groupe Attribut d’article (BG-32) doit contenir soit un nom d’attribut "
     "d’article (BT-160 : ram:Description), soit un code d’attribut d’article (EXT-FR-FE-159 : "
     "ram:TypeCode). Aucun des deux éléments n’a été trouvé dans le contexte "
     "ApplicableProductCharacteristic."},
    {"BR-FR-28-Value", kFatal, "",
     "[BR-FR-28] : La valeur d’attribut (cbc:Value) ou la valeur (cbc:ValueQuantity avec unité de "
     "mesure) doivent être présents, mais pas les deux"},
    {"BR-FR-29_BT-18", kFatal, "BT-18",
     "BR-FR-29/BT-18 : Parmi les identifiants d’objets facturés (BT-18), les schémas "
     "d’identification \"AFL\" et \"AVV\" ne doivent être présents qu’une seule fois chacun. "
     "Actuellement : AFL = occurrence(s), AVV = occurrence(s)."},
    {"BR-FR-30_BT-128", kFatal, "BT-128",
     "BR-FR-30/BT-128 : Parmi les identifiants d’objets facturés à la ligne (BT-128), les schémas "
     "d’identification \"AFL\" et \"AVV\" ne doivent être présents qu’une seule fois chacun. "
     "Actuellement : AFL = occurrence(s), AVV = occurrence(s)."},
    {"BR-FR-32-LEGALID", kFatal, "",
     "BR-FR-32/LEGALID : Tout identifiant légal d'une Partie avec schemeID = '0002' DOIT être "
     "composé de 9 chiffres."},
    {"BR-FR-32-GLOBALID", kFatal, "",
     "BR-FR-32/ID : Tout identifiant d'une Partie avec schemeID = '0231' ou '0002' DOIT être "
     "composé de 9 chiffres."},
    {"BR-FR-CO-04_BT-4", kFatal, "BT-4",
     "BR-FR-CO-04/BT-3 : Si le type de facture (BT-3) est une facture rectificative (384, 471, "
     "472, 473), alors **une et une seule** référence à une facture antérieure (BT-25) avec sa "
     "date (BT-26) doit être présente. Nombre de références valides trouvées : ."},
    {"BR-FR-CO-05_BT-3", kFatal, "BT-3",
     "BR-FR-CO-05/BT-3 : Si le type de facture (BT-3) est un avoir (261, 381, 396, 502, 503), "
     "alors : - soit au moins une référence à une facture antérieure (BT-25) avec sa date (BT-26) "
     "doit être présente au niveau entête, - soit chaque ligne (BG-25) sans subtype "
     "(EXT-FR-FE-163) ou avec subtype 'DETAIL' d"},
    {"BR-FR-CO-09_BT-23-1", kFatal, "BT-23",
     "BR-FR-CO-09/BT-23 : Si le cadre de facturation (BT-23) est B2, S2 ou M2 (facture déjà "
     "payée), alors le montant déjà payé (BT-113) doit être égal au montant total TTC (BT-112). "
     "Montant payé : , Montant total : ."},
    {"BR-FR-CO-09_BT-23-2", kFatal, "BT-23",
     "BR-FR-CO-09/BT-23 : Si le cadre de facturation (BT-23) est B2, S2 ou M2, alors le net à "
     "payer (BT-115) doit être égal à 0. Net à payer : ."},
    {"BR-FR-CO-09_BT-23-3", kFatal, "BT-23",
     "BR-FR-CO-09/BT-23 : Si le cadre de facturation (BT-23) est B2, S2 ou M2, alors la date "
     "d’échéance (BT-9) doit être renseignée et correspondre à la date de paiement. Date "
     "d’échéance actuelle : ."},
    {"BR-FR-CO-10_BT-29-1", kFatal, "BT-29",
     "BR-FR-CO-10/BT-29 : Si l’identifiant global du vendeur (BT-29) est renseigné, alors son "
     "schéma (BT-29-1) doit également être renseigné."},
    {"BR-FR-CO-10_BT-29-2", kFatal, "BT-29",
     "BR-FR-CO-10/BT-29 : Chaque schemeID ne peut apparaître qu’une seule fois dans l'identifiant "
     "privé du vendeur (BT-29)."},
    {"BR-FR-CO-10_BT-46-1", kFatal, "BT-46",
     "BR-FR-CO-10/BT-46 : Si l’identifiant global de l'acheteur (BT-46) est renseigné, alors son "
     "schéma (BT-46-1) doit également être renseigné."},
    {"BR-FR-CO-10_BT-46-2", kFatal, "BT-46",
     "BR-FR-CO-10/BT-46 : Chaque schemeID ne peut apparaître qu’une seule fois dans l'identifiant "
     "privé de l'acheteur (BT-46)."},
    {"BR-FR-CO-10_BT-60-1", kFatal, "BT-60",
     "BR-FR-CO-10/BT-60 : Si l’identifiant global du bénéficiaire (BT-60) est renseigné, alors son "
     "schéma (BT-60-1) doit également être renseigné."},
    {"BR-FR-CO-10_BT-60-2", kFatal, "BT-60",
     "BR-FR-CO-10/BT-60 : Chaque schemeID ne peut apparaître qu’une seule fois dans l'identifiant "
     "privé du bénéficiaire (BT-60)."},
    {"BR-FR-CO-10_EXT-FR-FE-06-1", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-06 : Si l’identifiant global de l'agent d'acheteur (EXT-FR-FE-06) est "
     "renseigné, alors son schéma (EXT-FR-FE-07) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-06-2", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-06 : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé de l'agent d'acheteur (EXT-FR-FE-06)."},
    {"BR-FR-CO-10_EXT-FR-FE-46-1", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-46 : Si l’identifiant global du payeur (EXT-FR-FE-46) est renseigné, "
     "alors son schéma (EXT-FR-FE-47) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-46-2", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-46 : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du payeur (EXT-FR-FE-46)."},
    {"BR-FR-CO-10_EXT-FR-FE-69-1", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-69 : Si l’identifiant global de l'agent du vendeur (EXT-FR-FE-69) est "
     "renseigné, alors son schéma (EXT-FR-FE-70) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-69-2", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-69 : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé de l'agent du vendeur (EXT-FR-FE-69)."},
    {"BR-FR-CO-10_EXT-FR-FE-92-1", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-92 : Si l’identifiant global du facturé à (EXT-FR-FE-92) est "
     "renseigné, alors son schéma (EXT-FR-FE-92-1) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-92-2", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-92 : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du facturé à (EXT-FR-FE-92)."},
    {"BR-FR-CO-10_EXT-FR-FE-115-1", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-115 : Si l’identifiant global du facturant (EXT-FR-FE-115) est "
     "renseigné, alors son schéma (EXT-FR-FE-116) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-115-2", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-115 : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du facturant (EXT-FR-FE-115)."},
    {"BR-FR-CO-10_BT-71-1", kFatal, "BT-71",
     "BR-FR-CO-10/BT-71 : Si l’identifiant global du livré à (BT-71) est renseigné, alors son "
     "schéma (BT-71-1) doit également être renseigné."},
    {"BR-FR-CO-10_BT-71-2", kFatal, "BT-71",
     "BR-FR-CO-10/BT-71 : Chaque schemeID ne peut apparaître qu’une seule fois ans l'identifiant "
     "privé du livré à (BT-71)."},
    {"BR-FR-CO-10_EXT-FR-FE-146-1", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-146 : Si l’identifiant global du livré à à la ligne (EXT-FR-FE-146 ) "
     "est renseigné, alors son schéma (EXT-FR-FE-148) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-146-2", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-146 : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du livré à à la ligne (EXT-FR-FE-146 )."},
    {"BR-FR-CO-14_BT-29-1", kFatal, "BT-29",
     "BR-FR-CO-14/BT-29-1 : Si le schéma d’identification du vendeur (BT-29-1) est '0231', cela "
     "signifie qu’il est membre d’un assujetti unique. Dans ce cas, une note (BG-1) avec le code "
     "sujet 'TXD' (BT-21) et le texte 'MEMBRE_ASSUJETTI_UNIQUE' (BT-22) doit être présente."},
    {"BR-FR-CO-15_BT-29-1", kFatal, "BT-29",
     "BR-FR-CO-15/BT-29-1 : Si le vendeur est membre d'un assujetti unique (BT-29-1 = 0231), alors "
     "le bloc représentant fiscal (BG-11) doit être présent et contenir le numéro de TVA de "
     "l'assujetti unique (BT-63). État actuel : représentant fiscal , numéro de TVA =."},
    {"BR-FR-DEC-03_BT-146", kFatal, "BT-146",
     "BR-FR-DEC-03/BT-146 : Le montant « » est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), sauf si Cadre de Facturation (BT-23) est S9, M9 ou B9 "
     "(bi-directionnel) - comporter au plus 6 décimales (séparateur « . »), - contenir au maximum "
     "19 caractères (hors séparateur). Veu"},
    {"BR-FR-DEC-03_BT-147", kFatal, "BT-147",
     "BR-FR-DEC-03/BT-147 : Le montant « » est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), sauf si Cadre de Facturation (BT-23) est S9, M9 ou B9 "
     "(bi-directionnel) - comporter au plus 6 décimales (séparateur « . »), - contenir au maximum "
     "19 caractères (hors séparateur). Veu"},
    {"BR-FR-DEC-03_BT-148", kFatal, "BT-148",
     "BR-FR-DEC-03/BT-148 : Le montant « » est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), sauf si Cadre de Facturation (BT-23) est S9, M9 ou B9 "
     "(bi-directionnel) - comporter au plus 6 décimales (séparateur « . »), - contenir au maximum "
     "19 caractères (hors séparateur). Veu"},
    {"BR-FR-18_BT-123", kFatal, "BT-123",
     "BR-FR-18/BT-123 : Il ne peut y avoir qu'un seul document additionnel (BG-24) dont la "
     "description (BT-123) est \"LISIBLE\"."},
    {"BR-FR-20_BT-21", kFatal, "BT-21",
     "BR-FR-20/BT-21 : Lorsqu'une note a pour code sujet « BAR » (BT-21), son contenu (BT-22) doit "
     "être l'une des valeurs B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE, ARCHIVEONLY."},
    {"BR-FR-31_BT-21", kFatal, "BT-21",
     "BR-FR-31/BT-21 : Il ne peut y avoir qu'une seule note de code sujet « BAR » (BT-21) portant "
     "une valeur autorisée."},
    {"BR-FR-CO-03_BT-3", kFatal, "BT-3",
     "BR-FR-CO-03/BT-3 : Si le code type de la facture (BT-3) est égal à 262 (Avoir Remise "
     "Globale), le numéro de contrat (BT-12) et la période de facturation (BG-14, début et fin) "
     "doivent être renseignés."},
    {"BR-FR-CO-08_BT-23", kFatal, "BT-23",
     "BR-FR-CO-08/BT-23 : Si le cadre de facturation (BT-23) est B4, S4 ou M4, le type de facture "
     "(BT-3) ne peut pas être une facture ou un avoir d'acompte (386, 500, 503)."},
    {"BR-FR-DEC-01_BT-92_BT-99", kFatal, "BT-92", kDec01},
    {"BR-FR-DEC-01_BT-93_BT-100", kFatal, "BT-93", kDec01},
    {"BR-FR-DEC-01_BT-106", kFatal, "BT-106", kDec01},
    {"BR-FR-DEC-01_BT-107", kFatal, "BT-107", kDec01},
    {"BR-FR-DEC-01_BT-108", kFatal, "BT-108", kDec01},
    {"BR-FR-DEC-01_BT-109", kFatal, "BT-109", kDec01},
    {"BR-FR-DEC-01_BT-110", kFatal, "BT-110", kDec01},
    {"BR-FR-DEC-01_BT-112", kFatal, "BT-112", kDec01},
    {"BR-FR-DEC-01_BT-113", kFatal, "BT-113", kDec01},
    {"BR-FR-DEC-01_BT-114", kFatal, "BT-114", kDec01},
    {"BR-FR-DEC-01_BT-115", kFatal, "BT-115", kDec01},
    {"BR-FR-DEC-01_BT-116", kFatal, "BT-116", kDec01},
    {"BR-FR-DEC-01_BT-117", kFatal, "BT-117", kDec01},
    {"BR-FR-DEC-01_BT-131", kFatal, "BT-131", kDec01},
    {"BR-FR-DEC-01_BT-136_BT-141", kFatal, "BT-136", kDec01},
    {"BR-FR-DEC-01_BT-137_BT-142", kFatal, "BT-137", kDec01},
    {"BR-FR-DEC-02_BT-129", kFatal, "BT-129",
     "BR-FR-DEC-02/BT-129 : La quantité doit être un nombre d'au plus 4 décimales (séparateur « . "
     "») et 19 chiffres, éventuellement précédé de « - »."},
    {"BR-FR-DEC-02_BT-149", kFatal, "BT-149",
     "BR-FR-DEC-02/BT-149 : La quantité doit être un nombre d'au plus 4 décimales (séparateur « . "
     "») et 19 chiffres, éventuellement précédé de « - »."},
    {"BR-FR-DEC-04_BT-96_BT-103", kFatal, "BT-96",
     "BR-FR-DEC-04/BT-96 ou BT-103 : Le taux de TVA doit être un nombre positif d'au plus 2 "
     "décimales et 4 chiffres."},
    {"BR-FR-DEC-04_BT-119", kFatal, "BT-119",
     "BR-FR-DEC-04/BT-119 : Le taux de TVA doit être un nombre positif d'au plus 2 décimales et 4 "
     "chiffres."},
    {"BR-FR-DEC-04_BT-152", kFatal, "BT-152",
     "BR-FR-DEC-04/BT-152 : Le taux de TVA doit être un nombre positif d'au plus 2 décimales et 4 "
     "chiffres."},
};

// The UBL artefact's rules other than its path rules.
constexpr Rule kUblRules[] = {
    {"BR-FR-CO-05_BT-3", kFatal, "BT-3",
     "[BR-FR-CO-05/BT-3] : Si le type de facture (BT-3) est un avoir (261, 381, 396, 502, 503), "
     "alors : - soit au moins une référence à une facture antérieure (BT-25) avec sa date (BT-26) "
     "doit être présente au niveau entête, - soit chaque ligne (BG-25) doit contenir une référence "
     "à une facture antérieure (EXT-FR-FE-136) avec sa date (EXT-FR-FE-138)."},
    {"BR-FR-09_BT-29", kFatal, "BT-29",
     "[BR-FR-09/BT-29] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. SIRET :, "
     "SIREN :."},
    {"BR-FR-09_BT-46", kFatal, "BT-46",
     "[BR-FR-09/BT-46] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. SIRET :, "
     "SIREN :."},
    {"BR-FR-09_BT-60", kFatal, "BT-60",
     "[BR-FR-09/BT-60] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. SIRET :, "
     "SIREN :."},
    {"BR-FR-09_EXT-FR-FE-06", kFatal, "",
     "[BR-FR-09/EXT-FR-FE-06] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. "
     "SIRET :, SIREN :."},
    {"BR-FR-09_EXT-FR-FE-46", kFatal, "",
     "[BR-FR-09/EXT-FR-FE-46] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. "
     "SIRET :, SIREN :."},
    {"BR-FR-09_EXT-FR-FE-69", kFatal, "",
     "[BR-FR-09/EXT-FR-FE-69] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. "
     "SIRET :, SIREN :."},
    {"BR-FR-09_EXT-FR-FE-92", kFatal, "",
     "[BR-FR-09/EXT-FR-FE-92] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. "
     "SIRET :, SIREN :."},
    {"BR-FR-09_EXT-FR-FE-115", kFatal, "",
     "[BR-FR-09/EXT-FR-FE-115] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. "
     "SIRET :, SIREN :."},
    {"BR-FR-09_BT-71", kFatal, "BT-71",
     "[BR-FR-09/BT-71] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. SIRET :, "
     "SIREN :."},
    {"BR-FR-09_EXT-FR-FE-146", kFatal, "",
     "[BR-FR-09/EXT-FR-FE-146] : Le SIRET doit contenir 14 chiffres et commencer par le SIREN. "
     "SIRET :, SIREN :."},
    {"BR-FR-28-Value", kFatal, "",
     "[BR-FR-28] : La valeur d’attribut (cbc:Value) ou la valeur (cbc:ValueQuantity avec unité de "
     "mesure) doivent être présents, mais pas les deux"},
    {"BR-FR-29_BT-18", kFatal, "BT-18",
     "[BR-FR-29/BT-18] : Parmi les identifiants d’objets facturés (BT-18), les schémas "
     "d’identification \"AFL\" et \"AVV\" ne doivent être présents qu’une seule fois chacun. "
     "Actuellement : AFL = occurrence(s), AVV = occurrence(s)."},
    {"BR-FR-30_BT-128", kFatal, "BT-128",
     "[BR-FR-30/BT-128] : Parmi les identifiants d’objets facturés à la ligne (BT-128), les "
     "schémas d’identification \"AFL\" et \"AVV\" ne doivent être présents qu’une seule fois "
     "chacun. Actuellement : AFL = occurrence(s), AVV = occurrence(s)."},
    {"BR-FR-CO-03_BT-3", kFatal, "BT-3",
     "[BR-FR-CO-03/BT-3] : Si le code type de la facture (BT-3) est égal à 262 (Avoir Remise "
     "Globale), alors : - Le numéro de contrat (BT-12) doit être présent - La période de "
     "facturation (BG-14) doit être renseignée (dates de début et de fin)."},
    {"BR-FR-CO-04_BT-3", kFatal, "BT-3",
     "[BR-FR-CO-04/BT-3] : Si le type de facture (BT-3) est une facture rectificative (384, 471, "
     "472, 473), alors **une et une seule** référence à une facture antérieure (BT-25) avec sa "
     "date (BT-26) doit être présente. Nombre de références valides trouvées : ."},
    {"BR-FR-CO-09_BT-23-1", kFatal, "BT-23",
     "[BR-FR-CO-09/BT-23] : Si le cadre de facturation (BT-23) est B2, S2 ou M2 (facture déjà "
     "payée), alors le montant déjà payé (BT-113) doit être égal au montant total TTC (BT-112). "
     "Montant payé : , Montant total : ."},
    {"BR-FR-CO-09_BT-23-2", kFatal, "BT-23",
     "[BR-FR-CO-09/BT-23] : Si le cadre de facturation (BT-23) est B2, S2 ou M2, alors le net à "
     "payer (BT-115) doit être égal à 0. Net à payer : ."},
    {"BR-FR-CO-09_BT-23-3", kFatal, "BT-23",
     "[BR-FR-CO-09/BT-23] : Si le cadre de facturation (BT-23) est B2, S2 ou M2, alors la date "
     "d’échéance (BT-9) doit être renseignée et correspondre à la date de paiement. Date "
     "d’échéance actuelle : ."},
    {"BR-FR-CO-10_BT-29-1", kFatal, "BT-29",
     "[BR-FR-CO-10/BT-29] : Chaque identifiant global du vendeur (BT-29) doit avoir un attribut "
     "schemeID (BT-29-1)."},
    {"BR-FR-CO-10_BT-29-2", kFatal, "BT-29",
     "[BR-FR-CO-10/BT-29] : Chaque schemeID ne peut apparaître qu’une seule fois dans "
     "l'identifiant privé du vendeur (BT-29)."},
    {"BR-FR-CO-10_BT-46-1", kFatal, "BT-46",
     "[BR-FR-CO-10/BT-46] : Si l’identifiant global de l'acheteur (BT-46) est renseigné, alors son "
     "schéma (BT-46-1) doit également être renseigné."},
    {"BR-FR-CO-10_BT-46-2", kFatal, "BT-46",
     "[BR-FR-CO-10/BT-46] : Chaque schemeID ne peut apparaître qu’une seule fois dans "
     "l'identifiant privé de l'acheteur (BT-46)."},
    {"BR-FR-CO-10_BT-60-1", kFatal, "BT-60",
     "[BR-FR-CO-10/BT-60] : Si l’identifiant global du bénéficiaire (BT-60) est renseigné, alors "
     "son schéma (BT-60-1) doit également être renseigné."},
    {"BR-FR-CO-10_BT-60-2", kFatal, "BT-60",
     "[BR-FR-CO-10/BT-60] : Chaque schemeID ne peut apparaître qu’une seule fois dans "
     "l'identifiant privé du bénéficiaire (BT-60)."},
    {"BR-FR-CO-10_EXT-FR-FE-06-1", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-06] : Si l’identifiant global de l'agent d'acheteur (EXT-FR-FE-06) "
     "est renseigné, alors son schéma (EXT-FR-FE-07) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-06-2", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-06] : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé de l'agent d'acheteur (EXT-FR-FE-06)."},
    {"BR-FR-CO-10_EXT-FR-FE-46-1", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-46] : Si l’identifiant global du payeur (EXT-FR-FE-46) est renseigné, "
     "alors son schéma (EXT-FR-FE-47) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-46-2", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-46] : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du payeur (EXT-FR-FE-46)."},
    {"BR-FR-CO-10_EXT-FR-FE-69-1", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-69] : Si l’identifiant global de l'agent du vendeur (EXT-FR-FE-69) "
     "est renseigné, alors son schéma (EXT-FR-FE-70) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-69-2", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-69] : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé de l'agent du vendeur (EXT-FR-FE-69)."},
    {"BR-FR-CO-10_EXT-FR-FE-92-1", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-92] : Si l’identifiant global du facturé à (EXT-FR-FE-92) est "
     "renseigné, alors son schéma (EXT-FR-FE-92-1) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-92-2", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-92] : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du facturé à (EXT-FR-FE-92)."},
    {"BR-FR-CO-10_EXT-FR-FE-115-1", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-115] : Si l’identifiant global du facturant (EXT-FR-FE-115) est "
     "renseigné, alors son schéma (EXT-FR-FE-116) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-115-2", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-115] : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du facturant (EXT-FR-FE-115)."},
    {"BR-FR-CO-10_BT-71-1", kFatal, "BT-71",
     "[BR-FR-CO-10/BT-71] : Si l’identifiant global du livré à (BT-71) est renseigné, alors son "
     "schéma (BT-71-1) doit également être renseigné."},
    {"BR-FR-CO-10_BT-71-2", kFatal, "BT-71",
     "[BR-FR-CO-10/BT-71] : Chaque schemeID ne peut apparaître qu’une seule fois ans l'identifiant "
     "privé du livré à (BT-71)."},
    {"BR-FR-CO-10_EXT-FR-FE-146-1", kFatal, "",
     "BR-FR-CO-10/EXT-FR-FE-146] : Si l’identifiant global du livré à à la ligne (EXT-FR-FE-146 ) "
     "est renseigné, alors son schéma (EXT-FR-FE-148) doit également être renseigné."},
    {"BR-FR-CO-10_EXT-FR-FE-146-2", kFatal, "",
     "[BR-FR-CO-10/EXT-FR-FE-146] : Chaque schemeID ne peut apparaître qu’une seule fois ans "
     "l'identifiant privé du livré à à la ligne (EXT-FR-FE-146 )."},
    {"BR-FR-DEC-03_BT-146", kFatal, "BT-146",
     "[BR-FR-DEC-03/BT-146] : Le montant est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), - comporter au plus 6 décimales (séparateur « . »), - contenir "
     "au maximum 19 caractères (hors séparateur)."},
    {"BR-FR-DEC-03_BT-147", kFatal, "BT-147",
     "[BR-FR-DEC-03/BT-147] : Le montant est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), - comporter au plus 6 décimales (séparateur « . »), - contenir "
     "au maximum 19 caractères (hors séparateur)."},
    {"BR-FR-DEC-03_BT-148", kFatal, "BT-148",
     "[BR-FR-DEC-03/BT-148] : Le montant est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), - comporter au plus 6 décimales (séparateur « . »), - contenir "
     "au maximum 19 caractères (hors séparateur)."},
    {"BR-FR-05_BT-22-1", kFatal, "BT-22",
     "[BR-FR-05/BT-22] : La mention relative aux frais de recouvrement (code PMT) est absente. "
     "Elle est obligatoire dans les notes (BG-3)."},
    {"BR-FR-05_BT-22-2", kFatal, "BT-22",
     "[BR-FR-05/BT-22] : La mention relative aux pénalités de retard (code PMD) est absente. Elle "
     "est obligatoire dans les notes (BG-3)."},
    {"BR-FR-05_BT-22-3", kFatal, "BT-22",
     "[BR-FR-05/BT-22] : La mention relative à l’escompte ou à son absence (code AAB) est absente. "
     "Elle est obligatoire dans les notes (BG-3)."},
    {"BR-FR-06_BT-21-1", kFatal, "BT-21",
     "[BR-FR-06/BT-21] : Le code sujet PMT (indemnité forfaitaire pour frais de recouvrement) ne "
     "doit apparaître qu'une seule fois dans les notes (BG-3)."},
    {"BR-FR-06_BT-21-2", kFatal, "BT-21",
     "[BR-FR-06/BT-21] : Le code sujet PMD (pénalités de retard) ne doit apparaître qu'une seule "
     "fois dans les notes (BG-3)."},
    {"BR-FR-06_BT-21-3", kFatal, "BT-21",
     "[BR-FR-06/BT-21] : Le code sujet AAB (mention d’escompte ou d’absence d’escompte) ne doit "
     "apparaître qu'une seule fois dans les notes (BG-3)."},
    {"BR-FR-06_BT-21-4", kFatal, "BT-21",
     "[BR-FR-06/BT-21] : Le code sujet TXD (mention de taxe) ne doit apparaître qu'une seule fois "
     "dans les notes (BG-3)."},
    {"BR-FR-08_BT-23", kFatal, "BT-23",
     "[BR-FR-08/BT-23] : La valeur du cadre de facturation (ram:ID) est absente ou n’est pas "
     "autorisée. Valeurs acceptées : B1, S1, M1, B2, S2, M2, S3, B4, S4, M4, S5, S6, B7, S7, B8, "
     "S8, M8, B9, S9, M9."},
    {"BR-FR-10_BT-30", kFatal, "BT-30",
     "[BR-FR-10/BT-30] : Le SIREN du vendeur (CompanyID[@schemeID='0002']) est obligatoire et doit "
     "être composé exactement de 9 chiffres."},
    {"BR-FR-11_BT-47", kFatal, "BT-47",
     "[BR-FR-11/BT-47] : Si une note contient le code sujet BAR avec la valeur 'B2B', alors le "
     "SIREN de l’acheteur (cbc:ID[@schemeID='0002']) est obligatoire et doit être composé "
     "exactement de 9 chiffres."},
    {"BR-FR-12_BT-49", kFatal, "BT-49",
     "[BR-FR-12/BT-49] : Le BT-49 (cbc:EndpointID) est obligatoire."},
    {"BR-FR-13_BT-34", kFatal, "BT-34",
     "[BR-FR-13/BT-34] : Le BT-34 (cbc:EndpointID du vendeur) est obligatoire."},
    {"BR-FR-15_BT-95_BT-102-1", kFatal, "BT-95",
     "[BR-FR-15/BT-95/BT-102] : Code de catégorie de TVA invalide."},
    {"BR-FR-15_BT-95_BT-102-2", kFatal, "BT-95",
     "[BR-FR-15/BT-95/BT-102] : Les codes 'L' et 'M' ne sont pas pertinents en France."},
    {"BR-FR-15_BT-118-1", kFatal, "BT-118",
     "[BR-FR-15/BT-118] : Code de catégorie de TVA invalide."},
    {"BR-FR-15_BT-118-2", kFatal, "BT-118",
     "[BR-FR-15/BT-118] : Les codes 'L' et 'M' ne sont pas pertinents en France."},
    {"BR-FR-15_BT-151-1", kFatal, "BT-151",
     "[BR-FR-15/BT-151] : Code de catégorie de TVA invalide."},
    {"BR-FR-08_BT-151-2", kFatal, "BT-151",
     "[BR-FR-15/BT-151] : Les codes 'L' et 'M' ne sont pas pertinents en France."},
    {"BR-FR-16_BT-96", kFatal, "BT-96",
     "[BR-FR-16/BT-96] : Le taux de TVA (cbc:Percent) doit être exprimé en pourcentage sans "
     "symbole « % » et faire partie des valeurs autorisées."},
    {"BR-FR-16_BT-119", kFatal, "BT-119",
     "[BR-FR-16/BT-119] : Le taux de TVA (cbc:Percent) doit être exprimé en pourcentage sans "
     "symbole « % » et faire partie des valeurs autorisées."},
    {"BR-FR-16_BT-152", kFatal, "BT-152",
     "[BR-FR-16/BT-152] : Le taux de TVA (cbc:Percent) doit être exprimé en pourcentage sans "
     "symbole « % » et faire partie des valeurs autorisées."},
    {"BR-FR-17_BT-123", kFatal, "BT-123",
     "[BR-FR-17/BT-123] : Le code de qualification de la pièce jointe est invalide. Il doit "
     "appartenir à la liste des codes autorisés."},
    {"BR-FR-18_BT-123", kFatal, "BT-123",
     "[BR-FR-18/BT-123] : Il ne peut y avoir document additionnel "
     "(cac:AdditionalDocumentReference) dont la description (cbc:DocumentDescription) est "
     "\"LISIBLE\"."},
    {"BR-FR-20_BT-21", kFatal, "BT-21",
     "[BR-FR-20/BT-21] : Lorsqu’une note a pour code sujet « BAR » (cbc:SubjectCode), la valeur "
     "associée (cbc:Note) doit être l’une des suivantes : B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE, "
     "ARCHIVEONLY."},
    {"BR-FR-21_BT-49", kFatal, "BT-49",
     "[BR-FR-21/BT-49] : Si le traitement est BAR/B2B et que le type de document "
     "(cbc:InvoiceTypeCode) n’est pas en autofacture (389, 501, 500, 471, 473, 261, 502), alors le "
     "BT-49 (cbc:EndpointID) doit commencer par le SIREN (cbc:ID[@schemeID='0002']) et le schemeID "
     "doit être égal à \"0225\"."},
    {"BR-FR-22_BT-34", kFatal, "BT-34",
     "[BR-FR-22/BT-34] : Si le traitement est BAR/B2B et que le type de document "
     "(cbc:InvoiceTypeCode) est en autofacture (389, 501, 500, 471, 473, 261, 502), alors le BT-34 "
     "(cbc:EndpointID du vendeur) doit commencer par le SIREN (cbc:ID[@schemeID='0002']) et le "
     "schemeID doit être égal à \"0225\"."},
    {"BR-FR-30_BT-21", kFatal, "BT-21",
     "[BR-FR-31/BT-21] : Lorsque plusieurs notes ont le code sujet « BAR » (BT-21), Il ne peut y "
     "avoir qu'une seule valeur associée (BT-22, contenu de la note) parmi l’une des suivantes : "
     "B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE, ARCHIVEONLY."},
    {"BR-FR-32-LEGALID", kFatal, "",
     "[BR-FR-32/LEGALID] : Tout identifiant légal d'une Partie avec schemeID = '0002' DOIT être "
     "composé de 9 chiffres."},
    {"BR-FR-32-ID", kFatal, "",
     "[BR-FR-32/ID] : Tout identifiant d'une Partie avec schemeID = '0002' DOIT être composé de 9 "
     "chiffres."},
    {"BR-FR-CO-07_BT-9", kFatal, "BT-9",
     "[BR-FR-CO-07/BT-9] : La date d’échéance (BT-9), si présente, doit être postérieure ou égale "
     "à la date de facture (BT-2), sauf si la facture est de type acompte (386, 500, 503) ou si le "
     "cadre de facturation (BT-23) est B2, S2 ou M2."},
    {"BR-FR-CO-08_BT-23", kFatal, "BT-23",
     "[BR-FR-CO-08/BT-23] : Si le cadre de facturation (BT-23) est B4, S4 ou M4 (factures "
     "définitives après acompte), alors le type de facture (BT-3) ne peut pas être une facture ou "
     "un avoir d’acompte (386, 500, 503)."},
    {"BR-FR-CO-12_BT-5", kFatal, "BT-5",
     "[BR-FR-CO-12/BT-5] : Si la devise de facture (BT-5) est différente de EUR, alors : - la "
     "devise de comptabilité (BT-6) doit être présente et égale à EUR, - le montant de TVA en "
     "devise de comptabilité (BT-111) doit être renseigné, - et sa devise (BT-111-1) doit être "
     "égale à EUR."},
    {"BR-FR-CO-14_BT-29-1", kFatal, "BT-29",
     "[BR-FR-CO-14/BT-29-1] : Si le schéma d’identification du vendeur (BT-29-1) est '0231', cela "
     "signifie qu’il est membre d’un assujetti unique. Dans ce cas, une note (BG-1) avec le code "
     "sujet 'TXD' (BT-21) et le texte 'MEMBRE_ASSUJETTI_UNIQUE' (BT-22) doit être présente et non"},
    {"BR-FR-CO-15_BT-29-1", kFatal, "BT-29",
     "[BR-FR-CO-15/BT-29-1] : Si le vendeur est membre d'un assujetti unique (BT-29-1 = 0231), "
     "alors le bloc représentant fiscal (BG-11) doit être présent et contenir le numéro de TVA de "
     "l'assujetti unique (BT-63). État actuel : représentant fiscal , numéro de TVA =."},
    {"BR-FR-DEC-01_BT-93_BT-100", kFatal, "BT-93",
     "[BR-FR-DEC-01/BT-93/BT-100] : Le montant est invalide. Il doit comporter au plus 2 "
     "décimales, être exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères "
     "(hors séparateur). Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-92_BT-99", kFatal, "BT-92",
     "[BR-FR-DEC-01/BT-92/BT-99] : Le montant est invalide. Il doit comporter au plus 2 décimales, "
     "être exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors "
     "séparateur). Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-106", kFatal, "BT-106",
     "[BR-FR-DEC-01/BT-106] : Le montant est invalide.Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-107", kFatal, "BT-107",
     "[BR-FR-DEC-01/BT-107] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-108", kFatal, "BT-108",
     "[BR-FR-DEC-01/BT-108] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-109", kFatal, "BT-109",
     "[BR-FR-DEC-01/BT-109] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-110", kFatal, "BT-110",
     "[BR-FR-DEC-01/BT-110] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-112", kFatal, "BT-112",
     "[BR-FR-DEC-01/BT-112] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-113", kFatal, "BT-113",
     "[BR-FR-DEC-01/BT-113] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-114", kFatal, "BT-114",
     "[BR-FR-DEC-01/BT-114] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-115", kFatal, "BT-115",
     "[BR-FR-DEC-01/BT-115] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-116", kFatal, "BT-116",
     "[BR-FR-DEC-01/BT-116] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-117", kFatal, "BT-117",
     "[BR-FR-DEC-01/BT-117] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-131", kFatal, "BT-131",
     "[BR-FR-DEC-01/BT-131] : Le montant est invalide. Il doit comporter au plus 2 décimales, être "
     "exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères (hors séparateur). "
     "Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-136_BT-141", kFatal, "BT-136",
     "[BR-FR-DEC-01/BT-136/BT-141] : Le montant est invalide. Il doit comporter au plus 2 "
     "décimales, être exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères "
     "(hors séparateur). Le signe « - » est autorisé."},
    {"BR-FR-DEC-01_BT-137_BT-142", kFatal, "BT-137",
     "[BR-FR-DEC-01/BT-137/BT-142] : Le montant est invalide. Il doit comporter au plus 2 "
     "décimales, être exprimé avec un point comme séparateur, et ne pas dépasser 19 caractères "
     "(hors séparateur). Le signe « - » est autorisé."},
    {"BR-FR-DEC-02_BT-129", kFatal, "BT-129",
     "[BR-FR-DEC-02/BT-129] : La quantité est invalide. Elle doit : - être un nombre avec au plus "
     "4 décimales (séparateur « . »), - contenir au maximum 19 caractères (hors séparateur), - et "
     "peut commencer par un signe « - »."},
    {"BR-FR-DEC-02_BT-149", kFatal, "BT-149",
     "[BR-FR-DEC-02/BT-149] : La quantité de base du prix est invalide. Elle doit : - être un "
     "nombre avec au plus 4 décimales (séparateur « . »), - contenir au maximum 19 caractères "
     "(hors séparateur), - et peut commencer par un signe « - »."},
    {"BR-FR-DEC-04_BT-96_BT-103", kFatal, "BT-96",
     "[BR-FR-DEC-04/BT-96 ou BT-103] : Le taux de TVA est invalide. Il doit : - être un nombre "
     "strictement positif (sans signe « - »), - comporter au plus 2 décimales (séparateur « . »), "
     "- contenir au maximum 4 caractères (hors séparateur)."},
    {"BR-FR-DEC-04_BT-119", kFatal, "BT-119",
     "[BR-FR-DEC-04/BT-119] : Le taux de TVA est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), - comporter au plus 2 décimales (séparateur « . »), - contenir "
     "au maximum 4 caractères (hors séparateur)."},
    {"BR-FR-DEC-04_BT-152", kFatal, "BT-152",
     "[BR-FR-DEC-04/BT-152] : Le taux de TVA est invalide. Il doit : - être un nombre strictement "
     "positif (sans signe « - »), - comporter au plus 2 décimales (séparateur « . »), - contenir "
     "au maximum 4 caractères (hors séparateur)."},
};

// Every rule of the family: the path rules, then the others.
const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const auto& path_rule : kPathRules)
      out.push_back(path_rule.rule);
    out.insert(out.end(), std::begin(kRules), std::end(kRules));
    // UBL ids that CII does not have.
    auto known = [&](std::string_view id) {
      return std::any_of(out.begin(), out.end(), [&](const Rule& r) { return r.id == id; });
    };
    for (const auto& path_rule : kUblPathRules) {
      if (!known(path_rule.rule.id))
        out.push_back(path_rule.rule);
    }
    for (const auto& r : kUblRules) {
      if (!known(r.id))
        out.push_back(r);
    }
    return out;
  }();
  return rules;
}

}  // namespace

const Rule& rule(std::string_view id) {
  for (const auto& r : all_rules()) {
    if (r.id == id)
      return r;
  }
  return kRules[0];
}

const Rule& ubl_rule(std::string_view id) {
  for (const auto& r : kUblRules) {
    if (r.id == id)
      return r;
  }
  return rule(id);
}

}  // namespace french

void check_french_rules(RuleContext& context) {
  const xml::XmlDocument* document = context.document();
  if (document == nullptr)
    return;
  xml::XmlElement root = document->root();
  if (!root)
    return;
  if (context.is_cii() && root.is(cii::kRsmNamespace, cii::kRootElement))
    french::CiiFrench(context, root).run();
  else if (context.is_ubl() && (root.is(ubl::kInvoiceNamespace, ubl::kInvoiceRoot) ||
                                root.is(ubl::kCreditNoteNamespace, ubl::kCreditNoteRoot)))
    french::UblFrench(context, root).run();
}

std::span<const Rule> french_rules() {
  return french::all_rules();
}

}  // namespace einvoice::validation
