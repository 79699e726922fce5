"""``Project.find_sample`` answers from an index of the names that is never out of date.

An import of n files looks a name up n times; the lookup compared the name with every
sample (n * n / 2 comparisons: about 1.5 s of a 2,000-file batch). The index must still
see every way the samples or their names change.
"""

from __future__ import annotations

from workbench import model
from workbench.model import Project, Sample


def test_lookups_ignore_case_and_spaces_and_give_the_first_of_equal_names():
    project = Project()
    first = project.add_sample("Birch  Bark")
    project.add_sample("birch bark")
    assert project.find_sample("BIRCH BARK") is first
    assert project.find_sample(" birch   bark ") is first
    assert project.find_sample("spruce") is None


def test_every_change_of_samples_or_names_is_seen():
    project = Project()
    a = project.add_sample("Alder")
    assert project.find_sample("alder") is a
    project.set_sample_field(a.id, "name", "Aspen")  # through the project
    assert project.find_sample("alder") is None and project.find_sample("aspen") is a
    a.name = "Ash"  # directly on the sample
    assert project.find_sample("aspen") is None and project.find_sample("ash") is a
    b = Sample("s-direct", "Beech")
    project.samples[b.id] = b  # directly into the dict, as the file reader does
    assert project.find_sample("beech") is b
    project.remove_sample(a.id)
    assert project.find_sample("ash") is None
    del project.samples[b.id]
    assert project.find_sample("beech") is None
    project.samples = {"s-c": Sample("s-c", "Cherry")}  # a whole new dict
    assert project.find_sample("cherry").id == "s-c"
    project.samples.update({"s-d": Sample("s-d", "Dogwood")})
    assert project.find_sample("dogwood").id == "s-d"
    project.samples.pop("s-d")
    assert project.find_sample("dogwood") is None
    project.insert_sample(Sample("s-e", "Elm"))  # undo of a delete
    assert project.find_sample("elm").id == "s-e"


def test_a_rename_in_another_project_is_seen_too():
    one, other = Project(), Project()
    s = one.add_sample("Hazel")
    t = other.add_sample("Hornbeam")
    assert one.find_sample("hazel") is s and other.find_sample("hornbeam") is t
    s.name, t.name = "Holly", "Hazel"
    assert other.find_sample("hazel") is t and one.find_sample("holly") is s


def test_a_batch_of_new_samples_compares_names_a_linear_number_of_times(monkeypatch):
    calls = []
    real = model.name_key.__wrapped__
    monkeypatch.setattr(model, "name_key", lambda name: calls.append(name) or real(name))
    project = Project()
    for i in range(400):  # what an import does per file: look up, then add
        assert project.find_sample(f"sample {i}") is None
        project.add_sample(f"sample {i}")
    assert len(calls) < 3 * 400  # was 400 * 401 / 2 = 80,200
