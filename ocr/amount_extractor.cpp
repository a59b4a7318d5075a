#include "ocr/amount_extractor.h"

#include <algorithm>
#include <array>
#include <set>

#include "ocr/label_lexicon.h"
#include "ocr/text_patterns.h"
#include "ocr/value_readers.h"

namespace einvoice::ocr {
namespace {

using model::Decimal;

struct Number {
  Decimal value;
  bool percent = false;  // printed with "%"
  bool has_decimals = false;
  Box box;
};

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A thousands group printed as its own word: "234" or "234,56" / "234.56",
// or "234," whose decimals OCR split off into the next word.
bool is_group(std::string_view word) {
  return word.size() >= 3 && all_digits(word.substr(0, 3)) &&
         (word.size() == 3 ||
          ((word[3] == ',' || word[3] == '.') && (word.size() == 4 || all_digits(word.substr(4)))));
}

// Every number of a line, in order, with whether it is marked as a
// percentage; "1 210,00" spread over two words is one number.
std::vector<Number> numbers_of(const LayoutLine& line) {
  std::vector<Number> out;
  const auto& words = line.line->words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string text = words[i].text;
    Box box = words[i].box;
    while (all_digits(text.substr(text.rfind(' ') + 1)) && text.size() <= 11 &&
           i + 1 < words.size() && is_group(words[i + 1].text) &&
           (text.find(' ') != std::string::npos || text.size() <= 3)) {
      text += ' ' + words[i + 1].text;
      box = unite(box, words[i + 1].box);
      ++i;
    }
    // Decimals split off at their separator ("11995" ".36", "466," "38"), a
    // space at most away.
    if (i + 1 < words.size() && splits_decimals(text, words[i + 1].text) &&
        words[i + 1].box.x - box.right() <= std::max(1.0, words[i + 1].box.height)) {
      text += words[i + 1].text;
      box = unite(box, words[i + 1].box);
      ++i;
    }
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
      percent = true;
      text.pop_back();
    }
    if (i + 1 < words.size() && words[i + 1].text == "%")
      percent = true;
    auto value = parse_amount(text, /*allow_integer=*/true);
    if (!value)
      continue;
    out.push_back(Number{*value, percent, value->scale() > 0, box});
  }
  return out;
}

bool plausible_rate(const Decimal& rate) {
  return !rate.is_negative() && !rate.is_zero() &&
         rate.compare(Decimal::from_int(30)) != std::strong_ordering::greater;
}

// basis x rate / 100, to the cent, equals vat (one cent of tolerance for the
// rounding of the printed basis).
bool vat_matches(const Decimal& basis, const Decimal& rate, const Decimal& vat) {
  auto product = basis.multiply(rate);
  if (!product)
    return false;
  auto computed = product->divide(Decimal::from_int(100), 2);
  if (!computed)
    return false;
  auto difference = computed->subtract(vat);
  if (!difference)
    return false;
  return difference->abs().compare(*Decimal::parse("0.01")) != std::strong_ordering::greater;
}

std::optional<Decimal> sum(const std::vector<Decimal>& values) {
  Decimal total = Decimal::from_int(0);
  for (const auto& value : values) {
    auto next = total.add(value);
    if (!next)
      return std::nullopt;
    total = *next;
  }
  return total;
}

struct Candidate {
  Decimal value;
  Field field;
  std::size_t label_length = 0;  // longer labels are more specific
  int line_index = 0;
  bool below_label = false;    // read on the line under its label, not beside it
  bool sign_restored = false;  // a minus sign the scan lost, put back by the arithmetic
};

enum Kind { kExcl, kVat, kIncl, kDue, kPaid, kKinds };
constexpr std::array<LabelKind, kKinds> kLabelKinds = {
    LabelKind::kTotalExclVat, LabelKind::kVatTotal, LabelKind::kTotalInclVat, LabelKind::kAmountDue,
    LabelKind::kPaidAmount};
