#include "ocr/party_extractor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "ocr/address_reader.h"
#include "ocr/label_lexicon.h"
#include "ocr/legal_mentions.h"
#include "ocr/text_patterns.h"
#include "ocr/value_readers.h"

namespace einvoice::ocr {
namespace {

// Where a party's block is: from its heading down, within the heading's
// column (up to the next heading on the same line, or the page's edge).
struct Block {
  bool found = false;
  int page = 0;
  int heading_line = 0;
  double left = 0, right = 0, top = 0, bottom = 0;
  LabelHit heading;

  bool contains(int p, const Box& box) const {
    const double cx = box.x + box.width / 2;
    const double cy = box.center_y();
    return found && p == page && cx >= left && cx <= right && cy >= top && cy <= bottom;
  }
};

constexpr double kBlockDepth = 150;  // points below the heading: about ten lines

// A word too short to be text of its own before a heading: an OCR speck, a
// rule's corner read as "4", a preposition ("à DESTINATAIRE").
bool is_short_word(const Word& word) {
  return fold_for_labels(word.text).size() <= 2;
}

// Heading labels that start their column: first on their line (but for a
// short word before them), or set apart from the words before them (two
// blocks side by side).
// Whether the label of `hit` ends inside one of the line's words (its
// folded word runs on after the label).
bool ends_inside_word(const LabelHit& hit) {
  const LayoutLine& line = *hit.line;
  const std::size_t end = line.word_begin[hit.first_word] + hit.label.size();
  for (std::size_t i = hit.first_word; i < line.word_end.size(); ++i) {
    if (line.word_begin[i] <= end && end < line.word_end[i])
      return true;
    if (line.word_end[i] >= end)
      break;
  }
  return false;
}

// Words that make a party's label the label of one of its references: "N°
// client", "Customer ID", "Code client", "client number".
bool is_reference_word(std::string_view folded) {
  for (std::string_view word : {"n", "no", "nr", "num", "numero", "number", "nummer", "code", "id",
                                "ref", "reference", "compte", "account", "konto"}) {
    if (folded == word)
      return true;
  }
  return false;
}

// Whether the party label `hit` names a reference of the party rather than
// heading its block: a numbering word just before or after it ("N° client :
// CL-25170", "Customer ID CL-15333").
bool labels_a_reference(const LabelHit& hit) {
  const auto& words = hit.line->line->words;
  if (hit.first_word > 0 && is_reference_word(fold_for_labels(words[hit.first_word - 1].text)))
    return true;
  return !hit.after.empty() && is_reference_word(fold_for_labels(hit.after.front().text));
}

std::vector<LabelHit> headings(const Layout& layout, LabelKind kind) {
  std::vector<LabelHit> out;
  for (auto& hit : layout.find(kind)) {
    const auto& words = hit.line->line->words;
    // "Verkäufer-IBAN", "Client-ID": the label is the head of a compound
    // word naming another mention, no heading.
    if (ends_inside_word(hit) || labels_a_reference(hit))
      continue;
    // The word before the label, passing over specks a card's frame leaves
    // ("| VENDEUR [ ACHETEUR", "f ACHETEUR": a letter at most).
    std::size_t before = hit.first_word;
    while (before > 0 && fold_for_labels(words[before - 1].text).size() <= 1)
      --before;
    const bool starts_column = before == 0 || (before == 1 && is_short_word(words[0])) ||
                               words[hit.first_word].box.x - words[before - 1].box.right() > 20;
    if (starts_column)
      out.push_back(std::move(hit));
  }
  return out;
}

// The number of tokens of `after` (the words after the heading `heading` on
// its line) that continue the heading's column: up to the first gap wider
// than three text heights.
std::size_t column_run_end(const Box& heading, const std::vector<Token>& after) {
  double previous_right = heading.right();
  for (std::size_t i = 0; i < after.size(); ++i) {
    const double height = std::max(1.0, std::max(after[i].box.height, heading.height));
    if (after[i].box.x - previous_right > 3 * height)
      return i;
    previous_right = after[i].box.right();
  }
  return after.size();
}

// Under this OCR confidence a word of one or two letters is more likely a
// smudge than print.
constexpr float kSpeckConfidence = 40;

Block block_of(const std::vector<LabelHit>& own, const std::vector<LabelHit>& others) {
  Block block;
  if (own.empty())
    return block;
  const LabelHit& h = own.front();
  block.found = true;
  block.heading = h;
  block.page = h.line->page;
  block.heading_line = h.line->index;
  block.left = h.box.x - 12;
  block.right = h.line->page_width > 0 ? h.line->page_width : 1e9;
  block.top = h.box.y - 2;
  block.bottom = h.box.bottom() + kBlockDepth;
  // Words a column away on the heading's own line belong to the block beside
  // it (a seller's letterhead level with a "Client" heading): the block ends
  // before them. Specks (no letter, no digit: a rule's end read as ";") are
  // no block.
  if (const auto run = column_run_end(h.box, h.after); run < h.after.size()) {
    // A speck: no letter or digit, a third of a text's height at most (a
    // rule's dot read as "à"), or a letter or two the engine hardly
    // believes in (a smudge read as "r" at 27%).
    auto is_speck = [&](const Token& t) {
      return fold_for_labels(t.text).empty() || t.box.height <= h.box.height / 3 ||
             (t.text.size() <= 2 && t.confidence < kSpeckConfidence);
    };
    const bool only_specks =
        std::all_of(h.after.begin() + static_cast<std::ptrdiff_t>(run), h.after.end(), is_speck);
    if (!only_specks)
      block.right = std::min(block.right, h.after[run].box.x - 6);
  }
  for (const auto& o : others) {
    if (o.line->page != block.page)
      continue;
    const bool same_band = std::abs(o.box.center_y() - h.box.center_y()) < 3 * h.box.height;
    if (same_band && o.box.x > h.box.right())
      block.right = std::min(block.right, o.box.x - 6);
    if (!same_band && o.box.y > h.box.bottom() && o.box.x < block.right &&
        o.box.right() > block.left)
      block.bottom = std::min(block.bottom, o.box.y - 2);
  }
  return block;
}

bool has_letters(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// The words of `line` inside `block`.
std::vector<Token> tokens_inside(const Block& block, const LayoutLine& line) {
  std::vector<Token> inside;
  for (const auto& word : line.line->words) {
    if (block.contains(line.page, word.box))
      inside.push_back(Token{word.text, word.box, word.confidence});
  }
  return inside;
}

// A party's name from the words that print it, without the specks a frame
// or a rule leaves at either end ("_ Conseil & Stratégie", "[ ACHETEUR"):
// words with no letter or digit ("&" inside a name stays).
Field name_of_tokens(std::vector<Token> tokens, int page, FieldSource source) {
  auto speck = [](const Token& t) { return fold_for_labels(t.text).empty(); };
  while (tokens.size() > 1 && speck(tokens.front()))
    tokens.erase(tokens.begin());
  while (tokens.size() > 1 && speck(tokens.back()))
    tokens.pop_back();
  return field_of_tokens(tokens, page, source);
}

// Whether words of one line stand columns apart: a gap wider than three
// text heights between two of them.
bool spans_columns(const std::vector<Token>& tokens) {
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const double height = std::max(1.0, std::max(tokens[i].box.height, tokens[i - 1].box.height));
    if (tokens[i].box.x - tokens[i - 1].box.right() > 3 * height)
      return true;
  }
  return false;
}

// A line that holds a label and its value ("Nummer : 549910") or an
// identifier rather than a name.
bool is_labelled_or_identifier(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon != std::string::npos && colon < 40)
    return true;
  // Mostly digits: a number, an account, a code, not a name.
  const auto digits =
      std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits * 2 > static_cast<long>(text.size()))
    return true;
  const std::string folded = fold_for_labels(text);
  for (std::string_view word : {"siren", "siret", "tva", "vat", "tel", "fax", "email", "www",
                                "iban", "bic", "rcs", "ust", "steuernummer", "nummer"}) {
    if (folded.compare(0, word.size(), word) == 0)
      return true;
  }
  return false;
}

