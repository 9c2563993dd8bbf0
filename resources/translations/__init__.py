"""Qt translation catalogues (.ts sources; .qm built from them). See desktop/i18n.py."""
