#include "ocr/date_extractor.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "ocr/label_lexicon.h"
#include "ocr/value_readers.h"

namespace einvoice::ocr {
namespace {

// A date after "du" / "vom" on a title wrapped over lines: "... Nr. 12 vom"
// with the date at the start of the next line, or "... n° 12 du 22 octobre"
// with the year under it, in the title's column (a letterhead may share
// those lines on the left).
std::optional<Read<model::Date>> read_wrapped_date(const Layout& layout, const LabelHit& hit) {
  const auto& lines = layout.lines();
  const std::size_t next = static_cast<std::size_t>(hit.line->index) + 1;
  if (hit.after.empty()) {
    if (next < lines.size() && lines[next].page == hit.line->page)
      return read_date(Layout::tokens_of(lines[next]));
    return std::nullopt;
  }
  // Where the title's block starts on its line: the wrapped words start there.
  const auto& words = hit.line->line->words;
  const double line_height = std::max(1.0, hit.line->line->box.height);
  std::size_t first = hit.first_word;
  while (first > 0 && words[first].box.x - words[first - 1].box.right() <= 2 * line_height)
    --first;
  const double left = words.empty() ? hit.box.x : words[first].box.x;
  for (std::size_t i = next; i < lines.size() && i < next + 3; ++i) {
    if (lines[i].page != hit.line->page)
      break;
    std::vector<Token> continued = hit.after;
    for (const Token& token : Layout::tokens_of(lines[i])) {
      if (token.box.x >= left - 20)
        continued.push_back(token);
    }
    if (continued.size() == hit.after.size())
      continue;
    if (auto read = read_date(continued)) {
      read->confidence *= 0.9;  // put together from two lines
      return read;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// Days since 1970-01-01 of a proleptic Gregorian date (the civil-calendar
// day count).
long day_number(const model::Date& date) {
  const long y = date.month <= 2 ? date.year - 1 : date.year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long day_of_year = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// A payment term invoices state: a whole number of weeks or of the usual
// day counts, or the end of a month. Two dates that far apart were read
// right, both of them: a digit misread in either would break the term.
std::optional<std::string> payment_term(const model::Date& issue, const model::Date& due) {
  const long days = day_number(due) - day_number(issue);
  for (long term : {7L, 10L, 14L, 15L, 20L, 21L, 28L, 30L, 45L, 60L, 90L}) {
    if (days == term)
      return std::to_string(term) + " days after the issue date";
  }
  model::Date next_day = due;
  ++next_day.day;
  if (days > 0 && days <= 105 &&
      !model::Date::is_valid(next_day.year, next_day.month, next_day.day))
    return std::string("the end of a month after the issue date");
  return std::nullopt;
}

// A sentence wrapped after its label ("... überweisen Sie bitte bis zum"
// then "21.11.2018 auf das Konto"): the date that starts the next line.
std::optional<Read<model::Date>> read_sentence_continued(const Layout& layout,
                                                         const LayoutLine& line) {
  const auto& lines = layout.lines();
  const std::size_t next = static_cast<std::size_t>(line.index) + 1;
  if (next >= lines.size() || lines[next].page != line.page)
    return std::nullopt;
  const std::vector<Token> tokens = Layout::tokens_of(lines[next]);
  auto read = read_date(tokens);
  if (!read || tokens.empty() || read->box.x != tokens.front().box.x)
    return std::nullopt;
  read->confidence *= 0.9f;  // put together from two lines
  return read;
}

// Stems of the words that say a date is when payment is due, in French,
// English and German: "Date limite de règlement", "Payable le", "Payment
// due by", "Zahlungsziel", ... A label holding one of them as the start of
// a word names a due date, whatever its other words.
constexpr std::string_view kDueStems[] = {"echeance", "echu",      "due",        "payable",
                                          "payer",    "paiement",  "payment",    "pay",
                                          "regler",   "reglement", "limite",     "fallig",
                                          "zahlbar",  "zahlung",   "spatestens", "vervaldatum"};
// Words that start like those but say a payment was made ("Payé le",
// "Paid on"): that date is not due.
constexpr std::string_view kPaidWords[] = {"paye", "payee", "payes", "payees", "paid"};

bool names_a_due_date(std::string_view folded_label) {
  std::size_t begin = 0;
  while (begin < folded_label.size()) {
    std::size_t end = folded_label.find(' ', begin);
    if (end == std::string_view::npos)
      end = folded_label.size();
    const std::string_view word = folded_label.substr(begin, end - begin);
    for (std::string_view paid : kPaidWords) {
      if (word == paid)
        return false;
    }
    for (std::string_view stem : kDueStems) {
      if (word.substr(0, stem.size()) == stem)
        return true;
    }
    begin = end + 1;
  }
  return false;
}

bool has_letter(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// The words that label the value starting at `tokens[first]` of `line`: those
// before it in its segment of the line ("Date limite de règlement : 12/05"),
// else those over it on the line above (a grid's header), folded.
std::string label_of_value(const Layout& layout, const LayoutLine& line,
                           const std::vector<Token>& tokens, std::size_t first) {
  const double height = std::max(1.0, tokens[first].box.height);
  std::string before;
  for (std::size_t k = first; k > 0; --k) {
    if (tokens[k].box.x - tokens[k - 1].box.right() >= 3 * height)
      break;
    before = tokens[k - 1].text + (before.empty() ? "" : " ") + before;
  }
  if (has_letter(before))
    return fold_for_labels(before);
  const auto& lines = layout.lines();
  for (int index = line.index - 1; index >= 0 && index >= line.index - 2; --index) {
    const LayoutLine& above = lines[static_cast<std::size_t>(index)];
    if (above.page != line.page || line.line->box.y - above.line->box.bottom() > 3 * height)
      break;
    if (!has_letter(above.line->text()))
      continue;
    std::string over;
    for (const Token& token : Layout::tokens_of(above)) {
      if (token.box.right() >= tokens[first].box.x - height &&
          token.box.x <= tokens[first].box.right() + height)
        over += (over.empty() ? "" : " ") + token.text;
    }
    return fold_for_labels(over);
  }
  return {};
}

// No due-date label of the lexicon: the first date of the page's header
// whose label, in words the lexicon does not list, speaks of payment or of
// a due date. Below a listed label's confidence.
std::optional<Field> due_date_by_wording(const Layout& layout) {
  for (const auto& line : layout.lines()) {
    if (!in_header(line))
      break;
    const std::vector<Token> tokens = Layout::tokens_of(line);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      auto read = read_date(tokens, i);
      if (!read)
        break;
      if (read->box.x != tokens[i].box.x)
        continue;  // found further on: tried from its own first word
      if (names_a_due_date(label_of_value(layout, line, tokens, i)))
        return make_field(read->value.to_iso(), read->box, read->confidence * 0.9f, line.page,
                          FieldSource::kLabelled);
      i = read->next - 1;
    }
  }
  return std::nullopt;
}

// Checks a due date against the issue date read before it and records it:
// before the issue date it fails; a usual payment term after it confirms
// both.
void settle_due_date(Field due, ExtractedInvoice& out) {
  const Field* issue = out.field("BT-2");
  if (issue && due.value < issue->value) {
    due.confidence *= 0.5;
    due.check = "due date before the issue date";
    due.check_failed = true;
  } else if (issue) {
    due.check = "after the issue date";
    const auto issued = model::Date::parse_iso(issue->value);
    const auto date = model::Date::parse_iso(due.value);
    if (issued && date) {
      if (auto term = payment_term(*issued, *date)) {
        // Both confirmed by the term they make.
        due.check = *term;
        due.confidence = std::max(due.confidence, 0.8);
        Field& issue_field = out.fields["BT-2"];
        issue_field.confidence = std::max(issue_field.confidence, 0.8);
        if (issue_field.check.empty())
          issue_field.check = "the due date is " + *term;
      }
    }
  }
  out.fields["BT-9"] = due;
}

}  // namespace

void extract_dates(const Layout& layout, ExtractedInvoice& out, const LayoutLine* number_line) {
  // Issue date: a specific label; "du" / "vom" / "date" only on the number's
  // line ("Facture n° 12 du 05/03/2018", "Rechnung Nr. 12 vom 05.03.2018").
  std::optional<Field> issue;
  bool issue_specific = false;
  for (const auto& hit : layout.find(LabelKind::kIssueDate)) {
    const bool weak = hit.label == "du" || hit.label == "vom";
    if (weak && hit.line != number_line)
      continue;
    const bool specific = !weak && hit.label != "date" && hit.label != "datum";
    if (issue && (issue_specific || !specific))
      continue;
    auto read = read_date(hit.after);
    if (!read && !weak)
      read = read_date(hit.below);
    if (!read && weak)
      read = read_wrapped_date(layout, hit);
    if (!read)
      continue;
    issue = make_field(read->value.to_iso(), read->box, read->confidence, hit.line->page,
                       FieldSource::kLabelled);
    issue_specific = specific;
  }
  if (!issue) {
    // The first date of the header, unless its label says it is due.
    for (const auto& line : layout.lines()) {
      if (!in_header(line) || issue)
        break;
      if (layout.line_has(line, LabelKind::kDueDate))
        continue;
      const std::vector<Token> tokens = Layout::tokens_of(line);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto read = read_date(tokens, i);
        if (!read)
          break;
        if (read->box.x != tokens[i].box.x)
          continue;
        if (!names_a_due_date(label_of_value(layout, line, tokens, i))) {
          issue = make_field(read->value.to_iso(), read->box, read->confidence, line.page,
                             FieldSource::kFallback);
          break;
        }
        i = read->next - 1;
      }
    }
  }
  if (issue)
    out.fields["BT-2"] = *issue;

  std::optional<Field> due;
  for (const auto& hit : layout.find(LabelKind::kDueDate)) {
    auto read = read_date(hit.after);
    if (!read)
      read = read_date(hit.below);
    if (!read && hit.after.empty())
      read = read_sentence_continued(layout, *hit.line);
    if (!read)
      continue;
    due = make_field(read->value.to_iso(), read->box, read->confidence, hit.line->page,
                     FieldSource::kLabelled);
    break;
  }
  if (!due)
    due = due_date_by_wording(layout);
  if (due)
    settle_due_date(*due, out);
}

}  // namespace einvoice::ocr