// A line that gives another field with its label ("Facture N° FAC-3427",
// "Date 03/11/2017"): a reference the block holds, not a name.
bool gives_another_field(const std::string& text) {
  if (std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  const std::string folded = fold_for_labels(text);
  for (LabelKind kind : {LabelKind::kInvoiceNumber, LabelKind::kIssueDate, LabelKind::kDueDate,
                         LabelKind::kPurchaseOrder}) {
    for (std::string_view label : labels_of(kind)) {
      if (folded.size() > label.size() && folded.compare(0, label.size(), label) == 0 &&
          folded[label.size()] == ' ')
        return true;
    }
  }
  return false;
}

bool is_salutation(const std::string& folded) {
  for (std::string_view word :
       {"herrn", "herr", "frau", "monsieur", "madame", "m", "mme", "mr", "mrs", "ms", "messrs"}) {
    if (folded == word)
      return true;
  }
  return false;
}

// Whether a text is only a legal form ("SARL", "S.A.S.").
bool is_legal_form_alone(const std::string& text) {
  const std::string folded = fold_for_labels(text);
  const auto forms = legal_forms();
  return std::find(forms.begin(), forms.end(), folded) != forms.end();
}

// Names printed on two lines: a salutation and the person ("Herrn" / "Max
// Mustermann"), or a name whose legal form is on its second line ("MVM
// Musterhafter" / "Versicherungsverein Musterstadt a.G."). The parts are
// joined with a line break, as the structured invoices write them.
void extend_name(const Layout& layout, const Block& block, std::size_t line_index, Field& name) {
  const std::string folded = fold_for_labels(name.value);
  if (has_legal_form(folded))
    return;
  const auto& lines = layout.lines();
  if (line_index + 1 >= lines.size())
    return;
  const LayoutLine& next = lines[line_index + 1];
  if (next.page != block.page || next.line->box.y > block.bottom)
    return;
  const std::vector<Token> inside = tokens_inside(block, next);
  const std::string text = join(inside);
  if (text.empty() || is_labelled_or_identifier(text) ||
      std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return;
  if (!is_salutation(folded) && !has_legal_form(fold_for_labels(text)))
    return;
  // A legal form alone is the end of one name the block's width wrapped.
  name.value += (is_legal_form_alone(text) ? " " : "\n") + text;
  for (const auto& t : inside)
    name.box = unite(name.box, t.box);
}

// The party's name: the heading's own value ("Client : ACME SA"), else the
// first line of the block that is neither a label with its value nor an
// identifier.
std::optional<Field> name_in(const Layout& layout, const Block& block) {
  if (!block.found)
    return std::nullopt;
  std::vector<Token> after;
  const std::size_t run = column_run_end(block.heading.box, block.heading.after);
  for (std::size_t i = 0; i < run; ++i) {
    if (block.contains(block.page, block.heading.after[i].box))
      after.push_back(block.heading.after[i]);
  }
  if (!after.empty()) {
    std::string value = join(after);
    while (!value.empty() && (value.front() == ':' || value.front() == ' '))
      value.erase(0, 1);
    if (has_letters(value) && !is_labelled_or_identifier(value) && value.size() > 1) {
      Field field = field_of_tokens(after, block.page, FieldSource::kLabelled);
      field.value = value;
      return field;
    }
  }
  const auto& lines = layout.lines();
  for (std::size_t i = static_cast<std::size_t>(block.heading_line) + 1; i < lines.size(); ++i) {
    const LayoutLine& line = lines[i];
    if (line.page != block.page || line.line->box.y > block.bottom)
      break;
    const std::vector<Token> inside = tokens_inside(block, line);
    if (inside.empty())
      continue;
    const std::string text = join(inside);
    if (!has_letters(text) || is_labelled_or_identifier(text) || gives_another_field(text))
      continue;
    // Unlabelled words set columns apart ("Désignation   Qté   P.U. HT"):
    // the block ran into a table's header row; no name follows.
    if (spans_columns(inside))
      break;
    Field name = name_of_tokens(inside, line.page, FieldSource::kLabelled);
    // Names follow their heading closely; a line found far below it is as
    // likely a table header the block ran into.
    if (i > static_cast<std::size_t>(block.heading_line) + 4)
      name.confidence *= 0.6;
    extend_name(layout, block, i, name);
    return name;
  }
  return std::nullopt;
}

// "(c) AWV e.V. 2020", "© Editions X SARL": the owner of a form or a
// template, not the seller.
bool is_copyright_notice(const std::string& text) {
  const std::string folded = fold_for_labels(text);
  return text.rfind("(c)", 0) == 0 || text.rfind("(C)", 0) == 0 || text.rfind("\u00a9", 0) == 0 ||
         folded.rfind("copyright", 0) == 0;
}

// No seller heading: the first company-like line at the top of the first
// page outside the buyer's block.
std::optional<Field> seller_name_fallback(const Layout& layout, const Block& buyer) {
  for (const auto& line : layout.lines()) {
    if (line.page != 1)
      break;
    if (line.page_height > 0 && line.line->box.y > line.page_height * 0.4)
      break;
    if (buyer.contains(line.page, line.line->box))
      continue;
    for (const auto& segment : Layout::segments_of(line)) {
      const std::string text = join(segment);
      if (has_legal_form(fold_for_labels(text)) && !is_labelled_or_identifier(text) &&
          !is_copyright_notice(text)) {
        // Recognised by its form: a company name with its legal form, at
        // the top of the first page, outside the buyer's block.
        return name_of_tokens(segment, line.page, FieldSource::kPattern);
      }
    }
  }
  return std::nullopt;
}

// How many letters outside ASCII a text has: OCR loses accents far more
// often than it invents them, so of two readings of one name the one with
// more is the better.
long accented_letters(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0xC0; });
}

