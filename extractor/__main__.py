"""``python -m extractor``: the qualspec command."""

from .cli import main

main()
