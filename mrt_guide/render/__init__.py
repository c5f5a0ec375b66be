"""Renderers: documents to Rich output (``to_rich``), Markdown and plain text."""