// A name that is only a legal form ("SASU", the end of a letterhead whose
// first line was missed) names no one.
bool is_bare_legal_form(const Field& name) {
  return is_legal_form_alone(name.value);
}

// The seller's name when no heading introduces it: the company of the
// letterhead and the one the legal mentions name (its registered name,
// what BT-27 is). Both agreeing, the letterhead's spelling (larger print;
// the one with its accents when they differ by accents alone) is trusted;
// the letterhead showing only part of it (a legal form wrapped onto the
// next line), the legal mentions' name; the two naming different companies
// (a trade name over the registered one), the registered name, for the
// supplier to confirm. Legal mentions inside the buyer's block are the
// buyer's.
std::optional<Field> seller_name_unlabelled(const Layout& layout, const Block& buyer) {
  std::optional<Field> letterhead = seller_name_fallback(layout, buyer);
  if (letterhead && is_bare_legal_form(*letterhead))
    letterhead.reset();
  std::optional<Field> registered;
  for (auto& legal : names_in_legal_mentions(layout)) {
    if (!buyer.contains(legal.line->page, legal.name.box)) {
      registered = std::move(legal.name);
      break;
    }
  }
  if (!registered)
    return letterhead;
  const std::string folded = fold_for_labels(registered->value);
  if (auto printed = in_letterhead(layout, folded)) {
    Field name = accented_letters(registered->value) > accented_letters(printed->value)
                     ? *registered
                     : *printed;
    name.confidence = printed->value == registered->value ? 0.9 : 0.8;
    name.check = "the letterhead's company is the one the legal mentions name";
    return name;
  }
  Field name = *registered;
  if (letterhead && folded.find(fold_for_labels(letterhead->value)) != std::string::npos) {
    name.confidence = std::min(name.confidence, 0.8);
    name.check = "the legal mentions' name; the letterhead shows part of it";
  } else {
    name.confidence = std::min(name.confidence, letterhead ? 0.55 : 0.75);
    name.check =
        letterhead ? "the legal mentions' name; the letterhead shows \"" + letterhead->value + "\""
                   : "the legal mentions' name; none in the letterhead";
  }
  return name;
}

constexpr std::array<std::string_view, 30> kVatCountries = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI", "GB", "CH"};

