"""The reading side: real reports (.txt, .docx, .doc) into the Report tree, classified,
with their figures; mining an outline from many; importing one as a form."""
