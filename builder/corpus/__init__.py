"""The shipped corpus: original programs in the PyEdu shape, one ``.py`` file each (Apache-2.0)."""

from pathlib import Path

PROGRAMS_DIR = Path(__file__).parent / "programs"
"""Folder-format programs, grouped by category (see ``builder/sources.py`` for the format)."""