// The word an identifier starts with: the country code alone ("FR 12 ..."),
// or followed by a digit ("FR12..."), or by the letters some countries put
// first (ATU..., CHE..., ES + a letter).
bool starts_vat_id(const std::string& word) {
  if (word.size() < 2 || !(word[0] >= 'A' && word[0] <= 'Z') || !(word[1] >= 'A' && word[1] <= 'Z'))
    return false;
  if (word.size() == 2)
    return true;
  const char third = word[2];
  if (third >= '0' && third <= '9')
    return true;
  // A French number whose key OCR read with a letter ("FRO1...", "FRI2..."):
  // the key's check decides (repaired_french_vat).
  if (word.compare(0, 2, "FR") == 0 && word.size() == 13)
    return true;
  return word.compare(0, 3, "ATU") == 0 || word.compare(0, 3, "CHE") == 0 ||
         word.compare(0, 2, "ES") == 0;
}

// The shape of each country's VAT number after its two-letter prefix
// ('9' a digit, 'A' a letter or digit, 'U', 'B', 'E' those letters), the
// countries invoices here come from; others pass with 8 to 12 letters or
// digits, at least 7 of them digits. An OCR slip in a digit ("DE1T3669597")
// then gives no VAT number rather than a wrong one.
bool matches_shape(std::string_view rest, std::string_view shape) {
  if (rest.size() != shape.size())
    return false;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i], s = shape[i];
    const bool digit = c >= '0' && c <= '9';
    const bool alnum = digit || (c >= 'A' && c <= 'Z');
    if ((s == '9' && !digit) || (s == 'A' && !alnum) || (s != '9' && s != 'A' && c != s))
      return false;
  }
  return true;
}

bool looks_like_vat_id(const std::string& compact) {
  if (compact.size() < 10 || compact.size() > 16)
    return false;
  const std::string_view country(compact.data(), 2);
  if (std::find(kVatCountries.begin(), kVatCountries.end(), country) == kVatCountries.end())
    return false;
  const std::string_view rest = std::string_view(compact).substr(2);
  struct Shape {
    std::string_view country;
    std::string_view shapes[2];
  };
  static constexpr Shape kShapes[] = {{"FR", {"AA999999999", ""}},
                                      {"DE", {"999999999", ""}},
                                      {"AT", {"U99999999", ""}},
                                      {"BE", {"9999999999", ""}},
                                      {"NL", {"999999999B99", ""}},
                                      {"IT", {"99999999999", ""}},
                                      {"ES", {"A9999999A", ""}},
                                      {"LU", {"99999999", ""}},
                                      {"GB", {"999999999", "999999999999"}},
                                      {"CH", {"E999999999", ""}},
                                      {"DK", {"99999999", ""}},
                                      {"FI", {"99999999", ""}},
                                      {"SE", {"999999999999", ""}},
                                      {"PL", {"9999999999", ""}},
                                      {"PT", {"999999999", ""}},
                                      {"IE", {"9999999A", "9999999AA"}}};
  for (const auto& shape : kShapes) {
    if (shape.country != country)
      continue;
    for (std::string_view one : shape.shapes) {
      if (!one.empty() && matches_shape(rest, one))
        return true;
    }
    return false;
  }
  std::size_t digits = 0;
  for (char c : rest) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (!(c >= 'A' && c <= 'Z'))
      return false;
  }
  return rest.size() >= 8 && rest.size() <= 12 && digits >= 7;
}

struct Found {
  std::string value;
  Box box;
  float confidence = 100;
  int page = 0;
  bool labelled = false;
};

// Identifiers of a form spread over up to four words ("FR 12 345 678 901").
template <class Starts, class Accept>
std::vector<Found> scan_identifiers(const Layout& layout, std::size_t max_words, Starts starts,
                                    Accept accept) {
  std::vector<Found> out;
  for (const auto& line : layout.lines()) {
    const auto& words = line.line->words;
    for (std::size_t i = 0; i < words.size(); ++i) {
      // Codes are printed in capitals: "de" in a sentence is no country.
      std::string first = words[i].text;
      first.erase(std::remove(first.begin(), first.end(), ' '), first.end());
      if (!starts(first))
        continue;
      std::string compact;
      Box box;
      float confidence = 100;
      std::optional<Found> best;
      for (std::size_t k = i; k < words.size() && k < i + max_words; ++k) {
        compact += compact_upper(words[k].text);
        while (!compact.empty() && (compact.back() == '.' || compact.back() == ',' ||
                                    compact.back() == ';' || compact.back() == ')'))
          compact.pop_back();
        box = unite(box, words[k].box);
        confidence = std::min(confidence, words[k].confidence);
        std::string cleaned;
        for (char c : compact) {
          if (c != '-' && c != '.' && c != ':')
            cleaned += c;
        }
        if (accept(cleaned))
          best = Found{cleaned, box, confidence, line.page, false};
      }
      if (best) {
        out.push_back(*best);
        break;  // one identifier of a kind per line start
      }
    }
  }
  return out;
}

Field field_of(const Found& found, FieldSource source) {
  return make_field(found.value, found.box, found.confidence, found.page, source);
}

// A French VAT number OCR read with letters for digits ("FRO1630893105":
// O for 0): the letters a scan confuses with digits put back, kept only
// when the French VAT key then matches the SIREN (a check over all eleven
// digits, which a wrong guess fails).
std::optional<std::string> repaired_french_vat(const std::string& value) {
  if (value.size() != 13 || value.compare(0, 2, "FR") != 0)
    return std::nullopt;
  // Each letter and the digit it is taken for.
  constexpr std::string_view kLetters = "OQDILZSB";
  constexpr std::string_view kDigits = "00011258";
  std::string repaired = value;
  for (std::size_t i = 2; i < repaired.size(); ++i) {
    if (const auto at = kLetters.find(repaired[i]); at != std::string_view::npos)
      repaired[i] = kDigits[at];
  }
  if (repaired == value || !is_french_vat_number(repaired))
    return std::nullopt;
  return repaired;
}

