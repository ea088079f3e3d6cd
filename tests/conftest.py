"""Tests never reach the network: the Hub endpoint defaults to a closed local port.

Code that would talk to huggingface.co (a build's benchmark decontamination, a card
download) then fails at once, as it does offline, instead of depending on this machine's
network. Tests that need a Hub start ``tests/hub_stub.py`` and point the clients at it.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_ENDPOINT", "http://127.0.0.1:9")  # port 9 (discard): nothing listens, refused at once
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
