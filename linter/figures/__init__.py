"""The figures engine: read the figures of an article, attach them to what they count, compare.

- :mod:`linter.figures.numbers` reads quantities (numerals, number words, dates, ages...);
- :mod:`linter.figures.anchors` finds the noun phrase a quantity counts and its scope;
- :mod:`linter.figures.intervals` turns a figure into the interval it asserts;
- :mod:`linter.figures.analysis` runs all three over a document, once, for every rule.
"""

from __future__ import annotations
