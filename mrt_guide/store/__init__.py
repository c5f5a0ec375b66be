"""The user's own data, kept in SQLite (stdlib ``sqlite3``) in ``paths.user_dir()``.

``db`` opens a database safely (private file, WAL, foreign keys, a busy timeout),
migrates it through an ordered list of versioned migrations with a backup before
each, and turns every SQLite failure into one line and a documented exit status.
``ce`` is the continuing-education log on top of it; ``csvio`` reads and writes its
CSV files. Imported only by the commands that use them (``sqlite3`` is not on the
fast path of any other command).
"""
