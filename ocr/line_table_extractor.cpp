#include "ocr/line_table_extractor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

#include "ocr/label_lexicon.h"
#include "ocr/line_table_check.h"
#include "ocr/text_patterns.h"
#include "ocr/value_readers.h"

namespace einvoice::ocr {
namespace {

using model::Decimal;

enum class Column { kDescription, kQuantity, kUnitPrice, kNet, kVatRate };

struct ColumnLabel {
  std::string_view folded;
  Column column;
};

// Column headings, folded; longer ones are tried first at each word.
constexpr ColumnLabel kColumnLabels[] = {
    {"prix unitaire ht", Column::kUnitPrice},
    {"prix unit ht", Column::kUnitPrice},
    {"prix total ht", Column::kNet},
    {"prix unitaire", Column::kUnitPrice},
    {"prix unit", Column::kUnitPrice},
    {"p u ht", Column::kUnitPrice},
    {"pu ht", Column::kUnitPrice},
    {"prix ht", Column::kUnitPrice},
    {"montant ht", Column::kNet},
    {"total ht", Column::kNet},
    {"prix total", Column::kNet},
    {"taux tva", Column::kVatRate},
    {"tva", Column::kVatRate},
    {"unit price", Column::kUnitPrice},
    {"net amount", Column::kNet},
    {"line total", Column::kNet},
    {"vat rate", Column::kVatRate},
    {"tax rate", Column::kVatRate},
    {"p u", Column::kUnitPrice},
    {"designation", Column::kDescription},
    {"description", Column::kDescription},
    {"libelle", Column::kDescription},
    {"article", Column::kDescription},
    {"prestation", Column::kDescription},
    {"produit", Column::kDescription},
    {"item", Column::kDescription},
    {"bezeichnung", Column::kDescription},
    {"artikelbezeichnung", Column::kDescription},
    {"beschreibung", Column::kDescription},
    {"leistung", Column::kDescription},
    {"omschrijving", Column::kDescription},
    {"qte", Column::kQuantity},
    {"quantite", Column::kQuantity},
    {"qty", Column::kQuantity},
    {"quantity", Column::kQuantity},
    {"menge", Column::kQuantity},
    {"anzahl", Column::kQuantity},
    {"aantal", Column::kQuantity},
    {"pu", Column::kUnitPrice},
    {"price", Column::kUnitPrice},
    {"einzelpreis", Column::kUnitPrice},
    {"nettopreis", Column::kUnitPrice},
    {"preis", Column::kUnitPrice},
    {"prijs", Column::kUnitPrice},
    {"stukprijs", Column::kUnitPrice},
    {"montant", Column::kNet},
    {"amount", Column::kNet},
    {"total", Column::kNet},
    {"betrag", Column::kNet},
    {"gesamtpreis", Column::kNet},
    {"gesamt", Column::kNet},
    {"entgelt", Column::kNet},
    {"bedrag", Column::kNet},
    {"totaal", Column::kNet},
    {"vat", Column::kVatRate},
    {"mwst", Column::kVatRate},
    {"ust", Column::kVatRate},
    {"steuer", Column::kVatRate},
    {"btw", Column::kVatRate},
};

// First words of the lines that close a table (totals, VAT summary).
constexpr std::string_view kClosingWords[] = {"total",
                                              "totaux",
                                              "sous total",
                                              "subtotal",
                                              "summe",
                                              "totaal",
                                              "subtotaal",
                                              "gesamtsumme",
                                              "zwischensumme",
                                              "belegsummen",
                                              "steueraufschlusselung",
                                              "umsatzsteueraufschlusselung"};

// Amounts carried from one page to the next: neither rows nor the end.
constexpr std::string_view kCarriedWords[] = {"report",    "a reporter",      "ubertrag",
                                              "transport", "carried forward", "brought forward"};

struct HeaderColumn {
  Column column;
  Box box;
};

// The header row of a table: its columns left to right, the net column
// possibly guessed (right of every heading) when no heading names it.
struct Header {
  std::vector<HeaderColumn> columns;
  const LayoutLine* line = nullptr;

