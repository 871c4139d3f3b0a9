"""Quality gates as plain functions: each returns a list of problems (empty = pass).

The gate tests run them over the real site; the breakage tests run them over a
copy broken on purpose and assert that they catch it.
"""
