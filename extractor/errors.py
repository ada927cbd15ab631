"""Errors that the command line reports as one line and exit status 2."""


class InputError(Exception):
    """The input cannot be read as a specification (missing, empty, corrupt, unsupported, over a limit...)."""


class OutputError(Exception):
    """The output cannot be written where it was asked for; the message names the path."""
