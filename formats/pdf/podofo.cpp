#include "formats/pdf/podofo.h"

namespace einvoice::pdf {

void quiet_podofo() {
  static const bool done = [] {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    return true;
  }();
  (void)done;
}

}  // namespace einvoice::pdf