  const HeaderColumn* find(Column c) const {
    for (const auto& col : columns) {
      if (col.column == c)
        return &col;
    }
    return nullptr;
  }
};

// The folded pieces of a line's words, each with the word it comes from.
struct Piece {
  std::string text;
  std::size_t word;
};

std::vector<Piece> pieces_of(const LayoutLine& line) {
  std::vector<Piece> out;
  for (std::size_t w = 0; w < line.word_begin.size(); ++w) {
    const std::string word =
        line.folded.substr(line.word_begin[w], line.word_end[w] - line.word_begin[w]);
    std::size_t at = 0;
    while (at < word.size()) {
      std::size_t end = word.find(' ', at);
      if (end == std::string::npos)
        end = word.size();
      if (end > at)
        out.push_back(Piece{word.substr(at, end - at), w});
      at = end + 1;
    }
  }
  return out;
}

// How many pieces from `at` spell `label` ("p u ht" over "P.U." + "HT"); 0
// when they do not.
std::size_t match_label(const std::vector<Piece>& pieces, std::size_t at, std::string_view label) {
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < label.size()) {
    if (at + used >= pieces.size())
      return 0;
    const std::string& piece = pieces[at + used].text;
    if (label.compare(pos, piece.size(), piece) != 0)
      return 0;
    pos += piece.size();
    ++used;
    if (pos < label.size()) {
      if (label[pos] != ' ')
        return 0;
      ++pos;
    }
  }
  return used;
}

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A header row: column headings, nothing that looks like a value, and at
// least an item column with an amount column, or three kinds of column.
std::optional<Header> header_of(const LayoutLine& line) {
  const auto pieces = pieces_of(line);
  Header header;
  header.line = &line;
  std::size_t unknown = 0;
  for (std::size_t i = 0; i < pieces.size();) {
    if (has_digit(pieces[i].text))
      return std::nullopt;
    std::size_t used = 0;
    const ColumnLabel* matched = nullptr;
    for (const auto& label : kColumnLabels) {
      used = match_label(pieces, i, label.folded);
      if (used > 0) {
        matched = &label;
        break;
      }
    }
    if (!matched) {
      ++unknown;
      ++i;
      continue;
    }
    Box box;
    for (std::size_t k = i; k < i + used; ++k)
      box = unite(box, line.line->words[pieces[k].word].box);
    const bool repeated = header.find(matched->column) != nullptr;
    if (!repeated)
      header.columns.push_back(HeaderColumn{matched->column, box});
    else if (matched->column == Column::kNet || matched->column == Column::kDescription)
      return std::nullopt;
    i += used;
  }
  const bool item = header.find(Column::kDescription) != nullptr;
  const bool quantity = header.find(Column::kQuantity) != nullptr;
  const bool net = header.find(Column::kNet) != nullptr;
  const bool price = header.find(Column::kUnitPrice) != nullptr;
  const std::size_t kinds = header.columns.size();
  if (unknown > kinds + 1)
    return std::nullopt;
  if (!((item && net) || (kinds >= 3 && (item || quantity) && (net || price))))
    return std::nullopt;
  if (!net) {
    // "Positionsbetrag" printed over two lines: the amounts right of every
    // heading are the nets.
    double right = 0;
    for (const auto& col : header.columns)
      right = std::max(right, col.box.right());
    const double edge = line.page_width > right ? line.page_width : right + 200;
    header.columns.push_back(
        HeaderColumn{Column::kNet, Box{right + 4, line.line->box.y, edge - right - 4, 1}});
  }
  std::sort(header.columns.begin(), header.columns.end(),
            [](const HeaderColumn& a, const HeaderColumn& b) { return a.box.x < b.box.x; });
  return header;
}

// The words of a row line by column: each word goes to the column whose
// heading it overlaps or stands nearest to; the item column reaches right
// up to the next heading.
struct RowCells {
  std::array<std::vector<Token>, 5> cells;
  const std::vector<Token>& operator[](Column c) const { return cells[static_cast<int>(c)]; }
};

RowCells cells_of(const Header& header, const LayoutLine& line) {
  RowCells row;
  const auto& cols = header.columns;
  for (const auto& word : line.line->words) {
    double best = std::numeric_limits<double>::max();
    double best_centre = std::numeric_limits<double>::max();
    const HeaderColumn* chosen = nullptr;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      double left = cols[c].box.x;
      double right = cols[c].box.right();
      if (cols[c].column == Column::kDescription) {
        left = c == 0 ? -1e9 : left - 4;
        right = c + 1 < cols.size() ? cols[c + 1].box.x - 4 : 1e9;
      }
      const double gap = std::max({0.0, left - word.box.right(), word.box.x - right});
      const double centre =
          std::abs((word.box.x + word.box.right()) / 2 - (cols[c].box.x + cols[c].box.right()) / 2);
      if (gap < best || (gap == best && centre < best_centre)) {
        best = gap;
        best_centre = centre;
        chosen = &cols[c];
      }
    }
    if (chosen)
      row.cells[static_cast<int>(chosen->column)].push_back(
          Token{word.text, word.box, word.confidence});
  }
  return row;
}