void extract_vat_ids(const Layout& layout, const Block& seller, const Block& buyer,
                     ExtractedInvoice& out) {
  auto ids = scan_identifiers(layout, 5, starts_vat_id, [](const std::string& compact) {
    return looks_like_vat_id(compact) || repaired_french_vat(compact).has_value();
  });
  const Found* seller_id = nullptr;
  const Found* buyer_id = nullptr;
  // "Uw BTW nummer", "your VAT number", "votre n° de TVA": the buyer's.
  auto addressed_to_buyer = [&](const Found& id) {
    for (const auto& line : layout.lines()) {
      if (line.page == id.page && std::abs(line.line->box.center_y() - id.box.center_y()) < 4) {
        for (std::string_view you : {"uw ", "your ", "votre ", "ihre ", "client ", "customer "}) {
          if (line.folded.compare(0, you.size(), you) == 0)
            return true;
        }
      }
    }
    return false;
  };
  for (const auto& id : ids) {
    if (buyer.contains(id.page, id.box) || addressed_to_buyer(id)) {
      if (!buyer_id)
        buyer_id = &id;
    } else if (seller.contains(id.page, id.box)) {
      seller_id = seller_id && seller.contains(seller_id->page, seller_id->box) ? seller_id : &id;
    } else if (!seller_id) {
      seller_id = &id;
    }
  }
  auto checked = [](Field field) {
    if (field.value.compare(0, 2, "FR") == 0) {
      if (is_french_vat_number(field.value)) {
        field.confidence = std::max(field.confidence, 0.97);
        field.check = "French VAT key matches the SIREN";
      } else if (auto repaired = repaired_french_vat(field.value)) {
        field.check = "read \"" + field.value +
                      "\": with the letters a scan takes for digits read as digits, the French "
                      "VAT key matches the SIREN";
        field.value = *repaired;
        field.confidence = 0.85;
      } else {
        field.confidence *= 0.5;
        field.check = "French VAT key does not match the SIREN";
        field.check_failed = true;
      }
    }
    return field;
  };
  if (seller_id)
    out.fields["BT-31"] = checked(field_of(*seller_id, FieldSource::kPattern));
  if (buyer_id)
    out.fields["BT-48"] = checked(field_of(*buyer_id, FieldSource::kPattern));
}

// SIREN and SIRET: after their labels, checked by their Luhn key; the SIREN
// is also the SIRET's first nine digits and sits inside a French VAT number.
void extract_company_ids(const Layout& layout, const Block& buyer, ExtractedInvoice& out) {
  auto take = [&](LabelKind kind, std::size_t digits, const char* seller_term,
                  const char* buyer_term) {
    auto valid_number = [&](const std::string& value) {
      return digits == 9 ? is_siren(value) : is_siret(value);
    };
    for (const auto& hit : layout.find(kind)) {
      // After the label, under it, or just before it ("B 421 938 861 RCS
      // Paris"): the first that passes its check, else the first found.
      const auto before_begin = hit.first_word > 5 ? hit.first_word - 5 : 0;
      std::vector<Token> before = Layout::tokens_of(*hit.line, before_begin);
      before.resize(hit.first_word - before_begin);
      std::optional<Read<std::string>> read;
      for (const std::vector<Token>* tokens : {&hit.after, &hit.below, &std::as_const(before)}) {
        auto candidate = read_digits(*tokens, digits);
        if (candidate && (!read || (!valid_number(read->value) && valid_number(candidate->value))))
          read = candidate;
      }
      if (!read)
        continue;
      const bool valid = valid_number(read->value);
      Field field = make_field(read->value, read->box, read->confidence, hit.line->page,
                               FieldSource::kLabelled);
      if (valid) {
        field.confidence = std::max(field.confidence, 0.97);
        field.check = "check digit";
      } else {
        field.confidence *= 0.4;
        field.check = "check digit fails";
        field.check_failed = true;
      }
      const char* term = buyer.contains(hit.line->page, hit.box) ? buyer_term : seller_term;
      if (!out.fields.count(term))
        out.fields[term] = field;
    }
  };
  take(LabelKind::kSiret, 14, "BT-29", "BT-46");
  take(LabelKind::kSiren, 9, "BT-30", "BT-47");

  // Derive or confirm the SIREN from the SIRET and the French VAT number.
  auto reconcile = [&](const char* siren_term, const char* siret_term, const char* vat_term) {
    std::optional<std::string> from_siret, from_vat;
    if (const Field* siret = out.field(siret_term); siret && !siret->check_failed)
      from_siret = siret->value.substr(0, 9);
    if (const Field* vat = out.field(vat_term);
        vat && !vat->check_failed && vat->value.size() == 13 && vat->value.compare(0, 2, "FR") == 0)
      from_vat = vat->value.substr(4);
    Field* siren = out.fields.count(siren_term) ? &out.fields[siren_term] : nullptr;
    for (const auto& derived : {from_siret, from_vat}) {
      if (!derived)
        continue;
      if (!siren) {
        Field field;
        field.value = *derived;
        field.source = FieldSource::kDerived;
        field.confidence = 0.9;
        field.check = from_siret ? "first nine digits of the SIRET" : "inside the VAT number";
        out.fields[siren_term] = field;
        siren = &out.fields[siren_term];
      } else if (siren->value == *derived) {
        siren->confidence = std::max(siren->confidence, 0.99);
        siren->check = "agrees with the SIRET / VAT number";
      } else {
        siren->confidence *= 0.5;
        siren->check = "differs from the SIRET / VAT number (" + *derived + ")";
        siren->check_failed = true;
      }
    }
  };
  reconcile("BT-30", "BT-29", "BT-31");
  reconcile("BT-47", "BT-46", "BT-48");
}

