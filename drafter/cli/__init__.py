"""The command line: one of the two doors onto the jobs (drafter/jobs). User errors become Chinese messages and exit code 2 here."""
