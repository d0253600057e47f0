#!/bin/sh
# Data-driven sentence-splitting tests (tests/split/*.test).
exec python3 "$(dirname "$0")/run.py"
