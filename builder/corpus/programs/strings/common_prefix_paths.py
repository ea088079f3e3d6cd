PROBLEM = """A file manager shows the deepest folder shared by a set of file paths. Find the longest common prefix of the paths character by character, then cut it back to the last complete folder (ending at a "/"), so that "/home/anna" and "/home/anne" share "/home/" rather than "/home/ann"."""
IO_REQUIREMENTS = """Input:
  paths (list of str): absolute paths starting with "/", at least one.
Output:
  return (dict): {"char_prefix": str, "folder": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"paths": ["/home/anna/docs/a.txt", "/home/anne/b.txt", "/home/ann/c.txt"]},
    {"paths": ["/var/log/syslog"]},
    {"paths": ["/usr/lib/x", "/etc/y"]},
    {"paths": ["/data/2024/jan/report.csv", "/data/2024/jan/summary.csv", "/data/2024/feb/report.csv"]},
]


def char_prefix(paths):
    prefix = paths[0]
    for path in paths[1:]:
        length = 0
        while length < min(len(prefix), len(path)) and prefix[length] == path[length]:
            length += 1
        prefix = prefix[:length]
    return prefix


def main_solution(paths):
    prefix = char_prefix(paths)
    last_slash = prefix.rfind("/")
    folder = prefix[:last_slash + 1]
    return {"char_prefix": prefix, "folder": folder}
