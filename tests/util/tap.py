# tap.py: the results of a Python check, printed as TAP for meson test
#
# SPDX-License-Identifier: GPL-3.0-or-later


class Results:
    """Checks in the order they ran, each with a name, a verdict and what went wrong"""

    def __init__(self):
        self.results = []

    def check(self, name, condition, detail=""):
        self.results.append((name, bool(condition), detail))

    def print_tap(self):
        print(f"1..{len(self.results)}")
        for i, (name, ok, detail) in enumerate(self.results, 1):
            print(f"{'ok' if ok else 'not ok'} {i} {name}")
            if not ok and detail:
                print(f"# {detail}")
        return 0
