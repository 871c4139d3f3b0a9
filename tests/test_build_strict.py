"""The strict build is a gate: each breakage below must stop it."""

from __future__ import annotations

from conftest import run_build


def _fails_with(project, tmp_path, *needles):
    result = run_build(tmp_path / "out", project)
    assert result.returncode != 0, "the build passed but should have failed"
    for needle in needles:
        assert needle in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return result.stderr


def test_clean_copy_builds(project_copy, tmp_path):
    result = run_build(tmp_path / "out", project_copy)
    assert result.returncode == 0, result.stderr[-3000:]


def test_page_in_one_language_only_fails(project_copy, tmp_path):
    (project_copy / "docs" / "planen" / "1-inledning.en.md").unlink()
    _fails_with(project_copy, tmp_path, "1-inledning")


def test_broken_internal_link_fails(project_copy, tmp_path):
    page = project_copy / "docs" / "planen" / "index.md"
    page.write_text(page.read_text() + "\n[Trasig](finns-inte.md)\n")
    _fails_with(project_copy, tmp_path, "finns-inte.md")


def test_broken_anchor_fails(project_copy, tmp_path):
    page = project_copy / "docs" / "planen" / "index.md"
    page.write_text(page.read_text() + "\n[Trasig](1-inledning.md#inget-sadant-ankare)\n")
    _fails_with(project_copy, tmp_path, "inget-sadant-ankare")
