"""Benchmarks, metrics and reports: accuracy and output length of fine-tuned models."""
