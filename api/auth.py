"""API keys for the write endpoints (``POST/PUT/DELETE /articles``, ``/jobs``, ``/update``).

Keys come from ``MARKETGRAPH_API_KEY`` (one key) and/or ``MARKETGRAPH_API_KEY_FILE`` (one key
a line, ``#`` starts a comment). Clients send ``Authorization: Bearer <key>``. Only SHA-256
digests of the keys are kept in memory and compared, with :func:`hmac.compare_digest`, against
every key, so the time taken says nothing about how close a guess was. Keys are never logged
and never part of an answer. With no key configured the write endpoints answer 403.

>>> ring = KeyRing(["correct horse battery staple"], "a test")
>>> ring.check("correct horse battery staple"), ring.check("correct horse")
(True, False)
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from pydantic import SecretStr

from api.settings import Settings

#: Shortest key accepted: a key is a secret, not a password to remember.
MIN_KEY_LENGTH = 16


class KeyConfigError(Exception):
    """The configured keys cannot be used (unreadable file, a key too short)."""


class KeyRing:
    """The digests of the accepted keys."""

    def __init__(self, keys: list[str], source: str) -> None:
        for key in keys:
            if len(key) < MIN_KEY_LENGTH:
                raise KeyConfigError(f"an API key from {source} is shorter than {MIN_KEY_LENGTH} characters")
        self._digests = [hashlib.sha256(k.encode("utf-8")).digest() for k in keys]
        self.source = source

    @classmethod
    def from_settings(cls, settings: Settings) -> KeyRing:
        keys: list[str] = []
        sources: list[str] = []
        key = settings.api_key
        key = key.get_secret_value() if isinstance(key, SecretStr) else (key or "")
        if key.strip():
            keys.append(key.strip())
            sources.append("MARKETGRAPH_API_KEY")
        if settings.api_key_file is not None:
            try:
                text = Path(settings.api_key_file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
                raise KeyConfigError(f"cannot read the API key file {settings.api_key_file}: {reason}") from None
            for line in text.splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    keys.append(line)
            sources.append(f"MARKETGRAPH_API_KEY_FILE={settings.api_key_file}")
        return cls(keys, " and ".join(sources) or "nowhere")

    @property
    def enabled(self) -> bool:
        return bool(self._digests)

    def __len__(self) -> int:
        return len(self._digests)

    def check(self, token: str) -> bool:
        """True when ``token`` is one of the keys; the same work is done for every key either way."""
        given = hashlib.sha256(token.encode("utf-8")).digest()
        found = False
        for digest in self._digests:
            found |= hmac.compare_digest(given, digest)
        return found

    def describe(self) -> str:
        """The start-up line: whether writes are on, and where the keys came from (never the keys)."""
        if not self.enabled:
            return ("write endpoints are disabled (403): no API key is configured; set MARKETGRAPH_API_KEY or "
                    "MARKETGRAPH_API_KEY_FILE to enable POST/PUT/DELETE /articles")
        plural = "s" if len(self) != 1 else ""
        return f"write endpoints are enabled: {len(self)} API key{plural} from {self.source}"

    def __repr__(self) -> str:
        return f"KeyRing({len(self)} keys from {self.source})"


_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="marketgraph"'}


def require_key(request: Request) -> None:
    """The dependency of every write endpoint: a configured key, sent as a Bearer token."""
    ring: KeyRing = request.app.state.keys
    if not ring.enabled:
        raise HTTPException(403, "write endpoints are disabled: the server has no API key configured "
                                 "(MARKETGRAPH_API_KEY or MARKETGRAPH_API_KEY_FILE)")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "this endpoint needs an API key: send 'Authorization: Bearer <key>'",
                            headers=_CHALLENGE)
    if not ring.check(token.strip()):
        raise HTTPException(401, "the API key is not valid", headers={
            "WWW-Authenticate": 'Bearer realm="marketgraph", error="invalid_token"'})


KeyDep = Annotated[None, Depends(require_key)]