// IBAN lengths (ISO 13616 registry) of the countries invoices here come
// from; other countries pass with any length from 15 to 34.
std::size_t iban_length(std::string_view country) {
  struct Length {
    std::string_view country;
    std::size_t length;
  };
  static constexpr Length kLengths[] = {{"AT", 20}, {"BE", 16}, {"CH", 21}, {"DE", 22}, {"DK", 18},
                                        {"ES", 24}, {"FI", 18}, {"FR", 27}, {"GB", 22}, {"IE", 22},
                                        {"IT", 27}, {"LU", 20}, {"MC", 27}, {"NL", 18}, {"NO", 15},
                                        {"PL", 28}, {"PT", 25}, {"SE", 24}};
  for (const auto& l : kLengths) {
    if (l.country == country)
      return l.length;
  }
  return 0;
}

bool iban_shaped(const std::string& s) {
  if (s.size() < 15 || s.size() > 34 || !(s[0] >= 'A' && s[0] <= 'Z') ||
      !(s[1] >= 'A' && s[1] <= 'Z') || !(s[2] >= '0' && s[2] <= '9') ||
      !(s[3] >= '0' && s[3] <= '9'))
    return false;
  const std::size_t expected = iban_length(std::string_view(s).substr(0, 2));
  return expected == 0 || expected == s.size();
}

void extract_bank(const Layout& layout, ExtractedInvoice& out) {
  auto starts_iban = [](const std::string& word) {
    return word.size() >= 2 && word[0] >= 'A' && word[0] <= 'Z' && word[1] >= 'A' &&
           word[1] <= 'Z' && (word.size() == 2 || (word[2] >= '0' && word[2] <= '9'));
  };
  auto ibans = scan_identifiers(layout, 9, starts_iban, [](const std::string& s) {
    return iban_shaped(s) && iban_length(std::string_view(s).substr(0, 2)) != 0 && is_iban(s);
  });
  if (!ibans.empty()) {
    Field field = field_of(ibans.front(), FieldSource::kPattern);
    field.confidence = std::max(field.confidence, 0.97);
    field.check = "IBAN check digits (mod 97)";
    out.fields["BT-84"] = field;
  } else {
    // A labelled account number that fails its check: reported, doubted.
    for (const auto& hit : layout.find(LabelKind::kIban)) {
      std::string compact;
      Box box;
      float confidence = 100;
      for (const auto& token : hit.after) {
        std::string piece = compact_upper(token.text);
        piece.erase(std::remove(piece.begin(), piece.end(), ':'), piece.end());
        if (piece.empty())
          continue;
        if (compact.size() + piece.size() > 34)
          break;
        compact += piece;
        box = unite(box, token.box);
        confidence = std::min(confidence, token.confidence);
      }
      if (compact.size() < 15 || !(compact[0] >= 'A' && compact[0] <= 'Z') ||
          !(compact[2] >= '0' && compact[2] <= '9'))
        continue;
      Field field = make_field(compact, box, confidence, hit.line->page, FieldSource::kLabelled);
      field.confidence *= 0.5;
      field.check = "IBAN check digits (mod 97) fail";
      field.check_failed = true;
      out.fields["BT-84"] = field;
      break;
    }
  }
  for (const auto& hit : layout.find(LabelKind::kBic)) {
    for (const auto* tokens : {&hit.after, &hit.below}) {
      for (const auto& token : *tokens) {
        std::string value = compact_upper(token.text);
        while (!value.empty() && (value.front() == ':'))
          value.erase(0, 1);
        if (is_bic(value)) {
          out.fields["BT-86"] = make_field(value, token.box, token.confidence, hit.line->page,
                                           FieldSource::kLabelled);
          return;
        }
      }
    }
  }
}

