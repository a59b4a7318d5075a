// einvoice's French (BR-FR) verdicts against the official ones on the shared corpus.
#include <catch2/catch.hpp>

#include "official_verdicts.h"
