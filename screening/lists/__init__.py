"""Lists in: importers parse sources, the store writes them, the catalog names them."""