constexpr std::array<const char*, kKinds> kTerms = {"BT-109", "BT-110", "BT-112", "BT-115",
                                                    "BT-113"};

// A label that is part of a VAT row ("TVA 20 % 1 210,00 242,00") names the
// row, not a total: the first amount after it (`read`) is one of the row's
// numbers. A label beside the row on the same line, after it ("... 242,00
// Total HT 1 255,50") or before it with an amount of its own ("Total TTC
// 17 874,30   5,5 %  14 994,10  824,68", the totals beside the VAT table),
// is a total's own.
bool labels_a_row(const LabelHit& hit, const Box& read, const std::vector<VatRow>& rows) {
  for (const auto& row : rows) {
    const double cy = row.box.center_y();
    if (row.page == hit.line->page && cy >= hit.line->line->box.y &&
        cy <= hit.line->line->box.bottom() && hit.box.x < row.box.right() &&
        read.right() > row.box.x)
      return true;
  }
  return false;
}

// Every labelled amount. A line may hold several labels ("Montant TVA" of
// a VAT table beside "Total HT" of the totals): each reads the first amount
// after it and before the next label; a label inside a longer one ("total"
// in "total ht", "tva" in "total tva") gives way to it. A value under its
// label is read only for a short line holding that label alone (not a table
// header, whose column values are lines).
std::array<std::vector<Candidate>, kKinds> candidates(const Layout& layout,
                                                      const std::vector<VatRow>& rows) {
  struct Labelled {
    int kind;
    LabelHit hit;
  };
  std::vector<std::vector<Labelled>> by_line(layout.lines().size());
  for (int kind = 0; kind < kKinds; ++kind) {
    for (auto& hit : layout.find(kLabelKinds[kind]))
      by_line[hit.line->index].push_back(Labelled{kind, std::move(hit)});
  }
  std::array<std::vector<Candidate>, kKinds> out;
  for (auto& labels : by_line) {
    // Decided on the whole list first: removing while comparing would
    // compare with entries already moved.
    std::vector<bool> inside(labels.size(), false);
    for (std::size_t a = 0; a < labels.size(); ++a) {
      for (std::size_t b = 0; b < labels.size(); ++b) {
        const LabelHit& x = labels[a].hit;
        const LabelHit& y = labels[b].hit;
        if (y.label.size() > x.label.size() && y.box.x <= x.box.x + 1 &&
            y.box.right() >= x.box.right() - 1)
          inside[a] = true;
      }
    }
    std::vector<Labelled> kept;
    for (std::size_t a = 0; a < labels.size(); ++a) {
      if (!inside[a])
        kept.push_back(std::move(labels[a]));
    }
    labels = std::move(kept);
    std::sort(labels.begin(), labels.end(),
              [](const Labelled& a, const Labelled& b) { return a.hit.box.x < b.hit.box.x; });
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const LabelHit& hit = labels[i].hit;
      std::vector<Token> window;
      for (const auto& token : hit.after) {
        if (i + 1 < labels.size() && token.box.x >= labels[i + 1].hit.box.x)
          break;
        window.push_back(token);
      }
      auto read = read_amount(window);
      bool below_label = false;
      if (!read && labels.size() == 1 && hit.line->line->words.size() <= 4) {
        read = read_amount(hit.below);
        below_label = true;
      }
      if (!read || labels_a_row(hit, read->box, rows))
        continue;
      const int kind = labels[i].kind;
      out[kind].push_back(Candidate{read->value,
                                    make_field(read->value.to_string(), read->box, read->confidence,
                                               hit.line->page, FieldSource::kLabelled),
                                    hit.label.size(), hit.line->index, below_label});
    }
  }
  return out;
}

