"""Errors raised by claimex; the CLI turns each into a one-line message and exit code 1."""


class ClaimexError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class InputError(ClaimexError):
    """An input path or text that claimex cannot read."""


class DataFileError(ClaimexError):
    """A lexicon or pattern file under claimex/data is missing or malformed."""


class ModelError(ClaimexError):
    """The spaCy model cannot be loaded."""


class LedgerError(ClaimexError):
    """The ledger file cannot be opened or written."""