// The text lines under a party's name in its column, top to bottom: in each
// line the run of words (gaps under three text heights) that starts where
// the name or the block's heading starts; up to six lines, ending at the
// first line without such a run or a gap of more than two blank lines.
std::vector<std::vector<Token>> lines_under(const Layout& layout, const Field& name,
                                            const Block& block) {
  std::vector<double> anchors = {name.box.x};
  if (block.found)
    anchors.push_back(block.heading.box.x);
  std::vector<std::vector<Token>> out;
  double last_bottom = name.box.bottom();
  for (const auto& line : layout.lines()) {
    if (line.page != name.page || line.line->box.center_y() <= name.box.bottom())
      continue;
    const std::string text = line.line->text();
    if (std::none_of(text.begin(), text.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
      continue;  // specks read as a line
    const double height = std::max(6.0, line.line->box.height);
    if (line.line->box.y - last_bottom > 3 * height || out.size() >= 6)
      break;
    std::vector<Token> run;
    const auto& words = line.line->words;
    for (std::size_t i = 0; i < words.size() && run.empty(); ++i) {
      if (block.found && !block.contains(line.page, words[i].box))
        continue;
      const bool anchored = std::any_of(anchors.begin(), anchors.end(), [&](double x) {
        return std::abs(words[i].box.x - x) <= 15;
      });
      if (!anchored)
        continue;
      for (std::size_t k = i; k < words.size(); ++k) {
        if (k > i && words[k].box.x - words[k - 1].box.right() > 3 * words[k].box.height)
          break;
        if (block.found && !block.contains(line.page, words[k].box))
          break;
        run.push_back(Token{words[k].text, words[k].box, words[k].confidence});
      }
    }
    if (run.empty()) {
      if (!out.empty())
        break;
      continue;
    }
    out.push_back(std::move(run));
    last_bottom = line.line->box.bottom();
  }
  return out;
}

// A party heading alone ("ADRESSÉ À", "Client :"), folded.
// A short word (two letters at most: "à", a speck) before or after the
// label does not make it a name.
bool is_heading(std::string_view folded) {
  auto is_label = [](std::string_view text) {
    for (LabelKind kind : {LabelKind::kBuyerHeading, LabelKind::kSellerHeading}) {
      const auto labels = labels_of(kind);
      if (std::find(labels.begin(), labels.end(), text) != labels.end())
        return true;
    }
    return false;
  };
  if (is_label(folded))
    return true;
  const std::size_t first_space = folded.find(' ');
  if (first_space != std::string_view::npos && first_space <= 2 &&
      is_label(folded.substr(first_space + 1)))
    return true;
  const std::size_t last_space = folded.rfind(' ');
  return last_space != std::string_view::npos && folded.size() - last_space - 1 <= 2 &&
         is_label(folded.substr(0, last_space));
}

// Under this word confidence a line is more likely misread than printed so.
constexpr double kGarbledConfidence = 0.4;

// The folded words of a text.
std::vector<std::string> folded_words(const std::string& text) {
  std::vector<std::string> words;
  std::string folded = fold_for_labels(text);
  std::size_t begin = 0;
  while (begin < folded.size()) {
    std::size_t end = folded.find(' ', begin);
    if (end == std::string::npos)
      end = folded.size();
    if (end > begin)
      words.push_back(folded.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

// A line naming a contact in a party's address rather than the party: "À
// l'attention de Mme ...", "Attn: ...", "z. Hd. ...", "c/o ...", a
// department ("Service comptabilité", "Accounts payable").
bool is_contact_line(const std::string& text) {
  const std::string folded = fold_for_labels(text);
  for (std::string_view start : {"a l attention", "attention", "attn", "z hd", "zu handen", "c o ",
                                 "service ", "accounts payable", "buchhaltung", "comptabilite"}) {
    if (folded.compare(0, start.size(), start) == 0)
      return true;
  }
  return false;
}

// Words that make a short line the heading of a party's block whatever the
// rest of its wording ("Coordonnées client", "Société cliente",
// "Rechnungsadresse", "Billing address"): folded word starts.
bool has_party_heading_word(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    for (std::string_view start :
         {"client", "customer", "kunde", "acheteur", "buyer", "destinatai", "recipient", "empfang",
          "adress", "address", "anschrift", "factur", "billing", "coordonn", "informations"}) {
      if (word.compare(0, start.size(), start) == 0 ||
          (word.size() > start.size() + 3 && word.find(start) != std::string::npos))
        return true;
    }
  }
  return false;
}

// Whether `line` (a segment of words) heads the address block under it
// rather than naming the party: a heading the lexicon knows, a line ending
// with a colon, a short line of heading words, or a line printed in capitals
// smaller than the name under it (a label's style); `next` is the line
// under it.
bool heads_address_block(const std::vector<Token>& line, const std::vector<Token>* next) {
  const std::string text = join(line);
  const std::string folded = fold_for_labels(text);
  if (is_heading(folded) || (!text.empty() && text.back() == ':'))
    return true;
  if (has_legal_form(folded))
    return false;
  const auto words = folded_words(text);
  if (words.size() <= 4 && has_party_heading_word(words))
    return true;
  if (!next || next->empty())
    return false;
  const bool capitals =
      std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
      has_letters(text);
  double height = 0, next_height = 0;
  for (const Token& t : line)
    height = std::max(height, t.box.height);
  for (const Token& t : *next)
    next_height = std::max(next_height, t.box.height);
  return capitals && words.size() <= 4 && height < 0.9 * next_height;
}

// Levenshtein distance between two short texts, at most `limit` + 1.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size())
    std::swap(a, b);
  if (b.size() - a.size() > limit)
    return limit + 1;
  std::vector<std::size_t> row(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i)
    row[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    std::size_t diagonal = row[0];
    row[0] = j;
    std::size_t best = row[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      const std::size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[i]);
    }
    if (best > limit)
      return limit + 1;
  }
  return row[a.size()];
}

// Whether a text names the seller as OCR may read it twice: the same folded
// letters but for one in six.
bool names_seller(const std::string& text, const std::string& seller_folded) {
  if (seller_folded.empty())
    return false;
  const std::string folded = fold_for_labels(text);
  const std::size_t limit = std::max<std::size_t>(1, seller_folded.size() / 6);
  return bounded_distance(folded, seller_folded, limit) <= limit;
}

// No buyer heading the lexicon knows: the buyer's address block, wherever
// it stands in the first page's top half (a window envelope's place, a
// card, a block under the references): a name line over a post code with
// its city within five lines (contact lines and a street between them), in
// one column; its first line a heading of any wording when it reads as one
// (heads_address_block), the name then the line under it; never the
// seller's block, name or address, never a label with its value, a contact
// line or a street. Found by its place and its address, so reported below
// the confidence of a labelled name.
std::optional<Field> buyer_name_by_address(const Layout& layout, const Block& seller,
                                           const Field* seller_name) {
  const std::string seller_folded = seller_name ? fold_for_labels(seller_name->value) : "";
  // The seller's own address block: the lines under its name, in its column.
  auto in_seller_address = [&](int page, const Box& box) {
    if (!seller_name || seller_name->page != page)
      return false;
    const Box& name = seller_name->box;
    return box.y >= name.y - 2 && box.y < name.bottom() + 6 * std::max(8.0, name.height) &&
           std::abs(box.x - name.x) < 15;
  };
  // A line OCR could hardly read over a name ("pe serge" for a small grey
  // "CLIENT" heading) is most likely a heading lost to the scan: the name is
  // the next line, when that one heads the address too.
  std::optional<Field> garbled;
  int garbled_line = -1;
  const auto& lines = layout.lines();
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const LayoutLine& line = lines[li];
    if (line.page != 1)
      break;
    if (garbled && line.index > garbled_line + 1)
      return garbled;
    if (line.page_height > 0 && line.line->box.y > line.page_height * 0.45)
      break;
    for (const auto& segment : Layout::segments_of(line)) {
      // Not knowing who the seller is, only a window envelope's place (the
      // right part of the page) can tell the buyer's block from its.
      if (!seller.found && !seller_name && line.page_width > 0 &&
          segment.front().box.x < line.page_width * 0.4)
        continue;
      const std::string text = join(segment);
      if (!has_letters(text) || is_labelled_or_identifier(text) || gives_another_field(text) ||
          seller.contains(line.page, segment.front().box) ||
          in_seller_address(line.page, segment.front().box) || names_seller(text, seller_folded))
        continue;
      // A street ("21 chemin des Vignes") is not a name, nor a heading, nor
      // a contact.
      if (std::isdigit(static_cast<unsigned char>(text.front())) || is_contact_line(text))
        continue;
      Field name = name_of_tokens(segment, line.page, FieldSource::kPattern);
      // A name heads a short address: its post code within five lines.
      auto under = lines_under(layout, name, Block{});
      if (under.size() > 5)
        under.resize(5);
      if (heads_address_block(segment, under.empty() ? nullptr : &under.front()))
        continue;
      // A name opens its block: the next line follows it closely, no blank
      // line between ("Incoterms ..." over a blank line is no name).
      if (under.empty() ||
          under.front().front().box.y - name.box.bottom() > std::max(6.0, name.box.height))
        continue;
      const AddressRead address = read_address(under, line.page);
      if (!address.post_code || !address.city)
        continue;
      // "Mairie de Saint-Étienne-du-Bois" over "SCOP": one name, wrapped.
      if (!under.empty() && is_legal_form_alone(join(under.front())) &&
          !has_legal_form(fold_for_labels(name.value))) {
        name.value += " " + join(under.front());
        for (const Token& token : under.front())
          name.box = unite(name.box, token.box);
      }
      name.confidence = std::min(name.confidence, 0.85);
      name.check = "the address block with no buyer heading the lexicon knows";
      if (!garbled && name.confidence < kGarbledConfidence) {
        garbled = name;
        garbled_line = line.index;
        break;
      }
      return name;
    }
  }
  return garbled;
}

// BT-35/37/38/40 (seller) or BT-50/52/53/55 (buyer) from the lines under
// the party's name; the country, when the address does not say it, from
// the party's VAT number prefix.
void extract_address(const Layout& layout, const Block& block, const char* name_term,
                     const char* vat_term, const std::array<const char*, 4>& terms,
                     ExtractedInvoice& out) {
  const Field* name = out.field(name_term);
  if (!name || name->page == 0)
    return;
  const AddressRead address = read_address(lines_under(layout, *name, block), name->page);
  if (!address.city || !address.post_code)
    return;
  if (address.line1)
    out.fields[terms[0]] = *address.line1;
  out.fields[terms[1]] = *address.city;
  out.fields[terms[2]] = *address.post_code;
  if (address.country) {
    out.fields[terms[3]] = *address.country;
  } else if (const Field* vat = out.field(vat_term);
             vat && !vat->check_failed && vat->value.size() > 2) {
    Field country = *vat;
    country.value = vat->value.substr(0, 2) == "EL" ? "GR" : vat->value.substr(0, 2);
    country.source = FieldSource::kDerived;
    country.check = "prefix of the VAT identifier";
    out.fields[terms[3]] = country;
  }
}

}  // namespace

