"""Writing HTML safely: every piece of text is escaped unless it is already :class:`Html`.

Pages are built from :func:`tag` calls, never by pasting strings, so text from the papers
(recommendations, progress, verbatim spans) cannot become markup. Links only ever point to
http(s) addresses or to this server.

>>> tag("p", "<script>", tag("a", "x", href="/id/a?b=1&c=2"))
'<p>&lt;script&gt;<a href="/id/a?b=1&amp;c=2">x</a></p>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable

#: Elements that have no end tag.
VOID = frozenset({"br", "hr", "img", "input", "link", "meta"})



class Html(str):
    """Text that is already HTML: kept as it is when placed in a page."""

    __slots__ = ()


def escape(value: object) -> Html:
    """``value`` as HTML text: kept if already :class:`Html`, else escaped (quotes included).

    >>> escape('a "b" <c> & d')
    'a &quot;b&quot; &lt;c&gt; &amp; d'
    """
    if isinstance(value, Html):
        return value
    return Html(html.escape(str(value), quote=True))


def join(children: Iterable[object], separator: str = "") -> Html:
    """Children (text escaped, nested iterables flattened, None skipped) as one piece of HTML."""
    return Html(escape(separator).join(_flatten(children)))


def _flatten(children: Iterable[object]) -> Iterable[Html]:
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, (str, int, float)):
            yield escape(child)
        else:
            yield from _flatten(child)


def tag(name: str, /, *children: object, **attributes: object) -> Html:
    """An element: attribute names may end in ``_`` (``class_``); None or False leave one out.

    >>> tag("input", type="checkbox", checked=True, disabled=None)
    '<input type="checkbox" checked>'
    """
    parts = [name]
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(value)}"')
    start = f"<{' '.join(parts)}>"
    if name in VOID:
        return Html(start)
    return Html(f"{start}{join(children)}</{name}>")


def safe_href(url: str) -> str | None:
    """``url`` when a link to it is harmless (http, https, or a path on this server), else None.

    >>> safe_href("javascript:alert(1)") is None, safe_href("/id/x"), safe_href("//evil.example/") is None
    (True, '/id/x', True)
    """
    lowered = url.strip().lower()
    if lowered.startswith(("http://", "https://")) or (url.startswith("/") and not url.startswith("//")):
        return url
    return None


def document(title: str, body: object, *, root: str = "", head: object = None) -> Html:
    """A whole page: the title, the stylesheet served by this server, a navigation bar, ``body``."""
    nav = tag("nav", tag("a", "recgraph", href=f"{root}/"), " · ", tag("a", "SPARQL query", href=f"{root}/query"),
              " · ", tag("a", "views", href=f"{root}/views/"))
    return Html("<!DOCTYPE html>\n" + tag(
        "html",
        tag("head", Html('<meta charset="utf-8">'),
            tag("meta", name="viewport", content="width=device-width, initial-scale=1"),
            tag("title", title), tag("link", rel="stylesheet", href=f"{root}/static/pages.css"), head),
        tag("body", nav, tag("main", body)),
        lang="en",
    ))
