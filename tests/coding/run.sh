#!/bin/sh
# Data-driven event coding tests (tests/coding/*.test).
exec python3 "$(dirname "$0")/run.py"
