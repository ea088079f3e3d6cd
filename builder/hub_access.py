"""Reaching the Hugging Face Hub from a build, or knowing quickly that it cannot be reached.

Unreachable (no network, a firewall), huggingface_hub retries every request with backoff:
~25 s per dataset before the error. A build probes the endpoint once and, when it does not
answer, loads in offline mode: from the local cache if the data is there, else an error at once.
"""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlparse

HUB_PROBE_SECONDS = 3.0


def offline_by_setting() -> bool:
    """HF_HUB_OFFLINE or HF_DATASETS_OFFLINE is set: the user asked for no Hub requests."""
    return any(os.environ.get(name, "").upper() in ("1", "ON", "YES", "TRUE")
               for name in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE"))


def _endpoint() -> str:
    return os.environ.get("HF_ENDPOINT") or "https://huggingface.co"


def unreachable_reason() -> str:
    """Why a build is not asking the Hub, for an error that names it."""
    if offline_by_setting():
        return "offline mode is on (HF_HUB_OFFLINE / HF_DATASETS_OFFLINE)"
    return f"the Hub ({_endpoint()}) does not answer from here"


@functools.lru_cache(maxsize=1)
def hub_reachable(timeout: float = HUB_PROBE_SECONDS) -> bool:
    """Whether a TCP connection to the Hub endpoint opens within ``timeout`` (once per process)."""
    if offline_by_setting():
        return False
    url = urlparse(_endpoint())
    host, port = url.hostname or "huggingface.co", url.port or (443 if url.scheme == "https" else 80)
    outcome: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                outcome.append(True)
        except OSError:
            outcome.append(False)

    thread = threading.Thread(target=probe, daemon=True)  # getaddrinfo itself has no timeout
    thread.start()
    thread.join(timeout + 0.5)
    return bool(outcome and outcome[0])


@contextlib.contextmanager
def hub_mode(offline: bool) -> Iterator[None]:
    """Offline mode for huggingface_hub and datasets while loading, when the Hub is unreachable."""
    if not offline:
        yield
        return
    import datasets.config
    import huggingface_hub.constants

    saved = huggingface_hub.constants.HF_HUB_OFFLINE, datasets.config.HF_HUB_OFFLINE
    huggingface_hub.constants.HF_HUB_OFFLINE = datasets.config.HF_HUB_OFFLINE = True
    try:
        yield
    finally:
        huggingface_hub.constants.HF_HUB_OFFLINE, datasets.config.HF_HUB_OFFLINE = saved
