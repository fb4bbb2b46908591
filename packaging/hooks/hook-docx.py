# python-docx builds new documents from templates shipped inside the package (reports, essays).
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("docx")
