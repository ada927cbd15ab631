"""qualspec: recover the structure of a vocational qualification specification."""

__version__ = "0.1.0"
