#!/usr/bin/env bash
# Installs kcat (librdkafka's command-line client) for the live test that authenticates with
# SASL/SCRAM from a client that is not Java. Run by the build before the live tests; when kcat cannot
# be installed here (not root, no apt-get), that test fails and says what to install.
set -uo pipefail
command -v kcat > /dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "Installing kcat for the live tests (apt-get install kcat)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kcat > /dev/null && exit 0
fi
echo "WARNING: kcat is not installed and could not be installed here; install it (apt-get install kcat)." >&2
exit 0
