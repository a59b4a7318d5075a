#include "ocr/field_extractor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>

#include "ocr/amount_extractor.h"
#include "ocr/date_extractor.h"
#include "ocr/label_lexicon.h"
#include "ocr/layout.h"
#include "ocr/line_table_extractor.h"
#include "ocr/party_extractor.h"
#include "ocr/text_patterns.h"
#include "ocr/value_readers.h"

namespace einvoice::ocr {
namespace {

// Generic labels ("facture", "invoice", "rechnung") count only in the header
// and when the value holds a digit; specific ones anywhere.
bool generic_number_label(std::string_view label) {
  return label == "facture" || label == "invoice" || label == "rechnung" || label == "factuur";
}

// A label alone in its column among other columns' headers: the last of
// its line, or the next word a column away ("Klant   Order   Factuur
// Vervaldatum" over their values). A label alone on its line is a title.
bool heads_a_column(const LabelHit& hit) {
  if (hit.after.empty())
    return hit.first_word > 0;
  const double line_height = std::max(1.0, hit.line->line->box.height);
  return hit.after.front().box.x - hit.box.right() > 2 * line_height;
}

// The words just before a label, in its block (up to the first wide gap),
// folded: "avoir relatif a la" before "facture n°".
std::string folded_words_before(const LabelHit& hit) {
  const auto& words = hit.line->line->words;
  const double line_height = std::max(1.0, hit.line->line->box.height);
  std::size_t first = hit.first_word;
  while (first > 0 && words[first].box.x - words[first - 1].box.right() <= 2 * line_height)
    --first;
  std::string text;
  for (std::size_t i = first; i < hit.first_word && i < words.size(); ++i) {
    text += text.empty() ? "" : " ";
    text += words[i].text;
  }
  return fold_for_labels(text);
}

// True when the words before an invoice-number label say the number is that
// of an earlier invoice the document refers to (a credit note's "relatif à
// la facture n°", "credit note for invoice", "Gutschrift zur Rechnung"):
// BT-25, never the document's own number. `before`: those words, folded.
bool ends_with_reference_words(const std::string& before) {
  static constexpr std::string_view kEndings[] = {"relatif a la",
                                                  "relative a la",
                                                  "relatif a",
                                                  "relative a",
                                                  "rapportant a la",
                                                  "annule la",
                                                  "annulant la",
                                                  "reference a la",
                                                  "concernant la",
                                                  "correspondant a la",
                                                  "sur la",
                                                  "sur",
                                                  "rectifiant la",
                                                  "for",
                                                  "against",
                                                  "relating to",
                                                  "related to",
                                                  "referring to",
                                                  "correcting",
                                                  "cancelling",
                                                  "zur",
                                                  "zu",
                                                  "bezug",
                                                  "bezug auf",
                                                  "korrektur zur",
                                                  "storno zur"};
  for (std::string_view ending : kEndings) {
    if (before.size() >= ending.size() &&
        before.compare(before.size() - ending.size(), ending.size(), ending) == 0 &&
        (before.size() == ending.size() || before[before.size() - ending.size() - 1] == ' '))
      return true;
  }
  return false;
}

bool refers_to_earlier_invoice(const LabelHit& hit) {
  return ends_with_reference_words(folded_words_before(hit));
}

// The same for the folded words before a number sign ("avoir relatif a la
// facture" before "n°"): the document word removed, what precedes it refers
// to an earlier invoice.
bool sign_refers_to_earlier_invoice(std::string before) {
  for (std::string_view word : {"facture", "invoice", "rechnung", "factuur"}) {
    if (before.size() > word.size() &&
        before.compare(before.size() - word.size(), word.size(), word) == 0 &&
        before[before.size() - word.size() - 1] == ' ') {
      before.resize(before.size() - word.size() - 1);
      return ends_with_reference_words(before);
    }
  }
  return false;
}

// Whether the header of the first page says what the document is: a title
// word ("Facture", "Invoice", "Rechnung", "Avoir", "Credit note") alone or
// at the start of one of its lines' segments.
bool titled_document(const Layout& layout) {
  static constexpr std::string_view kTitles[] = {"facture", "invoice",    "rechnung",   "avoir",
                                                 "factuur", "gutschrift", "credit note"};
  for (const auto& line : layout.lines()) {
    if (!in_header(line))
      break;
    for (const auto& segment : Layout::segments_of(line)) {
      std::string text;
      for (const Token& token : segment)
        text += (text.empty() ? "" : " ") + token.text;
      const std::string folded = fold_for_labels(text);
      for (std::string_view title : kTitles) {
        if (folded.compare(0, title.size(), title) == 0 &&
            (folded.size() == title.size() || folded[title.size()] == ' '))
          return true;
      }
    }
  }
  return false;
}

// Whether a date label stands on `line` or on one of the next two lines of
// its page ("N°  Date  Échéance" heading a grid; "N° : 12" over "Émise le").
bool dates_near(const Layout& layout, const LayoutLine& line) {
  const auto& lines = layout.lines();
  for (std::size_t i = static_cast<std::size_t>(line.index);
       i < lines.size() && i <= static_cast<std::size_t>(line.index) + 2; ++i) {
    if (lines[i].page != line.page)
      break;
    for (LabelKind kind : {LabelKind::kIssueDate, LabelKind::kDueDate}) {
      if (layout.line_has(lines[i], kind))
        return true;
    }
  }
  return false;
}

// A bare number sign ("N° : FA2025-2638", or "N°" heading a grid's column
// over its value) on a document whose title says it is an invoice names the
// document's number: the sign starts its segment of the line (nothing of
// another mention before it), is printed as a sign ("N°", "Nº", "No.",
// "Nr."), and the value right after it or under it holds a digit. "N°
// client", "N° TVA" announce another value and give nothing: their next
// word holds no digit. The document must say it is an invoice: its title,
// or date labels beside or under the sign (a title printed light on dark
// is often lost). Used only when no number label gave a value.
std::optional<Field> read_after_number_sign(const Layout& layout, const LayoutLine*& number_line) {
  const bool titled = titled_document(layout);
  for (const auto& hit : layout.find(LabelKind::kNumberSign)) {
    if (!in_header(*hit.line) || !(titled || dates_near(layout, *hit.line)))
      continue;
    const auto& words = hit.line->line->words;
    if (hit.first_word >= words.size())
      continue;
    const Word& sign = words[hit.first_word];
    const bool printed_as_sign = sign.text.find("\u00b0") != std::string::npos ||
                                 sign.text.find("\u00ba") != std::string::npos ||
                                 sign.text.back() == '.' || sign.text.back() == ':';
    if (!printed_as_sign)
      continue;
    const double height = std::max(1.0, sign.box.height);
    if (hit.first_word > 0 && sign.box.x - words[hit.first_word - 1].box.right() < 3 * height)
      continue;
    // The value in the sign's segment, or under it when the sign heads a column.
    std::vector<Token> after;
    for (const Token& token : hit.after) {
      const double gap = token.box.x - (after.empty() ? hit.box.right() : after.back().box.right());
      if (gap >= 3 * height)
        break;
      after.push_back(token);
    }
    std::optional<Read<std::string>> read = read_reference(after);
    const bool nothing_after = std::none_of(after.begin(), after.end(), [](const Token& token) {
      return std::any_of(token.text.begin(), token.text.end(),
                         [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    });
    if (!read && nothing_after) {
      if (auto below = read_reference(hit.below); below && below->value.size() >= 3)
        read = std::move(below);
    }
    if (!read || read->value.size() < 3)
      continue;
    // A sign is a weaker label than a word naming the number.
    number_line = hit.line;
    return make_field(read->value, read->box, read->confidence * 0.9f, hit.line->page,
                      FieldSource::kLabelled);
  }
  return std::nullopt;
}

void extract_number(const Layout& layout, ExtractedInvoice& out, const LayoutLine*& number_line) {
  std::optional<Field> best;
  bool best_specific = false;
  std::vector<std::string> read_elsewhere;  // every number a label gave, for a value to confirm
  for (const auto& hit : layout.find(LabelKind::kInvoiceNumber)) {
    if (refers_to_earlier_invoice(hit)) {
      if (!out.field("BT-25")) {
        if (auto read = read_reference(hit.after))
          out.fields["BT-25"] = make_field(read->value, read->box, read->confidence, hit.line->page,
                                           FieldSource::kLabelled);
      }
      continue;
    }
    // "Invoice #: 12", "Facture : 12", "Rechnung Nr. 12": a generic label
    // followed by a number sign or a colon is as good as a specific one.
    const std::string first_after = hit.after.empty() ? std::string() : hit.after.front().text;
    const std::string sign = fold_for_labels(first_after);
    const bool marked =
        (!first_after.empty() && (first_after.front() == '#' || first_after.front() == ':')) ||
        sign == "n" || sign == "no" || sign == "nr";
    // A title line "Invoice INV/2023/03/0008" names its number too.
    const bool title = hit.first_word == 0 && in_header(*hit.line);
    // A generic label heading a column of the header names the value under it.
    const bool column = in_header(*hit.line) && heads_a_column(hit);
    const bool specific = !generic_number_label(hit.label) || marked || title || column;
    if (!specific && !in_header(*hit.line))
      continue;
    if (best && (best_specific || !specific))
      continue;
    auto read = read_reference(hit.after);
    // Under its label, in a grid or below a title; a speck under a title (a
    // table's corner read as "4") is no number: what is read under a label
    // has three characters at least.
    if (!read && specific) {
      auto below = read_reference(hit.below);
      if (below && below->value.size() >= 3)
        read = std::move(below);
    }
    if (!read)
      continue;
    read_elsewhere.push_back(read->value);
    Field field = make_field(read->value, read->box, read->confidence, hit.line->page,
                             specific ? FieldSource::kLabelled : FieldSource::kFallback);
    best = field;
    best_specific = specific;
    number_line = hit.line;
  }
  if (!best) {
    // "Rechnung des Versicherers Nr. 12", "Facture client n° 12": a number
    // sign after a title word, in the header.
    for (const auto& line : layout.lines()) {
      if (!in_header(line))
        break;
      const auto& folded = line.folded;
      const bool titled = folded.find("rechnung") != std::string::npos ||
                          folded.find("facture") != std::string::npos ||
                          folded.find("invoice") != std::string::npos ||
                          folded.find("gutschrift") != std::string::npos ||
                          folded.find("avoir") != std::string::npos;
      const auto& words = line.line->words;
      if (!titled)
        continue;
      for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        // "# invoice number 1": what follows a number sign is a value.
        if (words[i].text == "#")
          break;
        const std::string sign = fold_for_labels(words[i].text);
        if (sign != "nr" && sign != "n" && sign != "no" && sign != "number")
          continue;
        std::string before;
        for (std::size_t k = 0; k < i; ++k)
          before += (k ? " " : "") + words[k].text;
        if (sign_refers_to_earlier_invoice(fold_for_labels(before)))
          break;  // the number of the invoice a credit note cancels (BT-25)
        if (auto read = read_reference(Layout::tokens_of(line, i + 1))) {
          best = make_field(read->value, read->box, read->confidence, line.page,
                            FieldSource::kLabelled);
          number_line = &line;
          break;
        }
      }
      if (best)
        break;
    }
  }
  if (!best)
    best = read_after_number_sign(layout, number_line);
  if (!best)
    return;
  if (to_confirm(*best)) {
    for (const auto& value : read_elsewhere) {
      if (value != best->value && std::find(best->candidates.begin(), best->candidates.end(),
                                            value) == best->candidates.end())
        best->candidates.push_back(value);
    }
  }
  out.fields["BT-1"] = *best;
}

// Currency: after its label, else the code or symbol printed most often.
void extract_currency(const Layout& layout, ExtractedInvoice& out) {
  for (const auto& hit : layout.find(LabelKind::kCurrency)) {
    for (const auto& token : hit.after) {
      std::string text = token.text;
      while (!text.empty() && text.front() == ':')
        text.erase(0, 1);
      if (auto code = parse_currency(text)) {
        out.fields["BT-5"] =
            make_field(*code, token.box, token.confidence, hit.line->page, FieldSource::kLabelled);
        return;
      }
    }
  }
  // The marks beside the totals decide; the legal mentions, whose sums French
  // law states in euros ("indemnité forfaitaire de 40 €", the capital), never.
  auto on_totals_line = [&](const LayoutLine& line) {
    for (const char* term : {"BT-109", "BT-110", "BT-112", "BT-115"}) {
      const Field* total = out.field(term);
      if (total && total->page == line.page &&
          std::abs(total->box.center_y() - line.line->box.center_y()) <
              std::max(4.0, line.line->box.height))
        return true;
    }
    return false;
  };
  std::map<std::string, std::pair<int, Field>> seen;
  std::optional<Field> in_mentions;  // the only mark may be the mentions'
  for (const auto& line : layout.lines()) {
    const bool mention = line.folded.find("indemnite") != std::string::npos ||
                         line.folded.find("recouvrement") != std::string::npos ||
                         line.folded.find("capital") != std::string::npos;
    const int weight = mention ? 0 : on_totals_line(line) ? 5 : 1;
    for (const auto& word : line.line->words) {
      std::string text = word.text;
      // "12,50€" and "€12.50": the symbol glued to the amount.
      for (std::string_view mark : {"€", "$", "£"}) {
        if (text.size() > mark.size() &&
            (text.compare(0, mark.size(), mark) == 0 ||
             text.compare(text.size() - mark.size(), mark.size(), mark) == 0)) {
          text = std::string(mark);
        }
      }
      if (auto code = parse_currency(text)) {
        if (weight == 0) {
          if (!in_mentions)
            in_mentions =
                make_field(*code, word.box, word.confidence, line.page, FieldSource::kPattern);
          continue;
        }
        auto& entry = seen[*code];
        if (entry.first == 0)
          entry.second =
              make_field(*code, word.box, word.confidence, line.page, FieldSource::kPattern);
        entry.first += weight;
      }
    }
  }
  const std::pair<int, Field>* most = nullptr;
  for (const auto& [code, entry] : seen) {
    if (!most || entry.first > most->first)
      most = &entry;
  }
  if (most) {
    out.fields["BT-5"] = most->second;
  } else if (in_mentions) {
    // Amounts printed without a currency: the legal mentions' euro is a
    // hint, not a reading; the supplier confirms it.
    in_mentions->confidence = std::min(in_mentions->confidence, 0.55);
    in_mentions->check =
        "no currency beside the amounts; the legal mentions are in " + in_mentions->value;
    out.fields["BT-5"] = *in_mentions;
  }
}

// Amounts printed without any currency, by a French seller (a SIREN, or a
// French VAT number) whose legal mentions are in euros: a domestic invoice
// in euros. Two signs that agree, not a mark read: below a labelled
// currency's confidence, above the doubt threshold.
void settle_unmarked_currency(ExtractedInvoice& out) {
  auto it = out.fields.find("BT-5");
  if (it == out.fields.end() || it->second.value != "EUR" ||
      it->second.check.rfind("no currency beside the amounts", 0) != 0)
    return;
  const Field* vat_id = out.field("BT-31");
  const bool french_seller =
      out.field("BT-30") || (vat_id && vat_id->value.rfind("FR", 0) == 0 && !vat_id->check_failed);
  if (!french_seller)
    return;
  it->second.confidence = 0.75;
  it->second.check =
      "no currency beside the amounts: a French seller whose legal mentions are in euros";
}

// An invoice number that is also the value of another reference or
// identifier read on the page (the order, the invoice a credit note
// cancels, a SIREN) was most likely read off that one's label: to confirm.
void doubt_borrowed_number(ExtractedInvoice& out) {
  auto number = out.fields.find("BT-1");
  if (number == out.fields.end())
    return;
  for (const char* term :
       {"BT-25", "BT-13", "BT-30", "BT-30-SIRET", "BT-31", "BT-47", "BT-48", "BT-84"}) {
    const Field* other = out.field(term);
    if (other && other->value == number->second.value) {
      number->second.confidence = std::min(number->second.confidence, 0.5);
      number->second.check = std::string("the same value as ") + term;
      return;
    }
  }
}

void extract_references(const Layout& layout, ExtractedInvoice& out) {
  for (const auto& hit : layout.find(LabelKind::kPurchaseOrder)) {
    auto read = read_reference(hit.after);
    if (!read)
      continue;
    out.fields["BT-13"] = make_field(read->value, read->box, read->confidence, hit.line->page,
                                     FieldSource::kLabelled);
    break;
  }
  for (const auto& hit : layout.find(LabelKind::kPaymentTerms)) {
    std::string text = join(hit.after);
    const std::vector<Token>* source = &hit.after;
    while (!text.empty() && (text.front() == ':' || text.front() == ' '))
      text.erase(0, 1);
    if (text.size() < 3) {
      text = join(hit.below);
      source = &hit.below;
    }
    if (text.size() < 3)
      continue;
    Field terms = field_of_tokens(*source, hit.line->page, FieldSource::kLabelled);
    terms.value = text;
    out.fields["BT-20"] = terms;
    break;
  }
}

// Credit note when the header says so; an invoice otherwise.
void extract_type(const Layout& layout, ExtractedInvoice& out) {
  for (const auto& hit : layout.find(LabelKind::kCreditNoteTitle)) {
    // A title: the first word of its line, or of a block of the header
    // ("ATELIER DURAND SARL        AVOIR").
    const bool starts_block = hit.first_word == 0 || folded_words_before(hit).empty();
    if (in_header(*hit.line) && starts_block) {
      // A "Rechnungskorrektur" corrects an invoice (384, UNTDID 1001): its
      // amounts keep the signs printed; a credit note (381) states them
      // positive.
      const bool correction = fold_for_labels(hit.label) == "rechnungskorrektur";
      out.fields["BT-3"] = make_field(correction ? "384" : "381", hit.box, 100, hit.line->page,
                                      FieldSource::kLabelled);
      return;
    }
  }
  // "Avoir n° AV-7", "Credit note number 7", "Gutschrift Nr. 7": the
  // document's own number is a credit note's.
  for (const auto& hit : layout.find(LabelKind::kInvoiceNumber)) {
    const std::string label = fold_for_labels(hit.label);
    const bool credit_label =
        label.rfind("avoir", 0) == 0 || label.find("d avoir") != std::string::npos ||
        label.rfind("credit note", 0) == 0 || label.rfind("gutschrift", 0) == 0 ||
        label.rfind("creditnota", 0) == 0;
    if (credit_label && in_header(*hit.line) && !refers_to_earlier_invoice(hit)) {
      out.fields["BT-3"] = make_field("381", hit.box, 95, hit.line->page, FieldSource::kLabelled);
      return;
    }
  }
  Field field;
  field.value = "380";
  field.source = FieldSource::kFallback;
  field.confidence = 0.8;
  field.check = "no credit-note title found";
  out.fields["BT-3"] = field;
}

// No VAT row printed (or read), but confirmed totals: one rate for the
// whole invoice when a usual rate gives the VAT total to the cent.
void infer_single_rate(ExtractedInvoice& out) {
  const Field* excl = out.field("BT-109");
  const Field* vat = out.field("BT-110");
  if (!excl || !vat || excl->check_failed || vat->check_failed || excl->confidence < 0.9 ||
      vat->confidence < 0.9)
    return;
  auto basis = model::Decimal::parse(excl->value);
  auto amount = model::Decimal::parse(vat->value);
  if (!basis || !amount || basis->is_zero() || amount->is_zero())
    return;
  for (const char* text :
       {"20", "10", "5.5", "2.1", "19", "7", "21", "8.5", "9", "6", "12", "13", "25"}) {
    const auto rate = *model::Decimal::parse(text);
    auto product = basis->multiply(rate);
    auto computed = product ? product->divide(model::Decimal::from_int(100), 2) : std::nullopt;
    if (computed && computed->numerically_equal(*amount)) {
      out.vat_breakdown.push_back(VatRow{*basis, rate, *amount, 0, {}});
      return;
    }
  }
}

// The mandatory mentions a Factur-X needs from a scan, and what a supplier
// should be told about each.
struct Mandatory {
  const char* term;
  const char* name;
};
constexpr Mandatory kMandatory[] = {
    {"BT-1", "invoice number"}, {"BT-2", "issue date"},
    {"BT-5", "currency"},       {"BT-27", "seller name"},
    {"BT-44", "buyer name"},    {"BT-109", "total excluding VAT"},
    {"BT-110", "VAT total"},    {"BT-112", "total including VAT"},
    {"BT-115", "amount due"},   {"BT-31", "seller VAT identifier"},
};

// Names of the other terms the extractor reads, for findings.
std::string name_of(const std::string& term) {
  static const Mandatory kOthers[] = {
      {"BT-3", "document type"},  {"BT-9", "due date"},      {"BT-13", "purchase order"},
      {"BT-20", "payment terms"}, {"BT-29", "seller SIRET"}, {"BT-30", "seller SIREN"},
      {"BT-46", "buyer SIRET"},   {"BT-47", "buyer SIREN"},  {"BT-48", "buyer VAT identifier"},
      {"BT-84", "IBAN"},          {"BT-86", "BIC"}};
  for (const auto& m : kMandatory) {
    if (term == m.term)
      return m.name;
  }
  for (const auto& m : kOthers) {
    if (term == m.term)
      return m.name;
  }
  return term;
}

// ", other values read: 1234.50, 1243.50" when the field has candidates.
std::string candidates_note(const Field& field) {
  if (field.candidates.empty())
    return "";
  std::string note = "; other values read: ";
  for (std::size_t i = 0; i < field.candidates.size(); ++i)
    note += (i ? ", " : "") + field.candidates[i];
  return note;
}

void report_findings(ExtractedInvoice& out) {
  for (const auto& m : kMandatory) {
    const Field* field = out.field(m.term);
    if (!field) {
      out.findings.push_back(
          Finding{m.term, std::string(m.name) + " (" + m.term + ") not found", true});
    } else if (!field->check_failed && field->confidence < kDoubtThreshold) {
      out.findings.push_back(Finding{m.term,
                                     std::string(m.name) + " (" + m.term + ") read as \"" +
                                         field->value + "\" with low confidence" +
                                         candidates_note(*field),
                                     false});
    }
  }
  // Every value that fails its check, mandatory or not.
  for (const auto& [term, field] : out.fields) {
    if (field.check_failed)
      out.findings.push_back(Finding{term,
                                     name_of(term) + " (" + term + ") read as \"" + field.value +
                                         "\" but " + field.check + candidates_note(field),
                                     false});
  }
  if (out.vat_breakdown.empty())
    out.findings.push_back(Finding{"BG-23", "VAT breakdown (rate, basis, amount) not found", true});
}

}  // namespace

// A credit note (381) states its amounts as positive numbers (EN 16931: the
// type code carries the direction); printed negative, they are read back
// positive, and the field says so.
void make_credit_note_amounts_positive(ExtractedInvoice& out) {
  const Field* type = out.field("BT-3");
  if (!type || type->value != "381")
    return;
  auto positive = [](Field& field) {
    if (field.value.size() > 1 && field.value.front() == '-') {
      field.value.erase(0, 1);
      field.check += field.check.empty() ? "" : "; ";
      field.check += "printed negative on a credit note, whose amounts are positive";
    }
  };
  for (const char* term :
       {"BT-106", "BT-107", "BT-108", "BT-109", "BT-110", "BT-112", "BT-113", "BT-114", "BT-115"}) {
    if (auto it = out.fields.find(term); it != out.fields.end())
      positive(it->second);
  }
  bool all_negative = !out.line_table.lines.empty();
  for (const auto& line : out.line_table.lines)
    all_negative = all_negative && line.net_amount.value.starts_with("-");
  if (all_negative) {
    for (auto& line : out.line_table.lines) {
      positive(line.net_amount);
      if (line.unit_price)
        positive(*line.unit_price);
    }
  }
  for (auto& row : out.vat_breakdown) {
    if (row.basis.is_negative())
      row.basis = row.basis.negate();
    if (row.vat.is_negative())
      row.vat = row.vat.negate();
  }
}

ExtractedInvoice extract_fields(const std::vector<PageText>& pages) {
  ExtractedInvoice out;
  const Layout layout(pages);
  const LayoutLine* number_line = nullptr;
  extract_number(layout, out, number_line);
  extract_dates(layout, out, number_line);
  extract_references(layout, out);
  extract_type(layout, out);
  out.vat_breakdown = find_vat_rows(layout);
  extract_totals(layout, out);
  extract_currency(layout, out);  // after the totals: the marks beside them decide
  if (out.vat_breakdown.empty())
    infer_single_rate(out);
  extract_line_table(layout, out);
  extract_parties(layout, out);
  settle_unmarked_currency(out);  // after the parties: the seller's country decides
  doubt_borrowed_number(out);     // after every other reference and identifier
  make_credit_note_amounts_positive(out);
  report_findings(out);
  return out;
}

std::optional<model::Decimal> ExtractedInvoice::amount(const std::string& term) const {
  const Field* f = field(term);
  if (!f)
    return std::nullopt;
  return model::Decimal::parse(f->value);
}

const char* to_string(FieldSource source) {
  switch (source) {
    case FieldSource::kSet:
      return "set";
    case FieldSource::kLabelled:
      return "labelled";
    case FieldSource::kPattern:
      return "pattern";
    case FieldSource::kDerived:
      return "derived";
    case FieldSource::kFallback:
      return "fallback";
  }
  return "fallback";
}

}  // namespace einvoice::ocr