// Which total a column header word announces: "HT" / "TVA" / "TTC",
// "net" / "VAT" / "gross", ... (-1 for none).
int column_kind(const std::string& folded_word) {
  static const std::pair<std::string_view, int> kWords[] = {
      {"ht", kExcl},  {"excl", kExcl}, {"net", kExcl},  {"netto", kExcl}, {"untaxed", kExcl},
      {"tva", kVat},  {"vat", kVat},   {"tax", kVat},   {"btw", kVat},    {"ust", kVat},
      {"mwst", kVat}, {"ttc", kIncl},  {"incl", kIncl}, {"gross", kIncl}, {"brutto", kIncl}};
  for (const auto& [word, kind] : kWords) {
    if (folded_word == word)
      return kind;
  }
  return -1;
}

bool starts_total_row(const std::string& folded) {
  for (std::string_view head : {"total", "totaal", "summe", "gesamt", "sous total"}) {
    if (folded.compare(0, head.size(), head) == 0)
      return true;
  }
  return false;
}

// Whether a line holds an amount with decimals: a column header does not
// ("Total HT 16 707,20 €   Taux  Base HT  Montant TVA" is a labelled total
// beside a table's header, not a header of totals).
bool has_amount(const LayoutLine& line) {
  const auto numbers = numbers_of(line);
  return std::any_of(numbers.begin(), numbers.end(),
                     [](const Number& n) { return n.has_decimals && !n.percent; });
}

// Totals laid out as a table: a header naming two or more of excl./VAT/incl.
// in columns, and a "Total ..." row below whose amounts stand under them.
void add_column_candidates(const Layout& layout, std::array<std::vector<Candidate>, kKinds>& out) {
  const auto& lines = layout.lines();
  for (std::size_t h = 0; h < lines.size(); ++h) {
    if (has_amount(lines[h]))
      continue;
    const auto& words = lines[h].line->words;
    std::array<std::optional<Box>, kKinds> columns;
    int kinds = 0;
    for (const auto& word : words) {
      const std::string folded = fold_for_labels(word.text);
      const int kind = column_kind(folded);
      if (kind >= 0 && !columns[kind]) {
        columns[kind] = word.box;
        ++kinds;
      }
    }
    if (kinds < 2)
      continue;
    for (std::size_t r = h + 1; r < lines.size() && r <= h + 15; ++r) {
      if (lines[r].page != lines[h].page)
        break;
      if (!starts_total_row(lines[r].folded))
        continue;
      const auto tokens = Layout::tokens_of(lines[r]);
      for (std::size_t from = 0; from < tokens.size();) {
        auto read = read_amount(tokens, from);
        if (!read)
          break;
        from = read->next;
        // The column whose header overlaps the amount horizontally, or is nearest.
        int best = -1;
        double distance = 1e9;
        for (int kind = 0; kind < kKinds; ++kind) {
          if (!columns[kind])
            continue;
          const Box& c = *columns[kind];
          const double d = std::abs((c.x + c.width / 2) - (read->box.x + read->box.width / 2));
          if (d < distance) {
            distance = d;
            best = kind;
          }
        }
        if (best < 0 || distance > 80)
          continue;
        out[best].push_back(
            Candidate{read->value,
                      make_field(read->value.to_string(), read->box, read->confidence,
                                 lines[r].page, FieldSource::kLabelled),
                      10, lines[r].index});
      }
      break;
    }
  }
}

// Whether the amounts printed above `total` in its column (right edges
// aligned within a line height, one per line, walking up through the
// document) add up to it at some point: the lines, subtotals or rows a total
// closes. A single amount equal to it counts: the same total read twice.
bool sums_the_column_above(const Layout& layout, const Candidate& total) {
  const auto& lines = layout.lines();
  const double tolerance = std::max(1.0, lines[total.line_index].line->box.height);
  const double right = total.field.box.right();
  Decimal running = Decimal::from_int(0);
  constexpr int kMaxLines = 200;
  for (int i = total.line_index - 1; i >= 0 && i >= total.line_index - kMaxLines; --i) {
    const auto numbers = numbers_of(lines[i]);
    for (auto it = numbers.rbegin(); it != numbers.rend(); ++it) {
      if (it->percent || std::abs(it->box.right() - right) > tolerance)
        continue;
      auto next = running.add(it->value);
      if (!next)
        return false;
      running = *next;
      if (running.numerically_equal(total.value))
        return true;
      break;
    }
  }
  return false;
}

