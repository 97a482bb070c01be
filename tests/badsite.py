"""A hostile little web for end-to-end tests: good feeds and articles mixed with every bad case the fetch
stage must survive. Served on 127.0.0.1 and reached through connect-to overrides, like the demo site.

Every host name below maps to the one server; it routes on the Host header. ``GOOD`` lists the articles a
run must load exactly once; ``BAD_PAGES`` and ``BAD_FEEDS`` say what each bad URL should be logged as.
"""

# ruff: noqa: E501 (story text reads better unwrapped)
from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from xml.sax.saxutils import escape

Route = Callable[[BaseHTTPRequestHandler], None]

GOOD_HOST = "good.example"
# slug -> (title, paragraphs): distinct stories, so the near-duplicate check keeps every one of them.
STORIES = {
    "rockets-hit-base": (
        "Rockets target base hosting US troops in Iraq",
        [
            "Militia fighters fired four rockets at a base hosting US troops in western Iraq on Tuesday, officials said.",
            "The coalition said air defences intercepted most of the projectiles before they reached the perimeter.",
            "A group calling itself the Islamic Resistance claimed the attack in a message posted online overnight.",
            "Iraqi police later found the launcher in a farm field about ten kilometres east of the base.",
        ],
    ),
    "drone-downed": (
        "Drone downed near US base in Syria",
        [
            "A one-way attack drone was shot down on Wednesday as it approached a garrison in eastern Syria.",
            "Nobody was hurt, a spokesman for the international coalition said, adding that debris fell in open desert.",
            "Local monitors said a second drone crashed near an oil field without exploding.",
            "No group said it was behind the attempt, the third such incident in the province this month.",
        ],
    ),
    "talks-resume": (
        "Talks on coalition future resume in Baghdad",
        [
            "Iraqi and American negotiators met again in Baghdad on Thursday to discuss the future of foreign forces.",
            "The delegations agreed a timetable for further rounds and a joint committee on security cooperation.",
            "A government spokesman described the meeting as constructive and said no date had been set for a withdrawal.",
            "Lawmakers from several blocs have demanded a faster end to the mission after a series of strikes.",
        ],
    ),
    "relative-link": (
        "Launch site found after attack on base",
        [
            "Security forces said on Friday they had found the site used to fire missiles at Ain al-Asad this week.",
            "Investigators recovered burnt tubes, a timer and tyre tracks leading towards a nearby highway.",
            "Two suspects were detained at a checkpoint and are being questioned, an interior ministry official said.",
            "Tribal leaders in the area condemned the attack and promised to help the investigation.",
        ],
    ),
    "hostile-title": (
        'Envoy says "no deal"; DROP TABLE events;-- <script>alert(1)</script> & talks go on',
        [
            "A senior envoy said on Sunday there was no deal yet on prisoner exchanges between the two sides.",
            "Mediators from Egypt and Qatar shuttled between delegations in Cairo for a third straight day.",
            "The envoy's office said the sides had agreed on the sequence of the first phase but not its length.",
            "Families of detainees gathered outside the venue, holding photographs and calling for progress.",
        ],
    ),
    "strike": (
        "Ministry says talks “constructive” after strike",
        [
            "The foreign ministry said talks with regional envoys were “constructive” despite Monday’s strike.",
            "An airstrike on a weapons depot near the border killed three fighters, according to a monitoring group.",
            "Envoys from Qatar and Oman are expected to return next week with new proposals for a truce.",
            "Officials declined to say whether the strike had been discussed during the meeting – or who carried it out.",
        ],
    ),
    "intercept": (
        "Air defence intercepts missile over the Gulf",
        [
            "Air defence units intercepted a ballistic missile over the Gulf early on Saturday, the defence ministry said.",
            "Fragments fell into the sea and shipping in the area was not affected, the coast guard reported.",
            "The launch came hours after Houthi leaders threatened to widen their campaign against commercial vessels.",
            "A destroyer from the allied naval task force was patrolling nearby at the time, officials added.",
        ],
    ),
}
GOOD = {
    slug: STORIES[slug][0]
    for slug in ("rockets-hit-base", "drone-downed", "talks-resume", "relative-link", "hostile-title")
}
CP1252_TITLE = STORIES["strike"][0]
RDF_TITLE = STORIES["intercept"][0]


