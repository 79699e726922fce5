"""The plugin system: manifests, discovery, safe runs, provenance and staleness.

How to write a plugin (plugin API 1.0)
======================================

A plugin is a folder with a ``plugin.toml`` manifest and a Python module::

    my_plugin/
        plugin.toml
        __init__.py        (may be empty)
        analysis.py        def run(inputs, params, progress) -> AnalysisOutput

Put the folder in the user plugin folder (``workbench.paths.user_subdir("plugins")``,
i.e. ``<user data>/plugins/my_plugin/``), ship it in a package (entry-point group
``fibre_workbench.plugins``, see ``workbench.analysis.registry``) or, for built-ins,
under ``plugins/``.

Manifest (TOML)::

    id = "my_plugin"                  # 2-64 chars: a-z, 0-9, _ ; unique
    name_en = "My analysis"
    name_fi = "Oma analyysi"
    version = "1.0.0"                 # the plugin's own version (stored with results)
    api_version = "1.0"               # plugin API targeted: same major, minor <= app's
    entry = "analysis:run"            # module:function, imported only when first run;
                                      # relative to the plugin folder (absolute module
                                      # path for manifests given as dicts by packages)
    scope = "sample"                  # "sample" (one run per sample) or "project"
    standard = "ISO 12345"            # optional: method text stored with each value
    description_en = "..."            # optional; description_fi too

    [consumes]
    kinds = ["tga"]                   # measurement kinds (workbench.vocab.MeasurementKind)
    properties = ["ash"]              # and/or property ids found in measurements/results

    [[parameters]]                    # one table per parameter
    name = "t_moisture"
    type = "float"                    # float | int | bool | choice | str | list
    unit = "°C"
    min = 50.0
    max = 300.0
    default = 150.0                   # required; validated against type/min/max/choices
    choices = []                      # for type = "choice"
    choice_labels_en = []             # optional: a plain label per choice; _fi too
    item_type = "float"               # for type = "list": float | int | str
    label_en = "Moisture end"         # optional; label_fi, help_en, help_fi too
    choices_from = "properties"       # optional, type = "str": a property id, offered
                                      # from the vocabulary in forms
    enabled_when = { mode = ["time"] } # optional: matters only for these values of
                                      # another parameter (forms grey it out otherwise)

    [produces]
    values = [{ property = "moisture", unit = "%", basis = "ar" }]   # "*" = any property
                                      # label_en/label_fi name a value that is not in
                                      # the vocabulary (a model's RMSECV)
    columns = ["temperature", "dtg"]  # names of curve/table columns ("*" = any)

The function::

    from workbench.analysis import AnalysisInputs, AnalysisOutput
    from workbench.model import Quantity

    def run(inputs: AnalysisInputs, params: dict, progress) -> AnalysisOutput:
        sample = inputs.sample                       # per-sample scope
        m = sample.of_kind("tga")[0]                 # read-only Measurement
        t = m.columns["temperature"].values()        # numpy array (lazy load)
        progress.update(0.5, "Computing")            # raises CancelledError on cancel
        out = AnalysisOutput()
        out.values["moisture"] = Quantity(8.1, "%", "ar", method="ASTM E1131")
        out.add_column("temperature", "°C", t)
        out.plots.append({"x": "temperature", "y": ["dtg"], "title": "DTG"})
        return out

Earlier values of the sample (e.g. a moisture result) are found with
``sample.find_quantity("moisture")``; the runner records those as inputs. The runner
checks parameters before the call and the output after it (finite numbers, declared
properties with the declared unit and basis, 1-D finite columns, plots referring to
existing columns of equal length); only then is a ``workbench.model.Result`` with
provenance (plugin id and version, parameters, input ids, app version, time) added to
the project. Raise ``workbench.errors.AnalysisError`` with a plain sentence when the
inputs cannot be analysed.
"""

from workbench.analysis.api import (
    API_VERSION,
    AnalysisInputs,
    AnalysisOutput,
    QuantitySource,
    SampleInputs,
)
from workbench.analysis.manifest import Manifest, ManifestError, ParamSpec, ValueSpec
from workbench.analysis.registry import (
    ENTRY_POINT_GROUP,
    PluginRecord,
    Registry,
    discover,
    get_registry,
)
from workbench.analysis.runner import (
    PluginRunError,
    RunOutcome,
    commit,
    prepare_run,
    run_plugin,
    run_with_timeout,
)
from workbench.analysis.stale import StaleResult, rerun, stale_results

__all__ = [
    "API_VERSION",
    "ENTRY_POINT_GROUP",
    "AnalysisInputs",
    "AnalysisOutput",
    "Manifest",
    "ManifestError",
    "ParamSpec",
    "PluginRecord",
    "PluginRunError",
    "QuantitySource",
    "Registry",
    "RunOutcome",
    "SampleInputs",
    "StaleResult",
    "ValueSpec",
    "commit",
    "discover",
    "get_registry",
    "prepare_run",
    "rerun",
    "run_plugin",
    "run_with_timeout",
    "stale_results",
]
