"""Subcommands of the ``ssrandom`` tool: one module each, found automatically by ``ssrandom.cli``."""
