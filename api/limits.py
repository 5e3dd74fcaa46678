"""Request limits applied before any route runs: the size of a request body.

A body announced larger than ``max_request_bytes`` (``Content-Length``) is refused with 413
before a byte of it is read; a chunked body is read up to the limit, refused with 413 when it
goes past it, and otherwise handed to the route as it came.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodySizeLimit:
    """ASGI middleware that answers 413 to request bodies over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                size = -1
            if size > self.max_bytes:
                await self._refuse(scope, send, f"the request body is {size} bytes; the limit is")
                return
            await self.app(scope, receive, send)
            return
        if b"chunked" not in headers.get(b"transfer-encoding", b"").lower():
            await self.app(scope, receive, send)
            return
        # A chunked body: read it within the limit first, then replay it to the route.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, send, "the request body is larger than the limit of")
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send, what: str) -> None:
        detail = f"{what} {self.max_bytes} bytes (MARKETGRAPH_MAX_REQUEST_BYTES)"
        if scope.get("path", "").startswith("/sparql"):
            body, media = f"RequestTooLarge: {detail}\n".encode(), b"text/plain; charset=utf-8"
        else:
            body, media = json.dumps({"error": "RequestTooLarge", "detail": detail}).encode(), b"application/json"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", media), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
