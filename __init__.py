"""code2cot: execution traces of real programs -> verified chain-of-thought data.

Data flows one way through the subpackages: ``builder`` (execute, trace, translate,
verify, build the dataset) -> ``hub`` (cards, push, train) -> ``eval`` (benchmarks)
-> ``space`` (the demo).
"""

__version__ = "0.1.0"
