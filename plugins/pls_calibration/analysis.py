"""PLS calibration plugin: spectra + reference values -> stored model, CV figures, predictions.

Steps of a run (all selected samples at once, project scope):

1. each sample's spectra are averaged on a common axis (``spectral_data.collect``);
2. reference values: the reference table when given (it wins), else the sample's newest
   measured or derived value of the property on the property's usual basis
   (predictions are never used as references); samples without one are *not* used for
   training but are predicted;
3. the preprocessing pipeline is fitted on the calibration spectra only (MSC mean) and
   run once, not once per fold (all other steps act on each spectrum alone);
4. ``workbench.analysis.pls.calibrate``: K-fold CV (any K up to leave-one-out,
   optionally repeated with new shuffles) for 1..max components, component choice
   (1-SE rule or minimum), final fit on all calibration samples;
   samples of an independent test set (``test_samples`` or a ``test_column`` of the
   reference table) are left out of all of it, predicted by the final model and
   reported separately (RMSEP, bias, SEP, RPD, R2);
5. the model is stored (``model_io``: arrays + JSON, no pickle) and samples without a
   reference value get ``Quantity(origin="predicted", method="PLS model <id>")`` with
   ``uncertainty = 2 x RMSECV`` (an approximate 95 % interval from cross-validation).

Only cross-validated and test-set figures are reported (RMSECV, Q2, bias, RPD = SD(y) /
RMSECV; on the test set RMSEP, bias, SEP, RPD = SD(y) / SEP and R2); the model keeps
every figure, the CV and test predictions per sample and the coefficients, which
``workbench.calibration_export`` writes to CSV/XLSX.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

import numpy as np

from workbench import __version__
from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.model_io import from_stored, to_stored
from workbench.analysis.pipelines import apply_pipeline, describe, fit_pipeline, resolve_pipeline
from workbench.analysis.pls import MIN_Q2_FOR_PREDICTION, calibrate, prediction_figures
from workbench.analysis.spectral_data import collect
from workbench.errors import AnalysisError
from workbench.messages import bilingual, fi_number
from workbench.model import Quantity, new_id
from workbench.progress import Progress
from workbench.properties import unknown_property_message
from workbench.value_flags import flagged_note
from workbench.vocab import PROPERTIES

from .references import norm_name, read_table, read_test_marks, sample_reference

PLUGIN_ID = "pls_calibration"
PLUGIN_VERSION = "1.2.0"


def _references(inputs: AnalysisInputs, data, prop: str, basis: str, table_path: str):
    """Reference value per collected sample (NaN = missing) and where each came from."""
    table = read_table(table_path, prop) if table_path.strip() else None
    by_id = {si.sample_id: si for si in inputs.samples}
    y = np.full(len(data.sample_ids), np.nan)
    sources: list[dict] = []
    for i, sid in enumerate(data.sample_ids):
        si = by_id[sid]
        key = norm_name(si.name)
        if table is not None and key in table.values:
            value = table.values[key]
            if value is not None:
                y[i] = value
                sources.append({"type": "table", "sha256": table.sha256, "column": table.column})
            else:
                sources.append({"type": "table", "missing": True})
            continue
        found = sample_reference(si, prop, basis)
        if found is None:
            sources.append({"type": "none"})
        else:
            y[i] = found[0]
            sources.append({"type": found[1].type, "id": found[1].id})
    return y, sources, table


def _test_mask(data, params: dict) -> np.ndarray:
    """Which collected samples form the independent test set (by name or table column)."""
    by_name = {norm_name(n): i for i, n in enumerate(data.names)}
    test = np.zeros(len(data.names), dtype=bool)
    wanted = [n for n in (t.strip() for t in params.get("test_samples", "").split(",")) if n]
    unknown = [n for n in wanted if norm_name(n) not in by_name]
    if unknown:
        known = ", ".join(map(str, data.names[:20])) + (" ..." if len(data.names) > 20 else "")
        raise AnalysisError(
            f"Test samples not among the samples with spectra: {', '.join(unknown)} "
            f"(samples: {known})."
        )
    for n in wanted:
        test[by_name[norm_name(n)]] = True
    column = params.get("test_column", "").strip()
    if column:
        if not params["reference_table"].strip():
            raise AnalysisError(
                f"A test-set column ({column!r}) needs a reference table (reference_table)."
            )
        for key in read_test_marks(params["reference_table"], column):
            if key in by_name:
                test[by_name[key]] = True
    return test


def _validation_text(cal) -> tuple[str, str]:
    """How the model was validated, in English and Finnish."""
    if cal.leave_one_out:
        return "leave-one-out cross-validation", "leave-one-out-ristiinvalidointi"
    k = cal.cv.n_folds
    if cal.repeats > 1:
        return (
            f"{k}-fold cross-validation repeated {cal.repeats} times",
            f"{k}-kertainen ristiinvalidointi {cal.repeats} kertaa toistettuna",
        )
    return f"{k}-fold cross-validation", f"{k}-kertainen ristiinvalidointi"


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    prop = params["property"].strip()
    pdef = PROPERTIES.get(prop)
    if pdef is None:
        raise AnalysisError(unknown_property_message(prop))
    unit, basis = pdef.unit, pdef.basis.value
    steps = resolve_pipeline(params["pipeline"], project=getattr(inputs, "settings", None))
    progress.update(0.02, "collecting spectra")
    data = collect(inputs.samples)
    y, sources, table = _references(inputs, data, prop, basis, params["reference_table"])
    names = np.array(data.names, dtype=object)
    test_marked = _test_mask(data, params)
    has_ref = np.isfinite(y)
    train = has_ref & ~test_marked
    test = has_ref & test_marked
    n_train = int(train.sum())
    if n_train < 4:
        outside = " outside the test set" if test_marked.any() else ""
        where = (
            "measured or derived values of the samples, or a reference table"
            if not params["reference_table"].strip()
            else "the reference table and the samples' measured or derived values"
        )
        raise AnalysisError(
            f"Only {n_train} of the {len(y)} samples have a reference value of {pdef.label_en} "
            f"({unit}, {basis}){outside}; a calibration needs at least 4. Reference values "
            f"come from {where} (reference_table: a CSV with a sample column and a "
            f"{prop} column)."
        )
    if test_marked.any() and test.sum() < 2:
        raise AnalysisError(
            f"The test set has {int(test.sum())} samples with a reference value of "
            f"{pdef.label_en}; test-set figures need at least 2."
        )
    progress.update(0.05, "preprocessing")
    x_p, X_train, state = fit_pipeline(data.x, data.Y[train], steps)
    cal = calibrate(
        X_train,
        y[train],
        max_components=params["max_components"],
        n_folds=params["folds"],
        seed=params["seed"],
        selection=params["selection"],
        scale=params["autoscale"],
        repeats=params.get("repeats", 1),
        progress=progress.child(0.1, 0.9),
    )
    test_pred = np.empty(0)
    test_figs: dict[str, float] = {}
    if test.any():
        _, X_test = apply_pipeline(data.x, data.Y[test], steps, state=state)
        test_pred = cal.predict(X_test)
        test_figs = prediction_figures(y[test], test_pred)
    model_id = new_id("m")
    today = _dt.date.today().isoformat()
    curve = cal.rmsecv_curve if cal.rmsecv_curve is not None else cal.cv.rmsecv
    performance = {
        "rmsecv": cal.rmsecv,
        "q2": cal.q2,
        "bias": cal.bias,
        "rpd": cal.rpd,
        "n_calibration": n_train,
        "folds": cal.cv.n_folds,
        "seed": cal.cv.seed,
        "selection": cal.selection,
        "validation": _validation_text(cal)[0],
        "repeats": cal.repeats,
        "leave_one_out": cal.leave_one_out,
        "rmsecv_by_components": [float(v) for v in curve],
        "reference_range": [float(y[train].min()), float(y[train].max())],
        "cv_predictions": [
            {
                "sample": str(names[i]),
                "reference": float(y[i]),
                "predicted": float(p),
                "fold": int(f) + 1,
            }
            for i, p, f in zip(np.flatnonzero(train), cal.cv_predictions, cal.cv.folds)
        ],
    }
    if cal.repeats > 1:
        performance["spread"] = cal.spread()
        performance["repeat_figures"] = cal.repeat_figures
    if test_figs:
        performance["test"] = {
            **{k: v for k, v in test_figs.items() if k != "n"},
            "n": int(test_figs["n"]),
            "predictions": [
                {"sample": str(names[i]), "reference": float(y[i]), "predicted": float(p)}
                for i, p in zip(np.flatnonzero(test), test_pred)
            ],
        }
    provenance = {
        "plugin_id": PLUGIN_ID,
        "plugin_version": PLUGIN_VERSION,
        "app_version": __version__,
        "parameters": dict(params),
        "pipeline_description": describe(steps),
        "calibration_samples": [
            {"id": sid, "name": data.names[i], "reference": float(y[i]), "source": sources[i]}
            for i, sid in enumerate(data.sample_ids)
            if train[i]
        ],
        "spectra": [mid for i, ids in enumerate(data.measurement_ids) if train[i] for mid in ids],
    }
    if table is not None:
        provenance["reference_table"] = {
            "name": table.path.rsplit("/", 1)[-1],
            "sha256": table.sha256,
        }
    stored = to_stored(
        name=params["model_name"].strip() or f"{pdef.label_en} PLS {today}",
        property=prop,
        unit=unit,
        basis=basis,
        n_components=cal.n_components,
        steps=steps,
        x_axis=data.x,
        x_unit=data.x_unit,
        x_processed=x_p,
        x_mean=cal.x_mean,
        coef=cal.coef,
        intercept=cal.intercept,
        state=state,
        performance=performance,
        provenance=provenance,
        model_id=model_id,
        limits=cal.limits,
    )
    out = AnalysisOutput(
        label=bilingual(
            f"PLS calibration of {pdef.label_en}",
            f"PLS-kalibrointi: {pdef.label_fi or pdef.label_en}",
        ),
        models=[stored],
    )
    predictor = from_stored(stored)
    rest = ~has_ref
    if rest.any() and cal.q2 >= MIN_Q2_FOR_PREDICTION:
        progress.update(0.95, "predicting samples without reference values")
        _, X_rest = apply_pipeline(data.x, data.Y[rest], steps, state=state)
        pred = predictor.predict_processed(X_rest)
        flags = predictor.flags(pred, X_rest)
        for sid, value, flagged in zip(np.asarray(data.sample_ids)[rest], pred, flags):
            out.sample_values[str(sid)] = {
                prop: Quantity(
                    float(value),
                    unit,
                    basis,
                    method=predictor.method,
                    origin="predicted",
                    uncertainty=2.0 * cal.rmsecv,
                    flags=flagged,
                )
            }
        note = flagged_note([str(n) for n in names[rest]], pred.tolist(), flags, unit)
        if note is not None:
            out.note(en=note[0], fi=note[1])
    figures = {
        "pls_rmsecv": Quantity(cal.rmsecv, unit, basis, method="cross-validated"),
        "pls_bias": Quantity(cal.bias, unit, basis, method="cross-validated"),
        "pls_q2": Quantity(cal.q2, "", "none", method="cross-validated"),
        "pls_components": Quantity(float(cal.n_components), "", "none"),
        "pls_calibration_samples": Quantity(float(n_train), "", "none"),
    }
    if np.isfinite(cal.rpd):
        figures["pls_rpd"] = Quantity(cal.rpd, "", "none", method="cross-validated")
    if cal.repeats > 1:
        spread = cal.spread()
        figures["pls_rmsecv_sd"] = Quantity(
            spread["rmsecv"]["sd"], unit, basis, method="SD over CV repeats"
        )
        figures["pls_q2_sd"] = Quantity(spread["q2"]["sd"], "", "none", method="SD over CV repeats")
    if test_figs:
        on_test = "independent test set"
        figures["pls_rmsep"] = Quantity(test_figs["rmsep"], unit, basis, method=on_test)
        figures["pls_test_bias"] = Quantity(test_figs["bias"], unit, basis, method=on_test)
        figures["pls_sep"] = Quantity(test_figs["sep"], unit, basis, method=on_test)
        if np.isfinite(test_figs["rpd"]):
            figures["pls_test_rpd"] = Quantity(test_figs["rpd"], "", "none", method=on_test)
        figures["pls_test_r2"] = Quantity(test_figs["r2"], "", "none", method=on_test)
        figures["pls_test_samples"] = Quantity(test_figs["n"], "", "none")
    # a calibration's figures are derived (values are immutable: each is replaced)
    out.values.update({k: replace(q, origin="derived") for k, q in figures.items()})
    names_of = _axis_names(pdef, unit)
    _columns_and_plots(out, cal, y[train], list(names[train]), x_p, data.x_unit, unit, names_of)
    if test_figs:
        _test_columns_and_plot(out, y[test], test_pred, list(names[test]), unit, names_of)
    _messages(out, cal, pdef, unit, stored, steps, names, has_ref, data.notes)
    if cal.repeats > 1:
        _repeat_message(out, cal, unit)
    if test_figs:
        _test_message(out, test_figs, unit)
    progress.update(1.0, "done")
    return out


def _axis_names(pdef, unit: str):
    """``names_of(en, fi)``: "<property label>, <what> (<unit>)" in both languages, so an
    axis or a column says which property it is of (not only the plot's title)."""
    label_en, label_fi = pdef.label_en, pdef.label_fi or pdef.label_en
    u = f" ({unit})" if unit else ""

    def names_of(en: str, fi: str):
        return bilingual(f"{label_en}, {en}{u}", f"{label_fi}, {fi}{u}")

    return names_of


def _columns_and_plots(out, cal, y_train, labels, x_p, x_unit, unit, names_of) -> None:
    reference = names_of("reference", "referenssiarvo")
    cv_predicted = names_of("cross-validated prediction", "ristiinvalidoitu ennuste")
    out.add_column("reference", unit, y_train, reference)
    out.add_column("cv_predicted", unit, cal.cv_predictions, cv_predicted)
    out.add_column(
        "components",
        "",
        np.arange(1, cal.cv.rmsecv.size + 1),
        bilingual("Components", "Komponenttien määrä"),
    )
    curve = cal.rmsecv_curve if cal.rmsecv_curve is not None else cal.cv.rmsecv
    out.add_column("rmsecv", unit, curve, f"RMSECV ({unit})")
    out.add_column("x", x_unit, x_p, f"x ({x_unit})" if x_unit else "x")
    out.add_column(
        "coefficients", "", cal.coef, bilingual("Regression coefficient", "Regressiokerroin")
    )
    out.plots.append(
        {
            "kind": "scatter",
            "x": "reference",
            "y": ["cv_predicted"],
            "labels": labels,
            "identity_line": True,
            "title": bilingual(
                f"Predicted (cross-validated) vs reference, {cal.n_components} components",
                f"Ristiinvalidoitu ennuste vs. referenssiarvo, {cal.n_components} komponenttia",
            ),
            "x_label": reference,
            "y_label": cv_predicted,
        }
    )
    out.plots.append(
        {
            "kind": "line",
            "x": "components",
            "y": ["rmsecv"],
            "title": bilingual(
                "RMSECV by number of components", "RMSECV komponenttien määrän mukaan"
            ),
            "x_label": bilingual("components", "komponenttien määrä"),
            "y_label": f"RMSECV ({unit})",
        }
    )
    out.plots.append(
        {
            "kind": "line",
            "x": "x",
            "y": ["coefficients"],
            "title": bilingual("Regression coefficients", "Regressiokertoimet"),
            "x_label": f"x ({x_unit})" if x_unit else "x",
            "y_label": bilingual("coefficient", "kerroin"),
        }
    )


def _test_columns_and_plot(out, y_test, pred, labels, unit, names_of) -> None:
    reference = names_of("test-set reference", "testijoukon referenssiarvo")
    predicted = names_of("test-set prediction", "testijoukon ennuste")
    out.add_column("test_reference", unit, y_test, reference)
    out.add_column("test_predicted", unit, pred, predicted)
    out.plots.append(
        {
            "kind": "scatter",
            "x": "test_reference",
            "y": ["test_predicted"],
            "labels": labels,
            "identity_line": True,
            "title": bilingual(
                "Independent test set: predicted vs reference",
                "Riippumaton testijoukko: ennuste vs. referenssiarvo",
            ),
            "x_label": reference,
            "y_label": predicted,
        }
    )


def _repeat_message(out, cal, unit) -> None:
    sp = cal.spread()
    r, q = sp["rmsecv"], sp["q2"]
    out.note(
        en=f"Over {cal.repeats} repeats of the {cal.cv.n_folds}-fold split: RMSECV "
        f"{cal.rmsecv:.4g} {unit} from all repeats' predictions together (SD of the "
        f"repeats' own RMSECV {r['sd']:.2g} {unit}, from {r['min']:.4g} to {r['max']:.4g}), "
        f"Q2 {cal.q2:.3f} (SD {q['sd']:.3f}, from {q['min']:.3f} to {q['max']:.3f}).",
        fi=f"{cal.repeats} toistoa {cal.cv.n_folds}-kertaisesta jaosta: RMSECV "
        f"{fi_number(cal.rmsecv, '.4g')} {unit} kaikkien toistojen ennusteista yhdessä "
        f"(toistojen omien RMSECV-arvojen keskihajonta {fi_number(r['sd'], '.2g')} {unit}, "
        f"vaihteluväli {fi_number(r['min'], '.4g')}–{fi_number(r['max'], '.4g')}), Q2 "
        f"{fi_number(cal.q2, '.3f')} (keskihajonta {fi_number(q['sd'], '.3f')}, "
        f"vaihteluväli {fi_number(q['min'], '.3f')}–{fi_number(q['max'], '.3f')}).",
    )


def _test_message(out, f, unit) -> None:
    n = int(f["n"])
    out.note(
        en=f"Independent test set of {n} samples (not used for fitting or for choosing the "
        f"components): RMSEP {f['rmsep']:.4g} {unit}, bias {f['bias']:.3g} {unit}, SEP "
        f"{f['sep']:.4g} {unit}, RPD {f['rpd']:.2f}, R2 {f['r2']:.3f}.",
        fi=f"Riippumaton testijoukko, {n} näytettä (ei käytetty mallin sovitukseen eikä "
        f"komponenttien valintaan): RMSEP {fi_number(f['rmsep'], '.4g')} {unit}, harha "
        f"{fi_number(f['bias'], '.3g')} {unit}, SEP {fi_number(f['sep'], '.4g')} {unit}, RPD "
        f"{fi_number(f['rpd'], '.2f')}, R2 {fi_number(f['r2'], '.3f')}.",
    )


def _messages(out, cal, pdef, unit, stored, steps, names, train, notes) -> None:
    out.messages.extend(notes)
    one_se = cal.selection == "1se"
    rmsecv_q2 = f"RMSECV {cal.rmsecv:.4g} {unit}, Q2 {cal.q2:.3f}"
    bias_rpd = f"{cal.bias:.3g} {unit}, RPD {cal.rpd:.2f}"
    rmsecv_q2_fi = f"RMSECV {fi_number(cal.rmsecv, '.4g')} {unit}; Q2 {fi_number(cal.q2, '.3f')}"
    bias_rpd_fi = f"{fi_number(cal.bias, '.3g')} {unit}; RPD {fi_number(cal.rpd, '.2f')}"
    n_train = int(cal.cv_predictions.size)
    how_en, how_fi = _validation_text(cal)
    out.note(
        en=f"Model {stored.name!r} ({stored.id}): {cal.n_components} components "
        f"({'one-standard-error rule' if one_se else 'lowest RMSECV'}); "
        f"{rmsecv_q2}, bias {bias_rpd}, from {n_train} samples in {how_en}. "
        f"Preprocessing: {describe(steps)}.",
        fi=f"Malli {stored.name!r} ({stored.id}): komponentteja {cal.n_components} "
        f"({'yhden keskivirheen sääntö' if one_se else 'pienin RMSECV'}); "
        f"{rmsecv_q2_fi}; harha {bias_rpd_fi}; kalibrointinäytteitä {n_train}, {how_fi}. "
        f"Esikäsittely: {describe(steps, 'fi')}.",
    )
    if cal.n_components == cal.cv.rmsecv.size and cal.cv.rmsecv.size > 1:
        out.note(
            en="The chosen component count is the largest tried; allow more components and "
            "check the RMSECV curve.",
            fi="Valittu komponenttimäärä on suurin kokeiltu; salli useampia komponentteja ja "
            "tarkista RMSECV-käyrä.",
        )
    if cal.q2 < MIN_Q2_FOR_PREDICTION:
        out.note(
            en=f"Q2 is {cal.q2:.2f} (below {MIN_Q2_FOR_PREDICTION}): the spectra explain little "
            f"of the {pdef.label_en} variation, so no predictions were stored; measure more "
            "reference samples or try another preprocessing.",
            fi=f"Q2 on {fi_number(cal.q2, '.2f')} (alle {fi_number(MIN_Q2_FOR_PREDICTION)}): "
            "spektrit selittävät vain "
            f"vähän ominaisuuden ”{pdef.label_fi}” vaihtelusta, joten ennusteita ei "
            "tallennettu; mittaa lisää vertailunäytteitä tai kokeile toista esikäsittelyä.",
        )
    missing = list(names[~train])
    if missing and cal.q2 >= MIN_Q2_FOR_PREDICTION:
        shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
        out.note(
            en=f"{len(missing)} samples without a reference value were predicted, not used for "
            f"training: {shown}.",
            fi=f"Näytteet, joilla ei ole vertailuarvoa ({len(missing)}), ennustettiin "
            f"mallilla eikä niitä käytetty kalibrointiin: {shown}.",
        )
