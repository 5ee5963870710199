"""Exporters that turn a sopgraph RDF graph into other formats (e.g. an HTML view)."""
