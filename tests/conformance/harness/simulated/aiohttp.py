"""aiohttp as Loopscope simulates it (engine/script/module_aiohttp.cpp), for the reference
harness: CPython has no aiohttp here, and a real one would go to the network.

Every request is one asyncio.sleep of the URL's latency: 0.10 to 0.50 s picked by the 32-bit
FNV-1a hash of the URL, or what aiohttp.simulate(url, latency=, status=, text=, json=) set.
A ClientTimeout(total=...) of the session or the request shorter than that latency makes the
request raise TimeoutError once `total` seconds have passed. The answers: status 200 and a
small HTML page naming the URL, unless simulate() said otherwise."""
import asyncio
import json as _json

_REASONS = {200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
            302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 408: "Request Timeout", 429: "Too Many Requests",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout"}
_DEFAULT_TOTAL = 300  # aiohttp's default: 5 minutes


class ClientError(Exception):
    pass


ClientConnectionError = ClientError


class ClientResponseError(ClientError):
    def __init__(self, status, message, url):
        super().__init__(f"{status}, message={message!r}, url={url!r}")
        self.status = status
        self.message = message


class ContentTypeError(ClientResponseError):
    pass


for _cls in (ClientError, ClientResponseError, ContentTypeError):
    _cls.__module__ = "aiohttp.client_exceptions"


class _Route:
    def __init__(self, url):
        h = 2166136261
        for byte in url.encode():
            h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
        self.latency = 0.1 + 0.05 * (h % 9)
        self.status = 200
        self.text = (f"<!doctype html><html><head><title>{url}</title></head>"
                     f"<body>Hello from {url}</body></html>")
        self.json = None


_routes = {}


def _route(url):
    return _routes.get(url) or _Route(url)


def simulate(url, *, latency=None, status=None, text=None, json=None, **unexpected):
    if unexpected:
        raise TypeError(f"simulate() got an unexpected keyword argument '{next(iter(unexpected))}'")
    route = _route(url)
    if latency is not None:
        route.latency = latency
    if status is not None:
        route.status = status
    if json is not None:
        route.json = json
        route.text = _json.dumps(json)
    if text is not None:
        route.text = text
    _routes[url] = route


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total, self.connect, self.sock_read = total, connect, sock_read
        self.sock_connect, self.ceil_threshold = sock_connect, ceil_threshold

    def __repr__(self):
        return (f"ClientTimeout(total={self.total!r}, connect={self.connect!r}, sock_read={self.sock_read!r}, "
                f"sock_connect={self.sock_connect!r}, ceil_threshold={self.ceil_threshold!r})")


def _seconds(timeout, otherwise):
    if timeout is None:
        return otherwise
    if isinstance(timeout, ClientTimeout):
        return 1e18 if timeout.total is None else timeout.total
    return timeout


class ClientResponse:
    def __init__(self, method, url, route):
        self.method, self.url, self._route = method, url, route
        self.closed = False

    status = property(lambda self: self._route.status)
    reason = property(lambda self: _REASONS.get(self._route.status, ""))
    ok = property(lambda self: self._route.status < 400)
    content_type = property(lambda self: "text/html" if self._route.json is None else "application/json")

    async def text(self):
        return self._route.text

    async def json(self):
        if self._route.json is not None:
            return self._route.json
        try:
            return _json.loads(self._route.text)
        except ValueError:
            raise ContentTypeError(self.status, "Attempt to decode JSON with unexpected mimetype: text/html",
                                   self.url) from None

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.status, self.reason, self.url)

    def release(self):
        self.closed = True
        return _Done()

    def close(self):
        self.closed = True

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"


class _Done:
    def __await__(self):
        return iter(())


class _RequestContextManager:
    def __init__(self, response, timeout):
        self._response, self._timeout = response, timeout

    async def __aenter__(self):
        response = self._response
        if response._route.latency > self._timeout:
            await asyncio.sleep(self._timeout)
            raise TimeoutError
        await asyncio.sleep(response._route.latency)
        return response

    async def __aexit__(self, *exc_info):
        return None

    def __await__(self):
        return self.__aenter__().__await__()


class ClientSession:
    def __init__(self, *, timeout=None, **options):
        self._timeout = _seconds(timeout, _DEFAULT_TOTAL)
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        self.closed = True

    async def close(self):
        self.closed = True

    def _request(self, method, url, *, timeout=None, **options):
        if self.closed:
            raise RuntimeError("Session is closed")
        url = str(url)
        return _RequestContextManager(ClientResponse(method, url, _route(url)), _seconds(timeout, self._timeout))


def _verb(method):
    def request(self, url, **kw):
        return self._request(method, url, **kw)
    request.__name__ = method.lower()
    return request


for _method in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"):
    setattr(ClientSession, _method.lower(), _verb(_method))
