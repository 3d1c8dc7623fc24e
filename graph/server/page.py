"""The query page for people: plain HTML, CSS and JavaScript shipped with recgraph, no CDN.

The page's assets live in ``static/`` beside this module and are served under ``/static``. A
Content-Security-Policy keeps the page to its own scripts and to requests to this server.
"""

from __future__ import annotations

from pathlib import Path

from starlette.responses import FileResponse

STATIC = Path(__file__).resolve().parent / "static"

#: The page loads nothing from elsewhere and may only talk to the server that served it.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def query_page() -> FileResponse:
    """The HTML query page (``static/query.html``) with its security headers."""
    return FileResponse(STATIC / "query.html", media_type="text/html", headers=SECURITY_HEADERS)
