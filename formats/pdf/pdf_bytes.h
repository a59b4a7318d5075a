#pragma once

// The byte classes of PDF syntax (ISO 32000-1, 7.2.2), shared by the
// module's scanners and lexers.

namespace einvoice::pdf {

// White space: NUL, tab, line feed, form feed, carriage return, space.
inline bool pdf_is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

inline bool pdf_is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

// Neither white space nor a delimiter: part of a name, number or keyword.
inline bool pdf_is_regular(char c) {
  return !pdf_is_space(c) && !pdf_is_delimiter(c);
}

}  // namespace einvoice::pdf
