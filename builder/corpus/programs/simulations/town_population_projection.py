PROBLEM = """A town planner projects population year by year: each year the population grows by the birth rate, shrinks by the death rate, and gains a fixed number of net migrants; the result is rounded down to whole people. How many years until the population first reaches a target (give up after 200 years), and what is the population then?"""
IO_REQUIREMENTS = """Input:
  population (int): current population, >= 0.
  birth_rate (float): births per person per year, e.g. 0.012.
  death_rate (float): deaths per person per year.
  migrants (int): net migrants per year (may be negative).
  target (int): population to reach.
Output:
  return (dict): {"years": int (-1 if not reached in 200 years), "population": int (population when stopping), "history": list of int (first 5 projected years)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"population": 50000, "birth_rate": 0.012, "death_rate": 0.009, "migrants": 400, "target": 60000},
    {"population": 1000, "birth_rate": 0.01, "death_rate": 0.02, "migrants": 0, "target": 2000},
    {"population": 8000, "birth_rate": 0.0, "death_rate": 0.0, "migrants": 0, "target": 8000},
    {"population": 120, "birth_rate": 0.03, "death_rate": 0.01, "migrants": 2, "target": 500},
]


def next_year(population, birth_rate, death_rate, migrants):
    change = population * (birth_rate - death_rate)
    return max(0, int(population + change + migrants))


def main_solution(population, birth_rate, death_rate, migrants, target):
    years = 0
    history = []
    while population < target:
        if years == 200:
            return {"years": -1, "population": population, "history": history}
        population = next_year(population, birth_rate, death_rate, migrants)
        years += 1
        if len(history) < 5:
            history.append(population)
    return {"years": years, "population": population, "history": history}
