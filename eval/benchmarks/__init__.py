"""Benchmarks by name: ``REGISTRY``, ``register``, ``get_benchmark``.

Every module in this package is imported here, so a new benchmark is one small file that calls
``register(Benchmark(...))``.
"""

from __future__ import annotations

import importlib
import pkgutil

from .registry import (
    REGISTRY,
    Benchmark,
    Sample,
    get_benchmark,
    load_rows,
    parse_benchmarks,
    register,
    user_turn,
)

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module != "registry":
        importlib.import_module(f"{__name__}.{_module}")

__all__ = ["REGISTRY", "Benchmark", "Sample", "get_benchmark", "load_rows", "parse_benchmarks", "register",
           "user_turn"]
