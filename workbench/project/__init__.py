"""The HDF5 project store: one ``.fwproj`` file per project.

``store`` opens, saves (atomically) and closes projects; ``recovery`` keeps unsaved
work safe across crashes; ``layout`` documents the file layout; ``reader``/``writer``
translate between the file and ``workbench.model``; ``safety`` guards against hostile
files; ``lock`` marks a project open for writing; ``migrate`` reads older format
versions; ``lazy`` holds the lazy array references; ``synthetic`` builds test projects.
"""
