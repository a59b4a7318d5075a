#include "engine/batch_runner.h"

namespace einvoice::engine {

const char* to_string(ItemState state) {
  switch (state) {
    case ItemState::kDone:
      return "done";
    case ItemState::kRefused:
      return "refused";
    case ItemState::kFailed:
      return "failed";
    case ItemState::kSkipped:
      return "skipped";
    case ItemState::kCancelled:
      return "cancelled";
  }
  return "failed";
}

void BatchTotals::count(ItemState state) {
  ++finished;
  switch (state) {
    case ItemState::kDone:
      ++done;
      break;
    case ItemState::kRefused:
      ++refused;
      break;
    case ItemState::kFailed:
      ++failed;
      break;
    case ItemState::kSkipped:
      ++skipped;
      break;
    case ItemState::kCancelled:
      ++cancelled;
      break;
  }
}

}  // namespace einvoice::engine
