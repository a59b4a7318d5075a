#pragma once

// The folding labels and names are compared in: what differs between two
// printings of the same words (case, accents, ligatures, full-width or
// superscript forms, punctuation, spacing) folded away through Unicode's
// own tables (utf8proc), so that "N° de Facture :" and "no DE FACTURE"
// meet, and "Élèves" is "Eleves" misread by a scan only in its accent.

#include <string>
#include <string_view>

namespace einvoice::ocr {

// Lower case (Unicode case folding: "ß" -> "ss"), marks removed after
// compatibility decomposition ("é" -> "e", "ﬁ" -> "fi", "²" -> "2"), the
// ligatures Unicode does not decompose spelled out ("œ" -> "oe", "æ" ->
// "ae"), every character that is not a letter or a digit (and every byte
// that is not UTF-8) turned into a space, runs of spaces collapsed, no
// leading or trailing space. Letters of other scripts are kept, folded.
// "N° de Facture :" -> "n de facture".
std::string fold_for_labels(std::string_view text);

}  // namespace einvoice::ocr