bool adds_up(const Decimal& a, const Decimal& b, const Decimal& total) {
  auto s = a.add(b);
  return s && s->numerically_equal(total);
}

// A value a cross-check confirms: more confident by the check, and at least
// `floor`, what the check alone is worth whatever the words' recognition
// confidence (three amounts read apart that add up to the cent are right,
// however faint their print).
void confirm(Field& field, const std::string& check, double floor = 0.0) {
  field.confidence = std::max({field.confidence, std::min(0.99, field.confidence + 0.3), floor});
  field.check = check;
  field.check_failed = false;
}

void doubt(Field& field, const std::string& check) {
  field.confidence *= 0.5;
  field.check = check;
  field.check_failed = true;
}

bool confirmed(const Field* field) {
  return field && !field->check_failed && field->confidence >= kDoubtThreshold;
}

// An invoice that prints no VAT amount but zero ("Tax $0.00") or none at all
// and no VAT row: its total excl. VAT is its confirmed total incl. VAT (to be
// confirmed by the supplier when no VAT is printed at all), and its VAT total
// the zero printed.
void derive_without_vat(const std::vector<Candidate>& vat_candidates, ExtractedInvoice& out) {
  if (!out.vat_breakdown.empty() || out.field("BT-110"))
    return;
  // Amounts under a lone VAT label ("Ohne MwSt." heading a column) are the
  // column's, not a VAT total: only those beside their label count.
  std::vector<const Candidate*> printed;
  for (const auto& candidate : vat_candidates) {
    if (!candidate.below_label)
      printed.push_back(&candidate);
  }
  if (!std::all_of(printed.begin(), printed.end(),
                   [](const Candidate* c) { return c->value.is_zero(); }))
    return;
  const Field* incl = out.field("BT-112");
  const Field* excl = out.field("BT-109");
  const char* const how = printed.empty()
                              ? "no VAT amount printed: total excl. VAT = total incl. VAT"
                              : "VAT printed as zero: total excl. VAT = total incl. VAT";
  if (confirmed(incl) && !excl) {
    // A VAT printed as zero settles it; a VAT not printed at all may be
    // included without being shown ("prices include VAT"): the supplier
    // confirms.
    Field field = *incl;
    field.source = FieldSource::kDerived;
    field.confidence = printed.empty() ? 0.55 : 0.7;
    field.check = how;
    out.fields["BT-109"] = field;
  } else if (incl && excl && incl->value == excl->value && !incl->check_failed &&
             !excl->check_failed) {
    confirm(out.fields["BT-109"], how);
    confirm(out.fields["BT-112"], how);
  } else {
    return;
  }
  if (!printed.empty()) {
    Field field = printed.back()->field;
    field.confidence = std::max(field.confidence, 0.7);
    field.check = how;
    out.fields["BT-110"] = field;
  }
}

// The amount paid before the invoice (BT-113): total incl. VAT - paid =
// amount due confirms all three; without an amount due printed, the due is
// derived from the other two.
void settle_paid_amount(const std::vector<Candidate>& paid_candidates, ExtractedInvoice& out) {
  if (paid_candidates.empty() || !out.field("BT-112"))
    return;
  const Candidate& paid = paid_candidates.back();
  const auto incl = Decimal::parse(out.field("BT-112")->value);
  if (!incl)
    return;
  const auto expected_due = incl->subtract(paid.value);
  if (!expected_due)
    return;
  Field paid_field = paid.field;
  const Field* due = out.field("BT-115");
  const char* const check = "total incl. VAT - amount paid = amount due";
  if (due) {
    const auto due_value = Decimal::parse(due->value);
    if (due_value && due_value->numerically_equal(*expected_due)) {
      confirm(paid_field, check, 0.85);
      confirm(out.fields["BT-112"], check, 0.85);
      confirm(out.fields["BT-115"], check, 0.85);
    } else {
      doubt(paid_field, std::string(check) + " does not hold");
    }
  } else {
    Field field;
    field.value = expected_due->to_string();
    field.source = FieldSource::kDerived;
    field.confidence = std::min(0.8, out.field("BT-112")->confidence);
    field.check = "total incl. VAT minus the amount paid";
    out.fields["BT-115"] = field;
  }
  out.fields["BT-113"] = paid_field;
}

