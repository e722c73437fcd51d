"""The pose editor's web page in a real browser.

`gfla_editor` serves the page (Voila, on 127.0.0.1, the shipped generator); headless Chromium (Debian's `chromium`
package, driven by playwright through `executable_path`, so playwright's own browser download is not needed) loads it,
waits for the pictures, moves a joint with its slider, places one with a click, presses *reset pose*, and fails on any
console error or warning, page error, or request to another host. Screenshots go to $GFLA_SCREENSHOTS (default
runs/editor_browser/).

Where chromium, playwright or Voila are missing, the test is skipped and says which and how to install them:
`apt-get install chromium` and `pip install playwright "gfla_nb[editor]"`.
"""
import os, re, sys, time, shutil, signal, socket, subprocess, importlib.util
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get('GFLA_SCREENSHOTS', ROOT/'runs'/'editor_browser'))
LOCAL = ('http://127.0.0.1:', 'ws://127.0.0.1:', 'data:', 'blob:')


def chromium():
    return next((p for p in map(shutil.which, ('chromium', 'chromium-browser')) if p), None)


def missing():
    "What the test needs and this environment lacks, with how to install it."
    need = [('chromium (apt-get install chromium)', chromium() is not None),
            ('playwright (pip install playwright)', importlib.util.find_spec('playwright') is not None),
            ("Voila (pip install 'gfla_nb[editor]')", importlib.util.find_spec('voila') is not None)]
    return [what for what, ok in need if not ok]


pytestmark = pytest.mark.skipif(bool(missing()), reason=f"the pose editor's browser test needs {', '.join(missing())}")


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]


@pytest.fixture(scope='module')
def page_url():
    "`gfla_editor` on a free port, until the module's tests are done; its output goes to gfla_editor.log beside the screenshots."
    SHOTS.mkdir(parents=True, exist_ok=True)
    port, exe = free_port(), Path(sys.executable).parent/'gfla_editor'
    cmd = [str(exe)] if exe.exists() else [sys.executable, '-c', 'from gfla_nb.cli import gfla_editor_main; gfla_editor_main()']
    log = open(SHOTS/'gfla_editor.log', 'w')
    proc = subprocess.Popen(cmd + ['--port', str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        t0 = time.time()
        while True:
            if proc.poll() is not None: pytest.fail(f"gfla_editor exited with {proc.returncode}:\n{(SHOTS/'gfla_editor.log').read_text()[-3000:]}")
            try:
                socket.create_connection(('127.0.0.1', port), timeout=1).close(); break
            except OSError:
                if time.time() - t0 > 180: pytest.fail(f"gfla_editor did not listen on port {port} within 180 s")
                time.sleep(.5)
        yield f'http://127.0.0.1:{port}/'
    finally:
        proc.send_signal(signal.SIGTERM)
        try: proc.wait(60)
        except subprocess.TimeoutExpired: proc.kill(); proc.wait()
        log.close()


def stable(read, want=None, timeout=120., quiet=1.5):
    "Poll `read()` until it gives the same value for `quiet` seconds (and `want(value)` holds); returns that value."
    t0, last, since = time.time(), object(), time.time()
    while time.time() - t0 < timeout:
        v = read()
        if v != last: last, since = v, time.time()
        elif time.time() - since >= quiet and (want is None or want(v)): return v
        time.sleep(.2)
    raise AssertionError(f"no stable value{' as wanted' if want else ''} within {timeout} s; last: {last!r}")


def test_editor_page(page_url):
    from playwright.sync_api import sync_playwright
    problems, external = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=['--no-sandbox'] if os.geteuid() == 0 else [])
        try:
            page = browser.new_page(viewport={'width': 1000, 'height': 1000})
            page.on('console', lambda m: m.type in ('error', 'warning') and problems.append(f"console {m.type}: {m.text}"))
            page.on('pageerror', lambda e: problems.append(f"page error: {e}"))
            page.on('request', lambda r: r.url.startswith(LOCAL) or external.append(r.url))
            page.goto(page_url, timeout=180_000)

            # the pictures: all seven drawn, each at its natural size
            page.wait_for_function("() => { const im = [...document.querySelectorAll('img.widget-image')];"
                                   " return im.length == 7 && im.every(i => i.complete && i.naturalWidth > 0); }", timeout=240_000)
            status = lambda: page.locator('.widget-html', has_text='edited:').last.inner_text()
            edited = lambda: re.search(r'edited: (.*?) \|', status()).group(1)
            output = lambda: page.evaluate("""() => { const i = document.querySelectorAll('img.widget-image')[3];   // its pixels, as a PNG data URL
                const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;
                c.getContext('2d').drawImage(i, 0, 0); return c.toDataURL(); }""")
            readout = lambda: page.locator('.widget-readout').first.inner_text()
            test_eq = lambda a, b, what: None if a == b else pytest.fail(f"{what}: {a!r} != {b!r}")
            test_eq(stable(edited), 'none', 'the status after loading (a slider echo taken for an edit?)')
            sizes = page.evaluate("() => [...document.querySelectorAll('img.widget-image')].map(i => [i.naturalWidth, i.naturalHeight, i.clientWidth, i.clientHeight])")
            for nw, nh, cw, ch in sizes: test_eq((cw, ch), (nw, nh), 'a picture is not at its natural size')
            page.screenshot(path=SHOTS/'01_loaded.png', full_page=True)
            out0, y0 = output(), readout()

            # move the shown joint (Rwri) with its y slider: drag the handle 40 px to the right
            handle = page.locator('.widget-hslider .noUi-handle').first
            box = handle.bounding_box()
            page.mouse.move(box['x'] + box['width'] / 2, box['y'] + box['height'] / 2); page.mouse.down()
            for dx in range(5, 45, 5): page.mouse.move(box['x'] + box['width'] / 2 + dx, box['y'] + box['height'] / 2)
            page.mouse.up()
            test_eq(stable(edited, lambda v: v != 'none'), 'Rwri', 'the status after moving the right wrist')
            assert float(readout()) > float(y0), f"the y slider did not move: {y0} -> {readout()}"
            assert stable(output) != out0, "the output picture did not change"
            page.screenshot(path=SHOTS/'02_moved.png', full_page=True)

            # reset pose: a clean status that stays clean, and the first output again
            page.get_by_role('button', name='reset pose').click()
            test_eq(stable(edited, lambda v: v == 'none', quiet=2.5), 'none', 'the status after reset pose')
            assert stable(output) == out0, 'the output after reset pose differs from the first'
            page.screenshot(path=SHOTS/'03_reset.png', full_page=True)

            if importlib.util.find_spec('ipyevents'):      # a click on the output picture places the right wrist there
                page.locator('img.widget-image').nth(3).click(position={'x': 151, 'y': 31})
                test_eq(stable(edited, lambda v: v != 'none'), 'Rwri', 'the status after a click on the output')
                test_eq(readout(), '10.0', 'the y slider after a click 31 px down (30 or 31 whole px, 10 or 10.33 image px at 3x: 10.0 on the grid)')
                page.screenshot(path=SHOTS/'04_clicked.png', full_page=True)
                page.get_by_role('button', name='reset pose').click()
                test_eq(stable(edited, lambda v: v == 'none'), 'none', 'the status after the second reset')
        finally:
            browser.close()
    assert not problems, "the page logged:\n" + '\n'.join(problems)
    assert not external, f"the page asked other hosts for: {external}"
