"""Spectral preprocessing functions against hand-computed values on tiny arrays."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.analysis import preprocess as pp
from workbench.errors import AnalysisError


def test_select_range_keeps_inclusive_bounds_in_either_order():
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    Y = np.array([[10.0, 20.0, 30.0, 40.0, 50.0]])
    xn, Yn = pp.select_range(x, Y, 4.0, 2.0)
    assert xn.tolist() == [2.0, 3.0, 4.0]
    assert Yn.tolist() == [[20.0, 30.0, 40.0]]
    with pytest.raises(AnalysisError, match="fewer than two points"):
        pp.select_range(x, Y, 7.0, 9.0)


def test_resample_linear_and_descending_axis():
    # y = 0, 10, 40 at x = 0, 1, 2: midpoints by hand are 5 and 25.
    out = pp.resample(np.array([2.0, 1.0, 0.0]), np.array([40.0, 10.0, 0.0]), [0.5, 1.5])
    assert out.tolist() == [[5.0, 25.0]]


def test_resample_refuses_extrapolation_or_marks_nan():
    x, y = np.array([0.0, 1.0, 2.0]), np.array([0.0, 10.0, 40.0])
    with pytest.raises(AnalysisError, match="extrapolated"):
        pp.resample(x, y, [1.0, 2.5])
    out = pp.resample(x, y, [-1.0, 1.0, 2.5], outside="nan")
    assert np.isnan(out[0, 0]) and out[0, 1] == 10.0 and np.isnan(out[0, 2])
    with pytest.raises(AnalysisError, match="repeats"):
        pp.resample([0.0, 1.0, 1.0], [1.0, 2.0, 3.0], [0.5])


def test_snv_hand_computed():
    # mean 2.5, sd (p-1) = sqrt(5/3) = 1.2909944487
    out = pp.snv(np.array([[1.0, 2.0, 3.0, 4.0]]))
    sd = np.sqrt(5.0 / 3.0)
    np.testing.assert_allclose(out[0], [-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd], rtol=1e-12)
    np.testing.assert_allclose(
        out[0], [-1.161895003862225, -0.3872983346207417, 0.3872983346207417, 1.161895003862225]
    )
    with pytest.raises(AnalysisError, match="flat"):
        pp.snv(np.ones((1, 4)))


def test_msc_removes_offset_and_slope():
    ref = np.array([1.0, 2.0, 3.0, 4.0])
    Y = np.vstack([2.0 + 3.0 * ref, -1.0 + 0.5 * ref])
    out, used = pp.msc(Y, ref)
    np.testing.assert_allclose(out, np.vstack([ref, ref]), rtol=1e-12)
    assert used.tolist() == ref.tolist()
    # Against the mean: the mean of the two rows is 0.5 + 1.75 ref.
    out_mean, mean_ref = pp.msc(Y)
    np.testing.assert_allclose(mean_ref, 0.5 + 1.75 * ref)
    np.testing.assert_allclose(out_mean, np.vstack([mean_ref, mean_ref]), rtol=1e-12)


def test_savgol_smoothing_coefficients_by_hand():
    # 5-point quadratic smoothing weights are (-3, 12, 17, 12, -3) / 35.
    x = np.arange(9.0)
    y = np.zeros(9)
    y[4] = 1.0
    out = pp.savitzky_golay(x, y, 5, 2, 0)[0]
    np.testing.assert_allclose(out[2:7], np.array([-3, 12, 17, 12, -3]) / 35.0, atol=1e-12)


def test_savgol_derivatives_use_x_spacing():
    x = np.arange(0.0, 5.0, 0.5)  # spacing 0.5
    y = x**2
    np.testing.assert_allclose(pp.savitzky_golay(x, y, 5, 2, 1)[0], 2 * x, atol=1e-10)
    np.testing.assert_allclose(
        pp.savitzky_golay(x, y, 5, 2, 2)[0], np.full(x.size, 2.0), atol=1e-10
    )
    with pytest.raises(AnalysisError, match="evenly spaced"):
        pp.savitzky_golay(np.array([0.0, 1.0, 3.0, 4.0, 5.0]), np.ones(5), 3, 1, 0)
    with pytest.raises(AnalysisError, match="odd"):
        pp.savitzky_golay(x, y, 4, 2, 0)


def test_baseline_poly_recovers_line_under_peak():
    x = np.linspace(0.0, 10.0, 101)
    line = 3.0 + 0.5 * x
    np.testing.assert_allclose(pp.baseline_poly(x, line, 1)[0], line, atol=1e-9)
    peak = 5.0 * np.exp(-0.5 * ((x - 5.0) / 0.3) ** 2)
    base = pp.baseline_poly(x, line + peak, 1)[0]
    far = np.abs(x - 5.0) > 2.0
    np.testing.assert_allclose(base[far], line[far], atol=0.05)


def test_baseline_als_matches_dense_solution_and_keeps_lines():
    n, lam = 8, 10.0
    rng = np.random.default_rng(3)
    y = rng.normal(size=n)
    D = np.diff(np.eye(n), 2, axis=0)
    dense = np.linalg.solve(np.eye(n) + lam * D.T @ D, y)  # first iteration, all weights 1
    np.testing.assert_allclose(
        pp.baseline_als(y[None, :], lam=lam, p=0.5, n_iter=1)[0], dense, atol=1e-12
    )
    line = 2.0 - 0.25 * np.arange(20.0)
    np.testing.assert_allclose(pp.baseline_als(line[None, :], lam=1e4, p=0.01)[0], line, atol=1e-8)


def test_normalise_area_max_vector():
    x = np.array([0.0, 1.0, 2.0])
    np.testing.assert_allclose(pp.normalise(x, [[1.0, 1.0, 1.0]], "area"), [[0.5, 0.5, 0.5]])
    np.testing.assert_allclose(pp.normalise(x, [[1.0, -4.0, 2.0]], "max"), [[0.25, -1.0, 0.5]])
    np.testing.assert_allclose(pp.normalise(x[:2], [[3.0, 4.0]], "vector"), [[0.6, 0.8]])
    with pytest.raises(AnalysisError):
        pp.normalise(x, [[0.0, 0.0, 0.0]], "max")
    with pytest.raises(AnalysisError, match="Unknown normalisation"):
        pp.normalise(x, [[1.0, 1.0, 1.0]], "median")


def test_inputs_are_not_modified():
    x = np.linspace(0, 1, 11)
    Y = np.random.default_rng(0).normal(size=(3, 11))
    before = Y.copy()
    pp.snv(Y)
    pp.msc(Y)
    pp.savitzky_golay(x, Y, 5, 2, 1)
    pp.baseline_als(Y)
    pp.normalise(x, Y, "vector")
    assert np.array_equal(Y, before)
