PROBLEM = """Repeatedly replace a number by the sum of its digits until a single digit remains; that digit is the digital root and the number of rounds is the additive persistence. Do the same with the product of digits to get the multiplicative root and persistence. Record the chain of values for both processes."""
IO_REQUIREMENTS = """Input:
  n (int): starting number, n >= 0.
Output:
  return (dict): {"additive_chain": list of int, "digital_root": int, "multiplicative_chain": list of int, "multiplicative_root": int}. Each chain starts with n."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 9875},
    {"n": 7},
    {"n": 277777788888899},
    {"n": 1000},
]


def digits_of(n):
    return [int(ch) for ch in str(n)]


def digit_product(n):
    product = 1
    for digit in digits_of(n):
        product *= digit
    return product


def chain(n, step):
    values = [n]
    while values[-1] >= 10:
        values.append(step(values[-1]))
    return values


def main_solution(n):
    additive = chain(n, lambda value: sum(digits_of(value)))
    multiplicative = chain(n, digit_product)
    return {"additive_chain": additive, "digital_root": additive[-1],
            "multiplicative_chain": multiplicative, "multiplicative_root": multiplicative[-1]}