bool starts_with_any(const std::string& folded, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (folded.compare(0, w.size(), w) == 0 &&
        (folded.size() == w.size() || folded[w.size()] == ' '))
      return true;
  }
  return false;
}

// A totals label of `kind` in the line: one of several words anywhere, one
// word ("total", "tva") only at the line's start, since single words also
// occur in item names and in the table's own header.
bool contains_label(const std::string& folded, LabelKind kind) {
  for (std::string_view label : labels_of(kind)) {
    if (label.find(' ') == std::string_view::npos) {
      if (starts_with_any(folded, std::span<const std::string_view>(&label, 1)))
        return true;
      continue;
    }
    std::size_t at = folded.find(label);
    while (at != std::string::npos) {
      const std::size_t end = at + label.size();
      if ((at == 0 || folded[at - 1] == ' ') && (end == folded.size() || folded[end] == ' '))
        return true;
      at = folded.find(label, at + 1);
    }
  }
  return false;
}

// Totals, VAT summary: the table is over.
bool closes_table(const LayoutLine& line) {
  return starts_with_any(line.folded, kClosingWords) ||
         contains_label(line.folded, LabelKind::kTotalExclVat) ||
         contains_label(line.folded, LabelKind::kVatTotal) ||
         contains_label(line.folded, LabelKind::kTotalInclVat) ||
         contains_label(line.folded, LabelKind::kAmountDue);
}

std::string trimmed_number(std::string text) {
  while (!text.empty() && (text.back() == '%' || text.back() == ',' || text.back() == ')'))
    text.pop_back();
  while (!text.empty() && text.front() == '(')
    text.erase(0, 1);
  return text;
}

// A number with or without decimals in the first word that holds one
// ("20 Stk", "3 m²", "2,5 h").
std::optional<Read<Decimal>> read_number(const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (auto value = parse_amount(trimmed_number(tokens[i].text), true))
      return Read<Decimal>{*value, tokens[i].box, tokens[i].confidence, i + 1};
    if (has_digit(tokens[i].text))
      return std::nullopt;
  }
  return std::nullopt;
}

// A percentage from 0 to 30 ("20 %", "5,5%", "19 % VAT (S)").
std::optional<Read<Decimal>> read_rate(const std::vector<Token>& tokens) {
  auto number = read_number(tokens);
  if (!number || number->value.is_negative() ||
      number->value.compare(Decimal::from_int(30)) == std::strong_ordering::greater)
    return std::nullopt;
  return number;
}

// A unit price: an amount, or a whole number when the column holds nothing
// else.
std::optional<Read<Decimal>> read_price(const std::vector<Token>& tokens) {
  if (auto amount = read_amount(tokens))
    return amount;
  return read_number(tokens);
}

Field number_field(const Read<Decimal>& read, int page) {
  return make_field(read.value.to_string(), read.box, read.confidence, page,
                    FieldSource::kLabelled);
}

