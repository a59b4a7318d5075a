#include "ocr/label_lexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace einvoice::ocr {
namespace {

using Labels = std::span<const std::string_view>;

constexpr std::string_view kInvoiceNumber[] = {
    "factuurnummer",   "factuur nr",      "factuurnr",         "invoice id",
    "bill number",     "invoice #",       "numero de facture", "n de facture",
    "no de facture",   "facture numero",  "facture n",         "facture no",
    "avoir n",         "avoir no",        "numero d avoir",    "n d avoir",
    "no d avoir",      "numero avoir",    "avoir numero",      "invoice number",
    "invoice no",      "invoice nr",      "invoice n",         "credit note number",
    "credit note no",  "rechnungsnummer", "rechnungsnr",       "handelsrechnung nr",
    "rechnung nr",     "rechnungs nr",    "korrektur nr",      "gutschrift nr",
    "belegnummer",     "booking id",      "booking number",    "booking reference",
    "numero de piece", "n de piece",      "piece n",           "piece no",
    "n facture",       "no facture",      "n avoir",           "no avoir",
    "facture",         "invoice",         "rechnung",          "factuur"};
constexpr std::string_view kIssueDate[] = {"factuurdatum",
                                           "datum factuur",
                                           "date of invoice",
                                           "billing date",
                                           "bill date",
                                           "invoice dated",
                                           "date de facturation",
                                           "date de la facture",
                                           "date de facture",
                                           "date d emission",
                                           "emise le",
                                           "emis le",
                                           "issued on",
                                           "date d edition",
                                           "invoice date",
                                           "date of issue",
                                           "issue date",
                                           "rechnungsdatum",
                                           "belegdatum",
                                           "datum",
                                           "date",
                                           "vom",
                                           "du"};
constexpr std::string_view kDueDate[] = {"uiterste betaaldatum",
                                         "vervaldatum",
                                         "te betalen voor",
                                         "vervalt op",
                                         "date d echeance",
                                         "date limite de paiement",
                                         "a payer avant le",
                                         "a regler avant le",
                                         "regler avant le",
                                         "payable avant le",
                                         "echeance",
                                         "due date",
                                         "payment due",
                                         "payable by",
                                         "falligkeitsdatum",
                                         "zahlbar bis",
                                         "fallig am",
                                         "netto bis",
                                         "bis zum",
                                         "falligkeit",
                                         "due"};
constexpr std::string_view kCurrency[] = {"valuta",   "devise",           "monnaie",
                                          "currency", "rechnungswahrung", "wahrung"};
constexpr std::string_view kPurchaseOrder[] = {
    "ordernummer",    "bestelnummer", "order id",      "bon de commande", "numero de commande",
    "votre commande", "commande n",   "commande",      "purchase order",  "po number",
    "order number",   "order no",     "bestellnummer", "bestellung"};
constexpr std::string_view kTotalExclVat[] = {"totaal excl btw",
                                              "bedrag excl btw",
                                              "exclusief btw",
                                              "excl btw",
                                              "subtotaal",
                                              "total hors taxes",
                                              "total hors tva",
                                              "montant hors taxes",
                                              "montant total ht",
                                              "sous total ht",
                                              "total net ht",
                                              "total ht",
                                              "montant ht",
                                              "net ht",
                                              "total excl vat",
                                              "total excluding vat",
                                              "total excl tax",
                                              "total before tax",
                                              "total net",
                                              "net total",
                                              "subtotal",
                                              "sub total",
                                              "rechnungssumme ohne ust",
                                              "summe netto",
                                              "gesamtbetrag netto",
                                              "nettobetrag",
                                              "nettosumme",
                                              "netto"};
constexpr std::string_view kVatTotal[] = {"totaal btw",
                                          "btw bedrag",
                                          "montant total tva",
                                          "montant de la tva",
                                          "montant tva",
                                          "total tva",
                                          "total vat",
                                          "vat amount",
                                          "vat total",
                                          "total tax",
                                          "tax amount",
                                          "steuerbetrag",
                                          "ust betrag",
                                          "summe ust",
                                          "mwst betrag",
                                          "umsatzsteuer",
                                          "mehrwertsteuer",
                                          "tva",
                                          "vat",
                                          "mwst",
                                          "ust",
                                          "btw",
                                          "tax"};
constexpr std::string_view kTotalInclVat[] = {"totaal incl btw",
                                              "bedrag incl btw",
                                              "grand total",
                                              "total toutes taxes comprises",
                                              "montant total ttc",
                                              "total ttc",
                                              "montant ttc",
                                              "net ttc",
                                              "total incl vat",
                                              "total including vat",
                                              "total incl tax",
                                              "gross total",
                                              "invoice total",
                                              "total amount",
                                              "bruttosumme",
                                              "bruttobetrag",
                                              "rechnungsbetrag",
                                              "gesamtbetrag",
                                              "endbetrag",
                                              "summe brutto",
                                              "total",
                                              "totaal"};
constexpr std::string_view kAmountDue[] = {
    "te betalen",     "openstaand bedrag", "nog te betalen", "net a payer",
    "reste a payer",  "montant a payer",   "solde a payer",  "total a payer",
    "a payer",        "amount due",        "balance due",    "total due",
    "amount payable", "zahlbetrag",        "zu zahlen",      "offener betrag",
    "balance"};
constexpr std::string_view kPaidAmount[] = {
    "reeds betaald",  "al betaald",      "deja regle",  "deja paye",           "acompte verse",
    "acomptes",       "acompte",         "amount paid", "payment received",    "paid amount",
    "prepaid amount", "bereits bezahlt", "anzahlung",   "geleistete anzahlung"};
constexpr std::string_view kPaymentTerms[] = {
    "betalingsvoorwaarden",    "betalingstermijn",      "conditions de paiement",
    "conditions de reglement", "modalites de paiement", "payment terms",
    "terms of payment",        "zahlungsbedingungen",   "zahlungsziel"};
constexpr std::string_view kSiren[] = {"siren", "rcs"};
constexpr std::string_view kSiret[] = {"siret"};
constexpr std::string_view kVatId[] = {"numero de tva intracommunautaire",
                                       "tva intracommunautaire",
                                       "n tva intracom",
                                       "numero tva",
                                       "n tva",
                                       "tva intra",
                                       "vat number",
                                       "vat reg no",
                                       "vat id",
                                       "vat no",
                                       "ust id nr",
                                       "ust idnr",
                                       "ust id",
                                       "ust idnr",
                                       "ust id nummer",
                                       "umsatzsteuer id",
                                       "btw nummer",
                                       "btw nr",
                                       "btw id",
                                       "btw"};
constexpr std::string_view kIban[] = {"iban"};
constexpr std::string_view kBic[] = {"bic", "swift"};
constexpr std::string_view kSellerHeading[] = {
    "vendeur", "fournisseur", "emetteur",  "prestataire",      "seller",      "supplier",
    "vendor",  "verkaufer",   "lieferant", "rechnungssteller", "leverancier", "verkoper"};
constexpr std::string_view kBuyerHeading[] = {"adresse de facturation",
                                              "adresse a",
                                              "adressee a",
                                              "facture a",
                                              "factures a",
                                              "facturer a",
                                              "client",
                                              "acheteur",
                                              "destinataire",
                                              "bill to",
                                              "billed to",
                                              "invoice to",
                                              "sold to",
                                              "buyer",
                                              "customer",
                                              "kaufer leistungsempfanger",
                                              "kaufer",
                                              "rechnungsempfanger",
                                              "leistungsempfanger",
                                              "kunde",
                                              "factuuradres",
                                              "afnemer",
                                              "klant"};
constexpr std::string_view kCreditNoteTitle[] = {
    "creditnota",  "creditfactuur", "facture d avoir",   "avoir",
    "credit note", "gutschrift",    "rechnungskorrektur"};
constexpr std::string_view kNumberSign[] = {"n", "no", "nr"};
constexpr std::string_view kLegalForms[] = {
    "sas",  "sasu",  "sarl",    "eurl", "sa",  "sci", "snc", "scop",    "selarl",
    "gmbh", "ag",    "kg",      "ohg",  "ug",  "e k", "ltd", "limited", "llc",
    "inc",  "plc",   "bv",      "nv",   "srl", "spa", "sl",  "corp",    "co",
    "s a",  "s a s", "s a r l", "a g",  "e v", "b v", "n v", "gbr",     "mbh"};

}  // namespace

