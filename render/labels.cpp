#include "render/labels.h"

#include <utility>

#include "render/invoice_renderer.h"

namespace einvoice::render {
namespace {

const Labels kFrench = {
    "Facture",
    "Avoir",
    "Facture rectificative",
    "Facture d'acompte",
    "(suite)",
    "Page",

    "N° de facture",
    "N° d'avoir",
    "Date d'émission",
    "Date d'échéance",
    "Devise",
    "Devise de comptabilisation TVA",
    "Date d'exigibilité TVA",
    "Période de facturation",
    " au ",

    "Vendeur",
    "Acheteur",
    "Bénéficiaire du paiement",
    "Représentant fiscal",
    "Livraison",
    "Date de livraison",
    "Nom commercial",
    "SIREN",
    "SIRET",
    "Immatriculation",
    "N° TVA",
    "Identifiant fiscal",
    "Identifiant",
    "Adresse électronique",
    "Contact",
    "Tél.",
    "Courriel",

    "Références",
    "Référence acheteur",
    "Bon de commande",
    "Commande client",
    "Contrat",
    "Projet",
    "Avis de réception",
    "Avis d'expédition",
    "Appel d'offres / lot",
    "Objet facturé",
    "Référence comptable acheteur",
    "Facture antérieure",

    "Détail",
    "N°",
    "Désignation",
    "Quantité",
    "Unité",
    "PU HT",
    "TVA %",
    "Montant HT",
    "Période",
    "Remise",
    "Frais",

    "Remises et frais",
    "Remise",
    "Frais",
    "Type",
    "Motif",
    "Base",
    "%",
    "TVA",
    "Montant HT",

    "Récapitulatif TVA",
    "Catégorie",
    "Taux %",
    "Base HT",
    "Montant TVA",
    "Motif d'exonération",

    "Totaux",
    "Total HT des lignes",
    "Total des remises",
    "Total des frais",
    "Total HT",
    "Total TVA",
    "Total TVA (devise de comptabilisation)",
    "Total TTC",
    "Montant déjà payé",
    "Arrondi",
    "Net à payer",

    "Paiement",
    "Conditions de paiement",
    "Moyen de paiement",
    "Référence de paiement",
    "IBAN / compte",
    "Titulaire du compte",
    "BIC",
    "Carte",
    "Titulaire de la carte",
    "Référence du mandat",
    "Identifiant créancier",
    "Compte débité",

    "Notes et mentions",
    "Documents justificatifs",
};

const Labels kEnglish = {
    "Invoice",
    "Credit note",
    "Corrected invoice",
    "Prepayment invoice",
    "(continued)",
    "Page",

    "Invoice number",
    "Credit note number",
    "Issue date",
    "Due date",
    "Currency",
    "VAT accounting currency",
    "VAT point date",
    "Invoicing period",
    " to ",

    "Seller",
    "Buyer",
    "Payee",
    "Seller tax representative",
    "Delivery",
    "Delivery date",
    "Trading name",
    "SIREN",
    "SIRET",
    "Legal registration",
    "VAT identifier",
    "Tax registration",
    "Identifier",
    "Electronic address",
    "Contact",
    "Phone",
    "Email",

    "References",
    "Buyer reference",
    "Purchase order",
    "Sales order",
    "Contract",
    "Project",
    "Receiving advice",
    "Despatch advice",
    "Tender or lot",
    "Invoiced object",
    "Buyer accounting reference",
    "Preceding invoice",

    "Invoice lines",
    "No.",
    "Item",
    "Quantity",
    "Unit",
    "Unit price",
    "VAT %",
    "Net amount",
    "Period",
    "Allowance",
    "Charge",

    "Allowances and charges",
    "Allowance",
    "Charge",
    "Type",
    "Reason",
    "Base",
    "%",
    "VAT",
    "Amount",

    "VAT breakdown",
    "Category",
    "Rate %",
    "Taxable amount",
    "VAT amount",
    "Exemption reason",

    "Totals",
    "Sum of line net amounts",
    "Sum of allowances",
    "Sum of charges",
    "Total without VAT",
    "Total VAT",
    "Total VAT (accounting currency)",
    "Total with VAT",
    "Paid amount",
    "Rounding amount",
    "Amount due for payment",

    "Payment",
    "Payment terms",
    "Payment means",
    "Remittance information",
    "Account (IBAN)",
    "Account name",
    "BIC",
    "Payment card",
    "Card holder",
    "Mandate reference",
    "Creditor identifier",
    "Debited account",

    "Notes",
    "Supporting documents",
};

struct CodeLabel {
  const char* code;
  const char* french;
  const char* english;
};

std::string_view find(const CodeLabel* table, std::size_t size, Language language,
                      std::string_view code) {
  for (std::size_t i = 0; i < size; ++i) {
    if (code == table[i].code)
      return language == Language::kFrench ? table[i].french : table[i].english;
  }
  return {};
}

constexpr CodeLabel kNoteSubjects[] = {
    {"PMT", "Indemnité forfaitaire pour frais de recouvrement", "Recovery costs indemnity"},
    {"PMD", "Pénalités de retard", "Late payment penalties"},
    {"AAB", "Escompte", "Early payment discount"},
    {"AAI", "Information générale", "General information"},
    {"REG", "Information réglementaire", "Regulatory information"},
    {"ABL", "Information légale", "Legal information"},
    {"TXD", "Information fiscale", "Tax declaration"},
    {"SUR", "Remarques du vendeur", "Supplier remarks"},
    {"CUS", "Information douanière", "Customs information"},
    {"PAI", "Instructions de paiement", "Payment instructions"},
    {"DEL", "Information de livraison", "Delivery information"},
    {"ACY", "Mentions légales", "Legal mentions"},
};

constexpr CodeLabel kPaymentMeans[] = {
    {"1", "Non défini", "Not defined"},
    {"10", "Espèces", "Cash"},
    {"20", "Chèque", "Cheque"},
    {"30", "Virement", "Credit transfer"},
    {"31", "Virement", "Debit transfer"},
    {"42", "Virement sur compte bancaire", "Payment to bank account"},
    {"48", "Carte bancaire", "Bank card"},
    {"49", "Prélèvement", "Direct debit"},
    {"57", "Accord permanent", "Standing agreement"},
    {"58", "Virement SEPA", "SEPA credit transfer"},
    {"59", "Prélèvement SEPA", "SEPA direct debit"},
    {"97", "Compensation", "Clearing between partners"},
};

constexpr CodeLabel kVatCategories[] = {
    {"S", "Taux normal", "Standard rate"},
    {"Z", "Taux zéro", "Zero rated"},
    {"E", "Exonéré", "Exempt"},
    {"AE", "Autoliquidation", "Reverse charge"},
    {"K", "Livraison intracommunautaire", "Intra-community supply"},
    {"G", "Exportation hors UE", "Export outside the EU"},
    {"O", "Hors champ de la TVA", "Not subject to VAT"},
    {"L", "IGIC (Canaries)", "IGIC (Canary Islands)"},
    {"M", "IPSI (Ceuta et Melilla)", "IPSI (Ceuta and Melilla)"},
};

// Common codes of UN/ECE Recommendation 20 (and "XPP", Recommendation 21)
// with the symbol (SI units) or the word used on French and English invoices.
constexpr CodeLabel kUnits[] = {
    {"C62", "unité", "unit"},
    {"H87", "pièce", "piece"},
    {"EA", "unité", "each"},
    {"XPP", "pièce", "piece"},
    {"NAR", "article", "article"},
    {"SET", "lot", "set"},
    {"PR", "paire", "pair"},
    {"DZN", "douzaine", "dozen"},
    {"LS", "forfait", "lump sum"},
    {"E48", "prestation", "service"},
    {"P1", "%", "%"},
    {"MGM", "mg", "mg"},
    {"GRM", "g", "g"},
    {"KGM", "kg", "kg"},
    {"TNE", "t", "t"},
    {"LBR", "lb", "lb"},
    {"MMT", "mm", "mm"},
    {"CMT", "cm", "cm"},
    {"MTR", "m", "m"},
    {"KMT", "km", "km"},
    {"INH", "po", "in"},
    {"FOT", "pi", "ft"},
    {"CMK", "cm²", "cm²"},
    {"MTK", "m²", "m²"},
    {"HAR", "ha", "ha"},
    {"KMK", "km²", "km²"},
    {"CMQ", "cm³", "cm³"},
    {"MTQ", "m³", "m³"},
    {"MLT", "ml", "ml"},
    {"CLT", "cl", "cl"},
    {"LTR", "l", "l"},
    {"HLT", "hl", "hl"},
    {"SEC", "s", "s"},
    {"MIN", "min", "min"},
    {"HUR", "heure", "hour"},
    {"DAY", "jour", "day"},
    {"WEE", "semaine", "week"},
    {"MON", "mois", "month"},
    {"QAN", "trimestre", "quarter"},
    {"ANN", "an", "year"},
    {"WHR", "Wh", "Wh"},
    {"KWH", "kWh", "kWh"},
    {"MWH", "MWh", "MWh"},
    {"KWT", "kW", "kW"},
};

}  // namespace

const Labels& labels_for(Language language) {
  return language == Language::kFrench ? kFrench : kEnglish;
}

std::string_view note_subject_label(Language language, std::string_view code) {
  return find(kNoteSubjects, std::size(kNoteSubjects), language, code);
}

std::string_view payment_means_label(Language language, std::string_view code) {
  return find(kPaymentMeans, std::size(kPaymentMeans), language, code);
}

std::string_view vat_category_label(Language language, std::string_view code) {
  return find(kVatCategories, std::size(kVatCategories), language, code);
}

std::string_view unit_label(Language language, std::string_view code) {
  return find(kUnits, std::size(kUnits), language, code);
}

}  // namespace einvoice::render