def article_html(slug: str, n: int) -> bytes:
    title, paragraphs = STORIES.get(slug, (slug, STORIES["talks-resume"][1]))
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta property="article:published_time" content="2026-11-0{n % 9 + 1}T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie">We use cookies. <button>Accept</button></div>
<article><h1>{escape(title)}</h1><p class="byline">By Staff Writer</p>
{body}</article>
<aside><h3>Related</h3><ul><li><a href="/x">Other story</a></li></ul></aside>
<footer>Copyright Good Example News</footer></body></html>""".encode()


def rss(host: str, items: list[tuple[str, str]], *, encoding: str = "utf-8") -> bytes:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>Mon, 0{i % 9 + 1} Nov 2026 08:00:00 GMT</pubDate></item>"
        for i, (t, link) in enumerate(items)
    )
    text = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{host}</title>'
            f"<link>http://{host}/</link>{entries}</channel></rss>")  # fmt: skip
    return text.encode(encoding)


def rdf(host: str, title: str, link: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://{host}/"><title>{host}</title><link>http://{host}/</link>
<items><rdf:Seq><rdf:li rdf:resource="{link}"/></rdf:Seq></items></channel>
<item rdf:about="{link}"><title>{escape(title)}</title><link>{link}</link><dc:date>2026-11-03T09:00:00Z</dc:date></item>
</rdf:RDF>""".encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>"""

# Bad article URLs on the good host, with the start of the error the fetch log must show for each.
BAD_PAGES = {
    "/missing": "HTTP 404 Not Found",
    "/picture": "unsupported content type image/png",
    "/loop-a": "redirect loop at",
    "/to-private": "refused: 10.20.30.40 resolves to non-public address",
    "/bomb": "response larger than 10 MB",
    "/huge": "response larger than 10 MB (Content-Length",
    "/trickle": "timeout after",
    "/private/secret": "disallowed by robots.txt",
    "/busy": "HTTP 503 Service Unavailable",
}
FILE_LINK = "file:///etc/passwd"


class BadSite:
    """Serve the hostile web; ``connect_to`` maps every host to the server, plus one host to a closed port."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Route] = {}
        self.hits: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._build()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").split(":")[0]
                with site._lock:
                    site.hits.append((host, self.path))
                route = site.routes.get((host, self.path))
                if route is None:
                    send(self, 404, b"not here", "text/plain")
                else:
                    route(self)

            def log_message(self, *args: object) -> None:
                pass

            def handle_one_request(self) -> None:
                try:
                    super().handle_one_request()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the fetcher hung up on a trickle or an oversize body: expected

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        with socket.socket() as probe:  # a port nobody listens on: "connection refused"
            probe.bind(("127.0.0.1", 0))
            self.closed_port = probe.getsockname()[1]

    # -- content --------------------------------------------------------------------------------------
    def _build(self) -> None:
        g = GOOD_HOST
        items = [(title, f"http://{g}/news/{slug}") for slug, title in GOOD.items() if slug != "relative-link"]
        items.append((GOOD["relative-link"], "/news/relative-link"))
        items += [(f"Bad page {path}", f"http://{g}{path}") for path in BAD_PAGES]
        items.append(("A file link", FILE_LINK))
        self.routes[(g, "/feed.xml")] = _ok(rss(g, items), "application/rss+xml")
        for n, slug in enumerate(GOOD, start=1):
            self.routes[(g, f"/news/{slug}")] = _ok(article_html(slug, n), "text/html; charset=utf-8")
        self.routes[(g, "/robots.txt")] = _ok(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        self.routes[(g, "/missing")] = lambda r: send(r, 404, b"gone", "text/plain")
        self.routes[(g, "/picture")] = _ok(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        self.routes[(g, "/loop-a")] = _redirect("/loop-b")
        self.routes[(g, "/loop-b")] = _redirect("/loop-a")
        self.routes[(g, "/to-private")] = _redirect("http://10.20.30.40/admin")
        bomb = gzip.compress(b" " * 40_000_000, compresslevel=9)
        self.routes[(g, "/bomb")] = _ok(bomb, "text/html", {"Content-Encoding": "gzip"})
        self.routes[(g, "/huge")] = _huge
        self.routes[(g, "/trickle")] = _trickle
        self.routes[(g, "/private/secret")] = _ok(article_html("Secret", 9), "text/html")
        self.routes[(g, "/busy")] = lambda r: send(r, 503, b"", "text/plain", {"Retry-After": "3600"})

        # A cp1252 feed that claims UTF-8, and an RSS 1.0 feed: both must still yield their article.
        c = "cp1252.example"
        self.routes[(c, "/rss")] = _ok(rss(c, [(CP1252_TITLE, f"http://{c}/strike")], encoding="cp1252"),
                                       "application/rss+xml; charset=utf-8")  # fmt: skip
        self.routes[(c, "/strike")] = _ok(article_html("strike", 5), "text/html")
        r = "rdf.example"
        self.routes[(r, "/index.rdf")] = _ok(rdf(r, RDF_TITLE, f"http://{r}/intercept"), "application/rdf+xml")
        self.routes[(r, "/intercept")] = _ok(article_html("intercept", 6), "text/html")

        # Feeds that yield nothing, each for its own reason.
        self.routes[("laughs.example", "/feed")] = _ok(BILLION_LAUGHS, "application/rss+xml")
        self.routes[("html.example", "/feed")] = _ok(article_html("Not a feed", 7), "text/html")
        self.routes[("down.example", "/feed")] = lambda r: send(r, 429, b"", "text/plain", {"Retry-After": "120"})
        # gone.example/feed is not routed: 404.

    # -- what tests need ------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def hosts(self) -> list[str]:
        return sorted({h for h, _ in self.routes} | {"gone.example", "refused.example"})

    @property
    def connect_to(self) -> dict[str, str]:
        mapping = {f"{h}:80": f"127.0.0.1:{self.port}" for h in self.hosts}
        mapping["refused.example:80"] = f"127.0.0.1:{self.closed_port}"
        return mapping

    @property
    def allow_hosts(self) -> list[str]:
        return [f"127.0.0.1:{self.port}", f"127.0.0.1:{self.closed_port}"]

    def sources_toml(self) -> str:
        feeds = {
            "Good Example": [f"http://{GOOD_HOST}/feed.xml"],
            "Cp1252 Times": ["http://cp1252.example/rss"],
            "RDF Daily": ["http://rdf.example/index.rdf"],
            "Bad Feeds": ["http://laughs.example/feed", "http://html.example/feed", "http://down.example/feed",
                          "http://gone.example/feed", "http://refused.example/feed"],
        }  # fmt: skip
        return "".join(
            f'[[source]]\nname = "{name}"\nfeeds = [{", ".join(repr(u).replace(chr(39), chr(34)) for u in urls)}]\n\n'
            for name, urls in feeds.items()
        )

    def count(self, host: str, path: str) -> int:
        with self._lock:
            return self.hits.count((host, path))

    def __enter__(self) -> BadSite:
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(req: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str | None,
         headers: dict[str, str] | None = None) -> None:  # fmt: skip
    """Answer with a complete response (no Content-Type header when ``ctype`` is None)."""
    req.send_response(status)
    if ctype:
        req.send_header("Content-Type", ctype)
    for name, value in (headers or {}).items():
        req.send_header(name, value)
    req.send_header("Content-Length", str(len(body)))
    req.end_headers()
    req.wfile.write(body)


def _ok(body: bytes, ctype: str, headers: dict[str, str] | None = None) -> Route:
    return lambda req: send(req, 200, body, ctype, headers)


def _redirect(location: str) -> Route:
    return lambda req: send(req, 302, b"", "text/plain", {"Location": location})


def _huge(req: BaseHTTPRequestHandler) -> None:
    req.send_response(200)
    req.send_header("Content-Type", "text/html")
    req.send_header("Content-Length", str(200_000_000))
    req.end_headers()
    req.wfile.write(b"<html>" + b" " * 65536)


def _trickle(req: BaseHTTPRequestHandler) -> None:
    req.send_response(200)
    req.send_header("Content-Type", "text/html")
    req.send_header("Content-Length", "100000")
    req.end_headers()
    for _ in range(100_000):
        req.wfile.write(b" ")
        req.wfile.flush()
        time.sleep(0.2)
