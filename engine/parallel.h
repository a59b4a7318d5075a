#pragma once

#include <cstddef>
#include <functional>

namespace einvoice::engine {

// Calls work(i) once for every i in [0, count), on `threads` threads (0: one
// per core; never more than `count`), handing out indices in increasing
// order. Returns when every call has returned. `work` must be thread-safe and
// must not throw.
void for_each_parallel(std::size_t count, unsigned threads,
                       const std::function<void(std::size_t)>& work);

}  // namespace einvoice::engine
