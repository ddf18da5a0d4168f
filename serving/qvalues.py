"""Lists with weights in HTTP headers (Accept-Encoding, Accept-Language): `a;q=0.8, b`."""

from __future__ import annotations

MAX_ITEMS = 32  # a header is the client's to make: read a bounded number of items


def weighted(header: str | None) -> list[tuple[str, float]]:
    """The items of a header with their weights (1 when not given), in the header's order."""
    items: list[tuple[str, float]] = []
    for item in (header or "").split(",")[:MAX_ITEMS]:
        name, *params = (p.strip() for p in item.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value)))
                except ValueError:
                    q = 0.0
        if name:
            items.append((name.lower(), q))
    return items
