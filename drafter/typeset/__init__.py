"""The typesetter: the Report tree to a GB/T 9704 .docx (domain.md §1.3)."""
