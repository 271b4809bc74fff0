"""The input form: its definition, validation, JSON Schema and the commented blank form."""
