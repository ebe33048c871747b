"""One line per log event, carrying the request id, so a log collector can follow one request.

The request id lives in a context variable set by ``RequestIdMiddleware``; a traceback is kept
but folded onto the same line, because collectors split events on newlines.
"""

import logging
from contextvars import ContextVar

request_id = ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Give every record a ``request_id`` (``-`` outside a request), for the format string."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class OneLineFormatter(logging.Formatter):
    default_format = "%(asctime)s %(levelname)s %(name)s request_id=%(request_id)s %(message)s"

    def __init__(self, fmt=None, datefmt="%Y-%m-%dT%H:%M:%S%z", **kwargs):
        super().__init__(fmt or self.default_format, datefmt=datefmt, **kwargs)

    def format(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return super().format(record).replace("\r", "").replace("\n", "\\n")


class SkippedRedisCallFilter(logging.Filter):
    """Drop django-redis's traceback for each call skipped while Redis is known to be down.

    The failure that opened the breaker is logged in full; the calls it then skips are not.
    """

    def filter(self, record):
        from newsroom.cache import RedisSkipped

        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(getattr(error, "__cause__", None), RedisSkipped)
