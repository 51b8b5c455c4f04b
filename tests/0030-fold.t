#!/bin/sh
# names compared as people type them: the short cuts for ASCII say what
# utf8_fold says (tests/unit/t-fold.c)
exec "$NW_UNIT/t-fold"
