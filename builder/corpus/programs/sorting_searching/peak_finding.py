PROBLEM = """A hiker records altitudes at equally spaced points along a trail. A peak is a point that is strictly higher than its neighbours (points at the ends only need to beat their single neighbour). Find one peak quickly with binary search (always move towards the higher neighbour), and also list all peaks with a linear scan for comparison."""
IO_REQUIREMENTS = """Input:
  altitudes (list of int): at least one value; neighbouring values are different.
Output:
  return (dict): {"binary_peak": int (index), "all_peaks": list of int (indices), "probes": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"altitudes": [1, 3, 20, 4, 1, 0]},
    {"altitudes": [5]},
    {"altitudes": [1, 2, 3, 4, 5]},
    {"altitudes": [10, 20, 15, 2, 23, 90, 67]},
]


def binary_peak(altitudes):
    low, high = 0, len(altitudes) - 1
    probes = 0
    while low < high:
        middle = (low + high) // 2
        probes += 1
        if altitudes[middle] < altitudes[middle + 1]:
            low = middle + 1
        else:
            high = middle
    return low, probes


def all_peaks(altitudes):
    peaks = []
    for i, height in enumerate(altitudes):
        left_ok = i == 0 or altitudes[i - 1] < height
        right_ok = i == len(altitudes) - 1 or altitudes[i + 1] < height
        if left_ok and right_ok:
            peaks.append(i)
    return peaks


def main_solution(altitudes):
    peak, probes = binary_peak(altitudes)
    return {"binary_peak": peak, "all_peaks": all_peaks(altitudes), "probes": probes}