// A total to confirm lists the other amounts read under its labels.
void offer_candidates(const std::array<std::vector<Candidate>, kKinds>& found,
                      ExtractedInvoice& out) {
  for (int k = 0; k < kKinds; ++k) {
    auto it = out.fields.find(kTerms[k]);
    if (it == out.fields.end())
      continue;
    Field& field = it->second;
    if (!to_confirm(field))
      continue;
    for (const auto& candidate : found[k]) {
      const std::string value = candidate.value.to_string();
      if (value != field.value && std::find(field.candidates.begin(), field.candidates.end(),
                                            value) == field.candidates.end())
        field.candidates.push_back(value);
    }
  }
}

}  // namespace

std::vector<VatRow> find_vat_rows(const Layout& layout) {
  std::vector<VatRow> rows;
  for (const auto& line : layout.lines()) {
    const auto numbers = numbers_of(line);
    if (numbers.size() < 3)
      continue;
    bool found = false;
    // basis before VAT; the rate anywhere, preferably marked with "%".
    for (int pass = 0; pass < 2 && !found; ++pass) {
      for (std::size_t r = 0; r < numbers.size() && !found; ++r) {
        if ((pass == 0) != numbers[r].percent || !plausible_rate(numbers[r].value))
          continue;
        for (std::size_t b = 0; b < numbers.size() && !found; ++b) {
          if (b == r || !numbers[b].has_decimals)
            continue;
          for (std::size_t v = b + 1; v < numbers.size() && !found; ++v) {
            if (v == r || !numbers[v].has_decimals || numbers[v].value.is_zero())
              continue;
            if (vat_matches(numbers[b].value, numbers[r].value, numbers[v].value)) {
              const Box numbers_box = unite(unite(numbers[b].box, numbers[r].box), numbers[v].box);
              rows.push_back(VatRow{numbers[b].value, numbers[r].value, numbers[v].value, line.page,
                                    numbers_box});
              found = true;
            }
          }
        }
      }
    }
  }
  // The same row printed twice (summary and detail) counts once.
  std::vector<VatRow> unique;
  for (auto& row : rows) {
    bool seen = std::any_of(unique.begin(), unique.end(), [&](const VatRow& u) {
      return u.rate.numerically_equal(row.rate) && u.basis.numerically_equal(row.basis) &&
             u.vat.numerically_equal(row.vat);
    });
    if (!seen)
      unique.push_back(row);
  }
  return unique;
}

