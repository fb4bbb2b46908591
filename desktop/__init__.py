"""Jaso: an offline writing assistant for job-application essays."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("jaso")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
