"""qualspec: recover the structure of a vocational qualification specification."""

__version__ = "0.1.0"

from .rules import achieve

__all__ = ["__version__", "achieve"]