// "(3 x 850,00, TVA 20 %)" written after an item's name: its quantity,
// price and rate, when no column gives them. Returns the name's tokens
// without the group.
std::vector<Token> read_inline_details(std::vector<Token> name, ExtractedLine& line, int page) {
  std::size_t open = name.size();
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (!name[i].text.empty() && name[i].text.front() == '(')
      open = i;
  }
  if (open == name.size() || name.back().text.back() != ')')
    return name;
  std::vector<Token> group(name.begin() + static_cast<long>(open), name.end());
  for (auto& t : group)
    t.text = trimmed_number(t.text);
  bool understood = false;
  for (std::size_t i = 0; i + 2 < group.size(); ++i) {
    const std::string times = fold_for_labels(group[i + 1].text);
    if (times != "x" && group[i + 1].text != "×")
      continue;
    auto quantity = parse_amount(group[i].text, true);
    std::vector<Token> rest(group.begin() + static_cast<long>(i) + 2, group.end());
    auto price = read_amount(rest);
    if (quantity && price && !line.quantity && !line.unit_price) {
      line.quantity = make_field(quantity->to_string(), group[i].box, group[i].confidence, page,
                                 FieldSource::kLabelled);
      line.unit_price = number_field(*price, page);
      understood = true;
    }
  }
  for (std::size_t i = 0; i + 1 < group.size(); ++i) {
    const std::string word = fold_for_labels(group[i].text);
    if (word != "tva" && word != "vat" && word != "mwst" && word != "btw" && word != "ust")
      continue;
    std::vector<Token> rest(group.begin() + static_cast<long>(i) + 1, group.end());
    if (auto rate = read_rate(rest); rate && !line.vat_rate) {
      line.vat_rate = number_field(*rate, page);
      understood = true;
    }
  }
  if (understood)
    name.resize(open);
  return name;
}

// Words of an item column that are not part of its name: a position number
// left of the column's heading.
std::vector<Token> name_words(const Header& header, const std::vector<Token>& cell) {
  const HeaderColumn* description = header.find(Column::kDescription);
  std::vector<Token> out;
  for (const auto& token : cell) {
    const bool position = description && token.box.right() < description->box.x - 2 &&
                          digits_of(token.text).size() == token.text.size();
    if (!position)
      out.push_back(token);
  }
  return out;
}

// A line under an item that continues its name: text only, no label with
// its value, no code made of digits.
bool continues_name(const std::vector<Token>& words) {
  if (words.empty())
    return false;
  const std::string text = join(words);
  if (text.find(':') != std::string::npos)
    return false;
  const auto digits = digits_of(text).size();
  return digits * 2 < text.size();
}

void check_row(ExtractedLine& line) {
  if (!line.quantity || !line.unit_price)
    return;
  auto q = Decimal::parse(line.quantity->value);
  auto p = Decimal::parse(line.unit_price->value);
  auto n = Decimal::parse(line.net_amount.value);
  if (!q || !p || !n)
    return;
  auto product = q->multiply(*p);
  auto difference = product ? product->subtract(*n) : std::nullopt;
  const bool holds = difference && difference->abs().compare(Decimal::from_unscaled(1, 2)) !=
                                       std::strong_ordering::greater;
  if (holds) {
    line.net_amount.check = "quantity x unit price = net";
    for (Field* f : {&line.net_amount, &*line.quantity, &*line.unit_price})
      f->confidence = std::max(f->confidence, 0.95);
  } else {
    line.net_amount.check = "quantity x unit price = " +
                            (product ? product->rounded(2).to_string() : std::string("?")) +
                            ", not the net (a discount, or a misread)";
    line.net_amount.check_failed = true;
    line.net_amount.confidence *= 0.7;
  }
}

