#!/bin/sh
# dates, durations, relative forms, birthdays (tests/unit/t-date.c)
exec "$NW_UNIT/t-date"
