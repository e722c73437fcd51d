# nbdev 2 template setup.py, patched for current setuptools (no pkg_resources, no version assert).
# All settings live in settings.ini: edit there, not here.
from configparser import ConfigParser
import setuptools, shlex, glob

config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

cfg_keys = 'version description keywords author author_email'.split()
expected = cfg_keys + "lib_name user branch license status min_python audience language".split()
for o in expected: assert o in cfg, "missing expected setting: {}".format(o)
setup_cfg = {o:cfg[o] for o in cfg_keys}

licenses = {'apache2': 'Apache-2.0', 'mit': 'MIT', 'bsd3': 'BSD-3-Clause'}
statuses = [ '1 - Planning', '2 - Pre-Alpha', '3 - Alpha',
    '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive' ]
py_versions = '3.10 3.11 3.12 3.13'.split()

requirements = shlex.split(cfg.get('requirements', ''))
if cfg.get('pip_requirements'): requirements += shlex.split(cfg.get('pip_requirements', ''))
min_python = cfg['min_python']
dev_requirements = (cfg.get('dev_requirements') or '').split()

package_data = dict()
pkg_data = cfg.get('package_data', None)
if pkg_data: package_data[cfg['lib_name']] = pkg_data.split()
setup_cfg['package_data'] = package_data

setuptools.setup(
    name = cfg['lib_name'],
    license = licenses.get(cfg['license'].lower(), cfg['license']),
    classifiers = [
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'Natural Language :: ' + cfg['language'].title(),
    ] + ['Programming Language :: Python :: '+o for o in py_versions[py_versions.index(min_python):]],
    url = cfg['git_url'],
    packages = setuptools.find_packages(include=[cfg['lib_name'], cfg['lib_name']+'.*']),
    include_package_data = True,
    install_requires = requirements,
    extras_require={ 'dev': dev_requirements, 'pose': (cfg.get('pose_requirements') or '').split(),
                     'editor': (cfg.get('editor_requirements') or '').split(),
                     'video': (cfg.get('video_requirements') or '').split() },
    python_requires  = '>=' + cfg['min_python'],
    long_description = open('README.md', encoding='utf-8').read(),
    long_description_content_type = 'text/markdown',
    zip_safe = False,
    # the papermill driver notebooks travel with the wheel, so the console scripts that run them work outside a checkout
    data_files = [('share/gfla_nb/nbs', [f for f in glob.glob('nbs/2[0-9]_*.ipynb') + glob.glob('nbs/3[0-9]_*.ipynb')])],
    entry_points = {
        'console_scripts': cfg.get('console_scripts','').split(),
        'nbdev': [f'{cfg.get("lib_path")}={cfg.get("lib_path")}._modidx:d']
    },
    **setup_cfg)
