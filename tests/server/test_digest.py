"""HTTP Digest for publishing: the challenge is fetched before a graph's body is sent.

Virtuoso's ``/sparql-graph-crud-auth`` answers an unsigned PUT with 401 and closes the connection
without reading the body, so a large graph sent before the challenge is reset midway. The fake
Graph Store here behaves the same way and checks each signature (RFC 7616, MD5, qop=auth).
"""

from __future__ import annotations

import hashlib
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from recgraph.graph.store.remote import Credentials, RemoteError, put_graph

REALM, NONCE, USER, PASSWORD = "SPARQL", "5e1f0a", "publisher", "pw-7"


#: The shape of Virtuoso's answer to a user without the SPARQL_UPDATE grant (written for the test).
FORBIDDEN_PAGE = """<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
  <head><title>Graph request failed</title></head>
  <body>
    <h1>HTTP/1.1 403 Forbidden</h1>
<xmp>SECURITY: Permission denied for delete &amp; insert</xmp></body></html>
"""


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def _signed(method: str, header: str) -> bool:
    if not header.startswith("Digest "):
        return False
    fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(header[len("Digest "):]))
    expected = _md5(":".join([_md5(f"{USER}:{REALM}:{PASSWORD}"), NONCE, fields.get("nc", ""),
                              fields.get("cnonce", ""), "auth", _md5(f"{method}:{fields.get('uri', '')}")]))
    return fields.get("response") == expected


@pytest.fixture()
def digest_store():
    """A Graph Store that wants Digest and refuses unsigned requests unread; yields (url, log)."""
    log: list[tuple[str, bool, int]] = []  # method, signed, body bytes read

    class Store(BaseHTTPRequestHandler):
        def _answer(self):
            signed = _signed(self.command, self.headers.get("Authorization", ""))
            if not signed:
                log.append((self.command, False, 0))
                self.send_response(401)
                self.send_header("WWW-Authenticate", f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", '
                                 'algorithm="MD5"')
                self.send_header("Content-Length", "0")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                return
            size = len(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            log.append((self.command, True, size))
            if "forbidden" in self.path and self.command == "PUT":  # Virtuoso's page for a missing grant
                page = FORBIDDEN_PAGE.encode()
                self.send_response(403)
                self.send_header("Content-Type", "text/html; charset=UTF-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                return
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_PUT = do_HEAD = _answer  # noqa: N815 (the http.server naming)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Store)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql-graph-crud-auth", log
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_large_graph_is_sent_once_and_signed_after_a_bodiless_challenge(digest_store):
    url, log = digest_store
    body = b"<http://e.org/s> <http://e.org/p> \"o\" .\n" * 200_000  # 8 MB: more than socket buffers hold
    status = put_graph(url, "http://e.org/g", body, credentials=Credentials(user=USER, password=PASSWORD, digest=True),
                       timeout=10)
    assert status == 201
    assert log == [("HEAD", False, 0), ("PUT", True, len(body))]


def test_a_wrong_digest_password_is_refused_with_its_status(digest_store):
    url, log = digest_store
    with pytest.raises(RemoteError, match="401") as refused:
        put_graph(url, "http://e.org/g", b"<http://e.org/s> <http://e.org/p> 1 .\n",
                  credentials=Credentials(user=USER, password="wrong", digest=True), timeout=10)
    assert refused.value.status == 401
    assert all(not signed for _, signed, _ in log)


def test_a_refusal_explained_by_a_multi_line_page_is_one_error_line(digest_store, seed_location):
    from click.testing import CliRunner

    from recgraph.cli.main import cli

    url, _ = digest_store
    result = CliRunner().invoke(cli, ["publish", "--store", str(seed_location), "--to", f"{url}/forbidden",
                                      "--user", USER, "--digest"], env={"RECGRAPH_REMOTE_PASSWORD": PASSWORD})
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]  # progress may end an empty line
    assert len(lines) == 1 and lines[0].startswith("Error: graph "), result.stderr
    assert "answered 403 Forbidden: Graph request failed HTTP/1.1 403 Forbidden SECURITY: Permission denied for " \
           "delete & insert (0 of " in result.stderr
