"""spaCy components of sopgraph. Importing this package registers their factories."""
from . import gazetteer, patterns, sections, sentences, topics  # noqa: F401  (registers factories)
