"""An async crawler package: graph.py fetches, store.py saves, main.py drives."""