// Reads the rows under `header` until the totals; the table goes on over
// the next pages, under their repeated header when they print one.
std::vector<ExtractedLine> read_rows(const Layout& layout, Header header) {
  std::vector<ExtractedLine> rows;
  const auto& lines = layout.lines();
  const double height = std::max(6.0, header.line->line->box.height);
  int page = header.line->page;
  double last_bottom = header.line->line->box.bottom();
  bool naming = false;  // the next text lines continue the last row's name
  int continuation = 0;
  for (std::size_t i = static_cast<std::size_t>(header.line->index) + 1; i < lines.size(); ++i) {
    const LayoutLine& line = lines[i];
    if (line.page != page) {
      page = line.page;
      naming = false;
      last_bottom = -1;
    }
    if (auto repeated = header_of(line)) {
      header = *repeated;
      naming = false;
      last_bottom = line.line->box.bottom();
      continue;
    }
    if (closes_table(line))
      break;
    const double gap = line.line->box.y - last_bottom;
    if (last_bottom >= 0 && gap > 8 * height)
      break;
    if (starts_with_any(line.folded, kCarriedWords)) {
      naming = false;
      continue;
    }
    const RowCells cells = cells_of(header, line);
    auto net = read_amount(cells[Column::kNet]);
    if (!net) {
      if (last_bottom >= 0 && gap > 2.2 * height)
        naming = false;
      const auto words = name_words(header, cells[Column::kDescription]);
      if (naming && continuation < 4 && continues_name(words) && !rows.empty()) {
        Field& name = rows.back().name;
        name.value += (name.value.empty() ? "" : " ") + join(words);
        for (const auto& w : words)
          name.box = unite(name.box, w.box);
        ++continuation;
        last_bottom = line.line->box.bottom();
      } else if (last_bottom >= 0) {
        naming = false;
      }
      continue;
    }
    ExtractedLine row;
    row.net_amount = number_field(*net, line.page);
    auto words = name_words(header, cells[Column::kDescription]);
    if (auto q = read_number(cells[Column::kQuantity]))
      row.quantity = number_field(*q, line.page);
    if (auto p = read_price(cells[Column::kUnitPrice]))
      row.unit_price = number_field(*p, line.page);
    if (auto r = read_rate(cells[Column::kVatRate]))
      row.vat_rate = number_field(*r, line.page);
    words = read_inline_details(words, row, line.page);
    row.name = field_of_tokens(words, line.page, FieldSource::kLabelled);
    if (words.empty()) {
      row.name.page = line.page;
      row.name.box = line.line->box;
    }
    check_row(row);
    rows.push_back(std::move(row));
    naming = true;
    continuation = 0;
    last_bottom = line.line->box.bottom();
  }
  return rows;
}

}  // namespace

void extract_line_table(const Layout& layout, ExtractedInvoice& out) {
  std::optional<Header> header;
  for (const auto& line : layout.lines()) {
    header = header_of(line);
    if (!header)
      continue;
    auto rows = read_rows(layout, *header);
    if (rows.empty())
      continue;  // a header-like line without rows (a VAT summary, ...)
    out.line_table.lines = std::move(rows);
    break;
  }
  auto& table = out.line_table;
  if (table.lines.empty())
    return;
  Decimal sum = Decimal::from_unscaled(0, 2);
  for (const auto& line : table.lines) {
    if (auto net = Decimal::parse(line.net_amount.value))
      sum = sum.add(*net).value_or(sum);
  }
  const auto expected = expected_line_total(out);
  if (!expected) {
    table.check = "no total excluding VAT to compare the line nets (" + sum.to_string() + ") with";
  } else {
    table.sum_matches = sum.numerically_equal(*expected);
    table.check = "sum of line nets " + sum.to_string() + (table.sum_matches ? " = " : " != ") +
                  "line net total " + expected->to_string();
  }
  if (table.sum_matches) {
    for (auto& line : table.lines)
      line.net_amount.confidence = std::max(line.net_amount.confidence, 0.97);
  }
  if (auto problem = line_table_problem(out)) {
    Finding finding;
    finding.term = "BG-25";
    finding.message = "line table read (" + std::to_string(table.lines.size()) +
                      " lines) but not used: " + *problem +
                      "; the invoice gets one line per VAT rate";
    finding.advisory = true;
    out.findings.push_back(std::move(finding));
  }
}

}  // namespace einvoice::ocr
