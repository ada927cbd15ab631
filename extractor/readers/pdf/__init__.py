"""Reader for PDF specifications, on pdfium and pdfminer, and pdfplumber's word and table finders.

Each page is read once: pdfium interprets it, and its characters and ruling lines are
given as pdfminer gives them (``pdfium_source``; pdfminer itself reads what pdfium cannot
give as it would, ``source``): its words with font name and size, its ruled cells, and
small filled shapes (list bullets drawn as discs are read as "•", ``marks``).
Words inside a table go to the cell that holds them, the others form body lines
(``lines``, ``tables``, ``page``); borderless tables are recovered from text alignment
(``borderless``) or from narrow gutters between columns (``gutters``). Pages are read by
a pool of workers (``pages``) and kept packed in a spool (``spool``) so that memory does
not grow with pages. Then, over the whole
document, running headers and footers are dropped (``furniture``), the line spacing and
text area measured (``measures``), tables and cells broken by page breaks are joined, and
lines are reflowed into paragraphs and list items (``emit``, ``flow``, ``wordbreaks``);
short body paragraphs printed larger or in bold are headings (``headings``). Every
block, cell and part carries its page and bounding box (x0, top, x1, bottom) in PDF
points from the top-left corner. Tolerances are named in ``tolerances``.
"""

from .pages import read_pdf
from .tolerances import Tolerances

__all__ = ["Tolerances", "read_pdf"]