namespace {

// The invoice number's labels: those listed above, and before their last
// four (the document's name alone) every way of joining a document's name
// with a word for its number or reference, in either order ("Beleg-Nr.",
// "Réf. document", "N° du document", "Invoice ref."), so that wordings no
// list foresaw are read by their structure.
std::span<const std::string_view> invoice_number_labels() {
  static const std::vector<std::string> joined = [] {
    // The name after its number word only as French writes it ("N° facture",
    // "Réf. document"); English and German put the name first ("Invoice
    // ref.", "Beleg-Nr."), and "Account number: Invoice ..." is no label.
    constexpr std::string_view kDocuments[] = {"facture", "invoice",    "rechnung",    "rechnungs",
                                               "avoir",   "beleg",      "document",    "dokument",
                                               "piece",   "gutschrift", "credit note", "bill"};
    constexpr std::string_view kNumbers[] = {
        "n", "no", "nr", "num", "numero", "number", "nummer", "ref", "reference", "referenz", "id"};
    constexpr std::string_view kFrenchDocuments[] = {"facture", "avoir", "document", "piece"};
    constexpr std::string_view kFrenchNumbers[] = {"n", "no", "num", "numero", "ref", "reference"};
    std::vector<std::string> out;
    for (std::string_view d : kDocuments) {
      for (std::string_view n : kNumbers)
        out.push_back(std::string(d) + " " + std::string(n));
    }
    for (std::string_view d : kFrenchDocuments) {
      for (std::string_view n : kFrenchNumbers) {
        for (std::string_view joiner : {" ", " de ", " du ", " d "})
          out.push_back(std::string(n) + std::string(joiner) + std::string(d));
      }
    }
    return out;
  }();
  static const std::vector<std::string_view> all = [] {
    constexpr std::size_t kGeneric = 4;  // "facture", "invoice", "rechnung", "factuur"
    const std::size_t listed = std::size(kInvoiceNumber);
    std::vector<std::string_view> out(kInvoiceNumber, kInvoiceNumber + listed - kGeneric);
    for (const std::string& label : joined) {
      if (std::find(out.begin(), out.end(), label) == out.end())
        out.push_back(label);
    }
    // Longer labels first among the joined ones: "numero de facture" before "facture n".
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(listed - kGeneric), out.end(),
                     [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    out.insert(out.end(), kInvoiceNumber + listed - kGeneric, kInvoiceNumber + listed);
    return out;
  }();
  return all;
}

}  // namespace

std::span<const std::string_view> labels_of(LabelKind kind) {
  switch (kind) {
    case LabelKind::kInvoiceNumber:
      return invoice_number_labels();
    case LabelKind::kIssueDate:
      return kIssueDate;
    case LabelKind::kDueDate:
      return kDueDate;
    case LabelKind::kCurrency:
      return kCurrency;
    case LabelKind::kPurchaseOrder:
      return kPurchaseOrder;
    case LabelKind::kTotalExclVat:
      return kTotalExclVat;
    case LabelKind::kVatTotal:
      return kVatTotal;
    case LabelKind::kTotalInclVat:
      return kTotalInclVat;
    case LabelKind::kAmountDue:
      return kAmountDue;
    case LabelKind::kPaidAmount:
      return kPaidAmount;
    case LabelKind::kPaymentTerms:
      return kPaymentTerms;
    case LabelKind::kSiren:
      return kSiren;
    case LabelKind::kSiret:
      return kSiret;
    case LabelKind::kVatId:
      return kVatId;
    case LabelKind::kIban:
      return kIban;
    case LabelKind::kBic:
      return kBic;
    case LabelKind::kSellerHeading:
      return kSellerHeading;
    case LabelKind::kBuyerHeading:
      return kBuyerHeading;
    case LabelKind::kCreditNoteTitle:
      return kCreditNoteTitle;
    case LabelKind::kNumberSign:
      return kNumberSign;
  }
  return {};
}

bool heads_other_mention(LabelKind kind, std::string_view label, std::string_view next_word) {
  if (kind != LabelKind::kInvoiceNumber ||
      (label != "factuur" && label != "invoice" && label != "facture" && label != "rechnung"))
    return false;
  static constexpr std::string_view kHeads[] = {"datum",  "date",    "totaal", "total",   "bedrag",
                                                "amount", "montant", "adres",  "address", "adresse",
                                                "betrag", "summe",   "period", "periode"};
  for (std::string_view head : kHeads) {
    if (next_word == head)
      return true;
  }
  return false;
}

std::span<const std::string_view> legal_forms() {
  return kLegalForms;
}

bool has_legal_form(std::string_view folded) {
  for (std::string_view form : legal_forms()) {
    std::size_t at = folded.find(form);
    while (at != std::string_view::npos) {
      const std::size_t end = at + form.size();
      if ((at == 0 || folded[at - 1] == ' ') && (end == folded.size() || folded[end] == ' '))
        return true;
      at = folded.find(form, at + 1);
    }
  }
  return false;
}

}  // namespace einvoice::ocr
