"""Run every notebook through nbdev's test runner, one pytest test per notebook.

`nbdev_test` prints only `Success.`; this wrapper gives CI a counted closing line (`N passed`).
Cells flagged with a word in `tst_flags` (settings.ini: notest, slow, gpu) are skipped, as with `nbdev_test`;
set GFLA_TEST_FLAGS="slow" to run the slow cells too. Downloads of pretrained weights are switched off (GFLA_OFFLINE=1)
unless the environment sets GFLA_OFFLINE=0.
Each notebook runs with its own temporary folder (TMPDIR and `tempfile.tempdir`), removed afterwards, so the
`tempfile.mkdtemp()` folders a notebook makes for its demos (some hold 200 MB of test weights) do not pile up.
"""
import os, tempfile, shutil
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')  # idle OpenMP threads must not spin: small torch ops get 10x slower on 2 busy cores
os.environ.setdefault('GFLA_OFFLINE', '1')  # the suite never downloads pretrained weights (hundreds of MB); tests that exercise downloads serve files from 127.0.0.1 and pass offline=False
import pytest
from nbdev.config import get_config
from nbdev.doclinks import nbglob
import nbdev.test as nbt  # not `from nbdev.test import test_nb`: pytest would collect that name as a test

cfg = get_config()
nbs = sorted(nbglob(cfg.nbs_path, as_path=True))
run_flags = os.environ.get('GFLA_TEST_FLAGS', '').split()
skip_flags = [f for f in cfg.tst_flags.split() if f not in run_flags]

@pytest.fixture
def own_tmpdir(monkeypatch):
    "A fresh folder as the notebook's (and its subprocesses') temporary directory, deleted after the test."
    d = tempfile.mkdtemp(prefix='gfla_nb_test_')
    monkeypatch.setenv('TMPDIR', d); monkeypatch.setattr(tempfile, 'tempdir', d)
    yield d
    shutil.rmtree(d, ignore_errors=True)

@pytest.mark.parametrize('nb', nbs, ids=[str(p.relative_to(cfg.nbs_path)) for p in nbs])
def test_notebook(nb, own_tmpdir):
    ok, secs = nbt.test_nb(nb, skip_flags=skip_flags, basepath=cfg.config_path, do_print=False)
    assert ok, f'{nb.name} failed (traceback above)'
