"""The HDF5 project store: one ``.fwproj`` file per project.

``store`` opens, saves (atomically) and closes projects (``opening`` reads a file,
``state`` is what the store keeps for an open project); ``atomic`` writes a whole file
atomically and ``diskwrite`` so that a failing disk never reaches HDF5; ``index`` is
the project index read on open and ``verify`` its full check against the objects;
``recovery`` keeps unsaved work safe across crashes; ``layout`` documents the file
layout; ``reader``/``writer`` translate between the file and ``workbench.model``;
``audit`` is the lazily read audit log; ``packing`` compresses a save's large arrays
on the spare cores; ``safety`` guards against hostile files; ``versions`` decides from
the content how a file is read; ``lock`` marks a project open for writing; ``migrate``
reads older format versions; ``lazy`` holds the lazy array references; ``search``
finds samples across a folder of projects; ``synthetic`` builds test projects.
"""
