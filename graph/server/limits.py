"""Limits on a query's text, checked before the SPARQL parser sees it.

Oxigraph's parser and planner recurse over the query: a few kilobytes of nested groups
(``{{{{…``), a long run of ``!`` or ``(``, or thousands of ``UNION`` branches overflow the stack
of the process that parses them (a segmentation fault, not an error), and a few hundred triple
patterns, path steps or ``OPTIONAL`` blocks take seconds to plan before a row is read. The server
reads every query's tokens first (:mod:`recgraph.graph.server.lexer`, one linear pass) and refuses,
with a 400 that names the limit, a text that passes any of:

- its length (characters);
- its nesting depth (``{``, ``(`` and ``[`` open at once);
- its path and negation operators (``/``, ``|``, ``^``, ``!``, counted over the whole text);
- its group operators (``UNION``, ``OPTIONAL``, ``MINUS``, ``GRAPH``, ``SERVICE``, ``EXISTS``,
  ``FILTER``, ``BIND``, ``VALUES``, sub-``SELECT``s);
- its separators of triple patterns (``.``, ``;`` and ``,`` inside groups), about the number of
  triple patterns.

The defaults were measured on pyoxigraph 0.5 (probes with growing counts of each construct on an
empty store, in a process of its own): 2,500 nested groups, 3,000 ``MINUS`` blocks and 10,000
``UNION`` branches crashed it; 300 triple patterns or path steps took about 3 s to plan and 300
``OPTIONAL`` blocks 16 s. Each default sits well below the crash and near a second of planning,
and many times above what the 16 saved queries use (at most 2 KB, 8 brackets deep, 4 path
operators, 14 group operators, 20 separators). Queries that pass still run under the timeout and the memory cap, in a process that
is killed when they overrun (:mod:`recgraph.graph.server.workers`).
"""

from __future__ import annotations

from dataclasses import dataclass

from recgraph.graph.server.errors import RequestError

#: Group operators counted by :data:`QueryLimits.max_groups` (SELECT counts only as a subquery).
GROUP_KEYWORDS = ("UNION", "OPTIONAL", "MINUS", "GRAPH", "SERVICE", "EXISTS", "FILTER", "BIND", "VALUES",
                  "SELECT")


@dataclass(frozen=True)
class QueryShape:
    """The counts of one query's text that the limits bound (read by the outline, cached with it)."""

    depth: int = 0
    path_operators: int = 0
    groups: int = 0
    separators: int = 0


@dataclass(frozen=True)
class QueryLimits:
    """The most a query's text may hold; see the module's notes for where each default comes from.

    Examples
    --------
    >>> QueryLimits().check_size("ASK {}")
    >>> QueryLimits(max_chars=3).check_size("ASK {}")
    Traceback (most recent call last):
    ...
    recgraph.graph.server.limits.QueryLimitExceeded: the query is 6 characters long; ...limit is 3 (max_chars)...: simplify ...
    """

    max_chars: int = 64 * 1024
    max_depth: int = 64
    max_path_operators: int = 256
    max_groups: int = 256
    max_separators: int = 1024

    def check_size(self, text: str) -> None:
        """Raise :class:`QueryLimitExceeded` when ``text`` is longer than :attr:`max_chars`."""
        if len(text) > self.max_chars:
            raise QueryLimitExceeded(f"the query is {len(text)} characters long; this server's limit is "
                                     f"{self.max_chars} (max_chars)")

    def check_shape(self, shape: QueryShape) -> None:
        """Raise :class:`QueryLimitExceeded` naming the first count of ``shape`` over its limit."""
        for count, limit, what, name in (
            (shape.depth, self.max_depth, "brackets nested", "max_depth"),
            (shape.path_operators, self.max_path_operators, "path or negation operators (/ | ^ !)",
             "max_path_operators"),
            (shape.groups, self.max_groups, "group operators (UNION, OPTIONAL, MINUS, GRAPH, FILTER, ...)",
             "max_groups"),
            (shape.separators, self.max_separators, "triple patterns (separators . ; , inside groups)",
             "max_separators"),
        ):
            if count > limit:
                raise QueryLimitExceeded(f"the query has {count} {what}; this server's limit is {limit} ({name})")


class QueryLimitExceeded(RequestError):
    """A query's text passes one of the server's limits (400, naming the limit)."""

    def __init__(self, message: str):
        super().__init__(400, f"{message}: simplify the query or split it into several")