void extract_totals(const Layout& layout, ExtractedInvoice& out) {
  auto found = candidates(layout, out.vat_breakdown);
  add_column_candidates(layout, found);

  std::vector<Decimal> bases, vats;
  for (const auto& row : out.vat_breakdown) {
    bases.push_back(row.basis);
    vats.push_back(row.vat);
  }
  const bool has_rows = !out.vat_breakdown.empty();
  const auto rows_basis = sum(bases);
  const auto rows_vat = sum(vats);

  // The best consistent triple: excl. + VAT = incl., preferring candidates
  // that also match the VAT rows, then later lines (the totals block closes
  // the invoice), then more specific labels.
  // The VAT rows' sum stands for a VAT total the invoice does not print
  // under a label of its own ("Tax 15% on $ 112.90   $ 16.94").
  std::vector<Candidate> vat_options = found[kVat];
  if (rows_vat && !out.vat_breakdown.empty()) {
    Box rows_box;
    for (const auto& row : out.vat_breakdown)
      rows_box = unite(rows_box, row.box);
    Field field = make_field(rows_vat->to_string(), rows_box, 90, out.vat_breakdown.front().page,
                             FieldSource::kDerived);
    vat_options.push_back(Candidate{*rows_vat, field, 0, 0});
  }
  // A corrected invoice's negative totals with a VAT amount read positive:
  // the scan lost its minus sign when the negated amount makes them add up.
  const auto negative = [](const std::vector<Candidate>& list) {
    return std::any_of(list.begin(), list.end(),
                       [](const Candidate& c) { return c.value.is_negative(); });
  };
  if (negative(found[kExcl]) && negative(found[kIncl])) {
    const std::size_t read = vat_options.size();
    for (std::size_t k = 0; k < read; ++k) {
      if (vat_options[k].value.is_negative() || vat_options[k].value.is_zero())
        continue;
      Candidate restored = vat_options[k];
      restored.value = restored.value.negate();
      restored.field.value = restored.value.to_string();
      restored.sign_restored = true;
      vat_options.push_back(std::move(restored));
    }
  }
  const Candidate* best[3] = {nullptr, nullptr, nullptr};
  int best_score = -1;
  for (const auto& e : found[kExcl]) {
    for (const auto& v : vat_options) {
      for (const auto& i : found[kIncl]) {
        if (!adds_up(e.value, v.value, i.value))
          continue;
        int score = 10;
        if (rows_basis && rows_basis->numerically_equal(e.value))
          score += 5;
        if (rows_vat && rows_vat->numerically_equal(v.value))
          score += 5;
        score += static_cast<int>(e.label_length + v.label_length + i.label_length) / 8;
        if (score > best_score) {
          best_score = score;
          best[0] = &e;
          best[1] = &v;
          best[2] = &i;
        }
      }
    }
  }
  const char* const arithmetic = "total excl. VAT + VAT total = total incl. VAT";
  if (best_score >= 0) {
    // The VAT rows agreeing as well make it certain.
    const double floor = best_score >= 15 ? 0.95 : 0.85;
    for (int k = 0; k < 3; ++k) {
      Field field = best[k]->field;
      confirm(field, arithmetic, floor);
      if (best[k]->sign_restored) {
        field.confidence = std::min(field.confidence, 0.8);
        field.check = std::string(arithmetic) + " once the minus sign the scan lost is restored";
      }
      out.fields[kTerms[k]] = field;
    }
  } else {
    // No consistent triple: the last candidate of each kind (closest to the
    // totals block), doubted when all three are there and disagree.
    // Short generic labels ("vat", "tva", "ust", "total") name too many
    // things to be trusted without the arithmetic: left empty, flagged.
    // Without the arithmetic, what is kept is unconfirmed: reported for
    // the supplier to confirm, with a confidence below the doubt threshold.
    // A total the amounts above it add up to is confirmed by that sum.
    constexpr std::size_t kSpecificLabel = 5;
    for (int k = 0; k < 3; ++k) {
      for (auto it = found[k].rbegin(); it != found[k].rend(); ++it) {
        if (it->label_length >= kSpecificLabel) {
          Field field = it->field;
          if (k != kVat && sums_the_column_above(layout, *it)) {
            confirm(field, "equals the sum of the amounts printed above it");
          } else {
            field.confidence = std::min(field.confidence, 0.55);
            field.check = "not confirmed: excl. + VAT = incl. could not be verified";
          }
          out.fields[kTerms[k]] = field;
          break;
        }
      }
    }
    // Derive the missing one of three from the VAT rows when they agree.
    auto* excl = out.fields.count("BT-109") ? &out.fields["BT-109"] : nullptr;
    auto* vat = out.fields.count("BT-110") ? &out.fields["BT-110"] : nullptr;
    auto* incl = out.fields.count("BT-112") ? &out.fields["BT-112"] : nullptr;
    // What is derived from two amounts is no surer than the less sure of
    // them: from unconfirmed amounts, it is for the supplier to confirm.
    auto derive_from = [&](const char* term, const std::optional<Decimal>& value, const char* how,
                           const Field& a, const Field& b) {
      if (!value)
        return;
      Field field;
      field.value = value->to_string();
      field.source = FieldSource::kDerived;
      field.confidence = std::min({0.7, a.confidence, b.confidence});
      field.check = how;
      out.fields[term] = field;
    };
    auto amount_of = [](const Field* field) { return Decimal::parse(field->value); };
    if (excl && vat && incl) {
      for (Field* field : {excl, vat, incl})
        doubt(*field, std::string(arithmetic) + " does not hold");
    } else if (!has_rows && incl && vat && !excl && amount_of(incl) && amount_of(vat)) {
      derive_from("BT-109", amount_of(incl)->subtract(*amount_of(vat)),
                  "total incl. VAT minus VAT total", *incl, *vat);
    } else if (!has_rows && excl && vat && !incl && amount_of(excl) && amount_of(vat)) {
      derive_from("BT-112", amount_of(excl)->add(*amount_of(vat)), "total excl. VAT plus VAT total",
                  *excl, *vat);
    } else if (has_rows && rows_basis && rows_vat) {
      auto rows_incl = rows_basis->add(*rows_vat);
      auto derive = [&](const char* term, const Decimal& value) {
        Field field;
        field.value = value.to_string();
        field.source = FieldSource::kDerived;
        field.confidence = 0.8;
        field.check = "from the VAT breakdown";
        out.fields[term] = field;
      };
      if (excl && rows_basis->numerically_equal(*Decimal::parse(excl->value))) {
        confirm(*excl, "equals the sum of the VAT breakdown bases", 0.8);
        if (!vat)
          derive("BT-110", *rows_vat);
        if (!incl && rows_incl)
          derive("BT-112", *rows_incl);
      } else if (incl && rows_incl && rows_incl->numerically_equal(*Decimal::parse(incl->value))) {
        confirm(*incl, "equals the VAT breakdown bases plus VAT", 0.8);
        if (!excl)
          derive("BT-109", *rows_basis);
        if (!vat)
          derive("BT-110", *rows_vat);
      }
    }
    derive_without_vat(found[kVat], out);
  }

  // Amount due: its own label, else the total incl. VAT (nothing prepaid).
  const Field* incl = out.field("BT-112");
  const Candidate* due = nullptr;
  for (const auto& d : found[kDue]) {
    if (!due || d.line_index > due->line_index)
      due = &d;
  }
  if (due) {
    Field field = due->field;
    const bool agrees = incl && Decimal::parse(incl->value) &&
                        Decimal::parse(incl->value)->numerically_equal(due->value);
    if (agrees) {
      confirm(field, "equals the total incl. VAT", confirmed(incl) ? incl->confidence : 0.0);
      // Two labels read on different lines give the same total: a check of
      // its own when the totals could not be checked by their sum.
      Field& total = out.fields["BT-112"];
      if (total.confidence < 0.6 && !total.check_failed && total.page == field.page &&
          total.box.y != field.box.y)
        confirm(total, "equals the amount due read elsewhere");
    }
    out.fields["BT-115"] = field;
  } else if (incl && found[kPaid].empty()) {
    Field field = *incl;
    field.source = FieldSource::kDerived;
    field.check = "no amount due printed: the total incl. VAT, nothing prepaid";
    field.confidence = std::min(field.confidence, 0.8);
    out.fields["BT-115"] = field;
  }
  settle_paid_amount(found[kPaid], out);
  offer_candidates(found, out);

  // The VAT rows themselves: each confirmed by its own product; their sums
  // against the totals.
  if (!out.vat_breakdown.empty() && rows_vat && out.field("BT-110")) {
    auto total_vat = Decimal::parse(out.field("BT-110")->value);
    if (total_vat && !rows_vat->numerically_equal(*total_vat))
      out.findings.push_back(Finding{"BG-23",
                                     "the VAT breakdown read (" + rows_vat->to_string() +
                                         ") does not add up to the VAT total " +
                                         total_vat->to_string(),
                                     false});
  }
}

}  // namespace einvoice::ocr
