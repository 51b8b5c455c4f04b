#!/bin/sh
# the editor engine on hand-written files, exact bytes (tests/unit/t-edit.c)
exec "$NW_UNIT/t-edit"
