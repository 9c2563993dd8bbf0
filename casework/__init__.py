"""The Casefile domain: plain dataclasses and pure rules. Imports no Qt, no database, no file format."""
