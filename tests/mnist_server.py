"""A local HTTP server for download tests: files served from memory on 127.0.0.1, each in a
way the test chooses, so that every failure a real mirror can have happens on cue.

    from mnist_server import mnist_server, no_proxy, refused_url, silent_url  # fixtures

    def test_something(mnist_server):
        mnist_server.serve("a.gz", data)                      # 200, the whole file
        mnist_server.serve("b.gz", data, mode="truncated")    # Content-Length, then half
        fetch_mnist(folder, mirrors=[mnist_server.url], files=...)
        assert mnist_server.requests_for("a.gz") == 1

Modes of :meth:`MnistServer.serve`:

``normal``     200 with Content-Length and the whole body
``404``        404 Not Found (also what an unknown path gets)
``error``      the status given (default 500) and no body
``truncated``  Content-Length of the whole, then only ``sent`` bytes (default: half), close
``no_length``  the body without Content-Length, ended by closing the connection
``stall``      headers and ``sent`` bytes (default 0), then silence until the server closes
``gated``      the body in ``chunk_size`` pieces (default 1024): the first goes at once, each
               next one only after :meth:`MnistServer.allow` (a semaphore, no clock)
``redirect``   302 to ``location``

Besides the server: ``refused_url`` (a port that refuses connections: no network) and
``silent_url`` (one that takes the connection and never answers), and ``no_proxy`` (urllib
would otherwise send 127.0.0.1 to a proxy named in the environment).

Nothing here sleeps: a stalled or gated answer waits on a threading primitive that
:meth:`MnistServer.close` (the fixture's teardown) releases, then the server joins every
thread it started.
"""

from __future__ import annotations

import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

MODES = ("normal", "404", "error", "truncated", "no_length", "stall", "gated", "redirect")

# A bound on every wait, only so that a broken test cannot hang the suite: close() releases
# the waits long before.
SAFETY_SECONDS = 60.0


@dataclass
class Route:
    data: bytes
    mode: str
    status: int
    sent: int | None
    location: str | None
    chunk_size: int
    gate: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(1))


class MnistServer:
    """A threaded http.server on 127.0.0.1 at a free port; :attr:`url` ends in "/"."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._all_routes: list[Route] = []
        self._lock = threading.Lock()
        self._requests: list[str] = []
        self._closing = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host}:{port}/"
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                         kwargs={"poll_interval": 0.05},
                                         name="mnist-test-server", daemon=True)
        self._thread.start()

    def serve(self, path: str, data: bytes = b"", *, mode: str = "normal", status: int = 500,
              sent: int | None = None, location: str | None = None,
              chunk_size: int = 1024) -> None:
        """Answer GET ``url + path`` with ``data`` in ``mode`` (see the module's list)."""
        assert mode in MODES, mode
        route = Route(bytes(data), mode, status, sent, location, chunk_size)
        with self._lock:
            self._routes[path.lstrip("/")] = route
            self._all_routes.append(route)

    def allow(self, path: str, chunks: int = 1) -> None:
        """Let a ``gated`` answer send ``chunks`` more pieces."""
        self._routes[path.lstrip("/")].gate.release(chunks)

    @property
    def requests(self) -> list[str]:
        """The paths asked for so far, in order."""
        with self._lock:
            return list(self._requests)

    def requests_for(self, path: str) -> int:
        return self.requests.count(path.lstrip("/"))

    def close(self) -> None:
        """Release every stalled and gated answer, stop serving and join all threads."""
        self._closing.set()
        with self._lock:
            routes, answers = list(self._all_routes), len(self._requests)
        for route in routes:  # also those replaced since: their answers may be waiting
            if route.mode == "gated":
                # a permit for each answer that may wait (a release by millions would take
                # a second: Semaphore.release notifies once per permit)
                route.gate.release(answers + 1)
        self._httpd.shutdown()
        self._httpd.server_close()  # joins the handler threads (block_on_close)
        self._thread.join(SAFETY_SECONDS)

    # -- called by the handler threads --

    def _route(self, path: str) -> Route | None:
        with self._lock:
            self._requests.append(path)
            return self._routes.get(path)


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so that server_close() joins them
    block_on_close = True
    owner: MnistServer

    def handle_error(self, request, client_address) -> None:
        # The client went away (a cancel, a time-out): what the tests do on purpose.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection, ended by closing it
    server: _Server

    def log_message(self, format, *args) -> None:
        pass

    def do_GET(self) -> None:
        owner = self.server.owner
        route = owner._route(urllib.parse.urlsplit(self.path).path.lstrip("/"))
        if route is None or route.mode == "404":
            self.send_error(404)
            return
        data = route.data
        if route.mode == "error":
            self.send_error(route.status)
            return
        if route.mode == "redirect":
            self.send_response(302)
            self.send_header("Location", route.location or "")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if route.mode != "no_length":
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if route.mode in ("normal", "no_length"):
            self.wfile.write(data)
        elif route.mode == "truncated":
            self.wfile.write(data[:len(data) // 2 if route.sent is None else route.sent])
        elif route.mode == "stall":
            self.wfile.write(data[:route.sent or 0])
            self.wfile.flush()
            owner._closing.wait(SAFETY_SECONDS)
        elif route.mode == "gated":
            for start in range(0, len(data), route.chunk_size):
                if not route.gate.acquire(timeout=SAFETY_SECONDS) or owner._closing.is_set():
                    return
                self.wfile.write(data[start:start + route.chunk_size])
                self.wfile.flush()


def refused_port() -> Iterator[int]:
    """A port on 127.0.0.1 where nothing listens while the generator is open: a socket is
    bound to it (so no one else can take it) but does not listen, so a connection to it is
    refused at once, as on a machine without the server."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A base URL on 127.0.0.1 that takes the connection (the system completes it: the socket
    listens) and never answers, not even the headers: a server hung before replying."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/"


@pytest.fixture
def mnist_server() -> Iterator[MnistServer]:
    """A :class:`MnistServer`, closed (and every waiting answer released) after the test."""
    server = MnistServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def refused_url() -> Iterator[str]:
    """A base URL on 127.0.0.1 that refuses connections (see :func:`refused_port`)."""
    for port in refused_port():
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture
def no_proxy(monkeypatch) -> None:
    """No proxy from the environment: urllib would send 127.0.0.1 to it."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
