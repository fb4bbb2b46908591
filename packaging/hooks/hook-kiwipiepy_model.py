# kiwipiepy_model is a data-only package: the analyzer's model files (cong.mdl, sj.morph,
# default.dict, typo.dict ...) sit beside its __init__.py and are found through its __file__.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("kiwipiepy_model", includes=["*.mdl", "*.morph", "*.dict", "*.txt"])
