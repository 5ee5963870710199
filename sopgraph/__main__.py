"""``python -m sopgraph`` runs the command-line interface."""
from .cli import main

main()
