"""The address guard: never let a feed or a redirect point the fetcher at our own network.

Every host is resolved here, every address it resolves to is checked, and the connection is then made
to the checked address (pinned), so a DNS answer that changes between check and connect (rebinding)
cannot get around it. ``connect_to`` overrides ("host:port" -> "ip:port", like curl --connect-to)
and ``allow_hosts`` exemptions (the demo site, a test server) are applied here too.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass


class AddressRefused(Exception):
    """The URL points at an address we refuse to connect to (loopback, private, link-local, ...)."""


@dataclass(frozen=True)
class Target:
    host: str
    """The URL's host name: Host header, TLS SNI and certificate name, politeness and robots key."""
    port: int
    address: str
    """The checked IP address the connection is pinned to."""
    connect_port: int


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _split_hostport(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host.strip("[]").lower(), int(port)


def resolve_target(
    host: str, port: int, *, connect_to: dict[str, str], allow_hosts: frozenset[str] | set[str]
) -> Target:
    """Pick and check the address to connect to for ``host:port``. Raises AddressRefused."""
    host = host.lower().rstrip(".")
    original = f"{host}:{port}"
    mapped = connect_to.get(original)
    connect_host, connect_port = _split_hostport(mapped) if mapped else (host, port)
    allowed = original in allow_hosts or f"{connect_host}:{connect_port}" in allow_hosts
    try:
        infos = socket.getaddrinfo(connect_host, connect_port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OSError(f"cannot resolve host {connect_host}: {getattr(exc, 'strerror', None) or exc}") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise OSError(f"cannot resolve host {connect_host}")
    if not allowed:
        # Every answer is checked, not just the first: a name that resolves to one public and one
        # private address is refused, so the resolver's ordering cannot be used against us.
        for address in addresses:
            if not _is_public(address):
                via = f" (via --connect-to {mapped})" if mapped else ""
                raise AddressRefused(f"refused: {host} resolves to non-public address {address}{via}")
        ip_literal = _is_ip(connect_host)
        if ip_literal and not _is_public(connect_host):
            raise AddressRefused(f"refused: {connect_host} is a non-public address")
    return Target(host=host, port=port, address=addresses[0], connect_port=connect_port)


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