void extract_parties(const Layout& layout, ExtractedInvoice& out) {
  const auto seller_headings = headings(layout, LabelKind::kSellerHeading);
  const auto buyer_headings = headings(layout, LabelKind::kBuyerHeading);
  const Block seller = block_of(seller_headings, buyer_headings);
  const Block buyer = block_of(buyer_headings, seller_headings);

  if (auto name = name_in(layout, seller))
    out.fields["BT-27"] = *name;
  else if (auto unlabelled = seller_name_unlabelled(layout, buyer))
    out.fields["BT-27"] = *unlabelled;
  if (auto name = name_in(layout, buyer))
    out.fields["BT-44"] = *name;
  else if (!buyer.found) {
    if (auto guess = buyer_name_by_address(layout, seller, out.field("BT-27")))
      out.fields["BT-44"] = *guess;
  }

  extract_vat_ids(layout, seller, buyer, out);
  extract_company_ids(layout, buyer, out);
  extract_bank(layout, out);
  extract_address(layout, seller, "BT-27", "BT-31", {"BT-35", "BT-37", "BT-38", "BT-40"}, out);
  extract_address(layout, buyer, "BT-44", "BT-48", {"BT-50", "BT-52", "BT-53", "BT-55"}, out);
}

}  // namespace einvoice::ocr
