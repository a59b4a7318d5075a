// Unit tests of one rule family on hand-built invoices and documents.
#include <catch2/catch.hpp>

#include "validation/rules.h"
