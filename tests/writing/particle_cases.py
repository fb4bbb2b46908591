"""Particle cases: (word, particle pair, expected form after the word).

Written for Jaso from the particle rules (표준국어대사전 entries of each particle, 외래어 표기법
for English words, Sino-Korean readings of numbers); the peer suites named in issue 17 test the
same kinds of words, but none of their cases is copied here. Pairs are written "after a final
consonant/after a vowel".
"""

from __future__ import annotations

import unicodedata

PAIRS = (
    "이/가", "은/는", "을/를", "과/와", "으로/로", "이랑/랑", "이나/나", "이라/라", "이든/든",
    "이여/여", "이야/야", "아/야", "으로부터/로부터", "으로서/로서", "으로써/로써", "이며/며",
    "이란/란", "이라는/라는", "이라고/라고", "이었다/였다", "이에요/예요", "이야말로/야말로",
    "이었기에/였기에",
)  # fmt: skip


def form(pair: str, ending: str) -> str:
    """The form of ``pair`` for a word whose reading ends in ``ending``: "C" (consonant other
    than ㄹ), "L" (ㄹ) or "V" (vowel)."""
    consonant, vowel = pair.split("/")
    if ending == "V":
        return vowel
    if ending == "L" and consonant.startswith("으로"):
        return vowel
    return consonant


# Words and how their reading ends.
WORDS: dict[str, str] = {
    # Hangul
    "사과": "V", "책": "C", "물": "L", "서울": "L", "한빛물류": "V", "다온은행": "C",
    "하늘소프트": "V", "누리바이오": "V", "한결에너지공사": "V", "대한운송": "C",
    "삼성": "C", "엘지": "V", "카카오": "V", "네이버": "V", "쿠팡": "C", "배달의민족": "C",
    "닭": "C", "값": "C", "흙": "C", "삶": "C", "여덟": "C", "밖": "C", "꽃": "C", "부엌": "C",
    "집": "C", "길": "L", "강": "C", "별": "L", "개발자": "V", "엔지니어": "V", "팀원": "C",
    # Latin letters, read by name
    "A": "V", "B": "V", "C": "V", "D": "V", "E": "V", "F": "V", "G": "V", "H": "V", "I": "V",
    "J": "V", "K": "V", "L": "L", "M": "C", "N": "C", "O": "V", "P": "V", "Q": "V", "R": "L",
    "S": "V", "T": "V", "U": "V", "V": "V", "W": "V", "X": "V", "Y": "V", "Z": "V",
    # Acronyms, letter by letter
    "NHN": "C", "MBN": "C", "KBS": "V", "SBS": "V", "MBC": "V", "LG": "V", "SK": "V",
    "KT": "V", "CJ": "V", "GS": "V", "IBM": "C", "HTML": "L", "URL": "L", "XML": "L",
    "SQL": "L", "CPU": "V", "GPU": "V", "AWS": "V", "CEO": "V", "PM": "C", "QA": "V",
    "KPI": "V", "ERP": "V", "CRM": "C", "SCM": "C", "WMS": "V", "DB": "V", "IT": "V",
    "HR": "L", "PR": "L", "VR": "L", "AR": "L", "BTS": "V", "TSMC": "V", "ASML": "L",
    "3M": "C", "5G": "V", "H2O": "V",
    # Numbers, read in Sino-Korean
    "0": "C", "1": "L", "2": "V", "3": "C", "4": "V", "5": "V", "6": "C", "7": "L",
    "8": "L", "9": "V", "10": "C", "20": "C", "100": "C", "1000": "C", "1,000": "C",
    "10000": "C", "10,000": "C", "100000": "C", "1000000": "C", "100000000": "C",
    "1,000,000,000,000": "V", "1조": "V", "10000000000000000": "C", "2024": "V",
    "1,200": "C", "3.5": "V", "0.8": "L", "99": "V", "101": "L", "1.0": "C", "50%": "V",
    "30℃": "V", "5kg": "C", "100m": "V",
    # English words read as words
    "Google": "L", "Apple": "L", "Amazon": "C", "Samsung": "C", "Naver": "V",
    "Oracle": "L", "Kakao": "V", "Facebook": "C", "Microsoft": "V", "Netflix": "V",
    "YouTube": "V", "GitHub": "V", "LinkedIn": "C", "Python": "C", "Java": "V",
    "Excel": "L", "Intel": "L", "Tesla": "V", "Sony": "V", "Nike": "V", "Adobe": "V",
    "Slack": "C", "Notion": "C", "Zoom": "C", "Docker": "V", "Kubernetes": "V",
    "Android": "V", "Linux": "V", "Spring": "C", "React": "V", "Redis": "V",
    "Kafka": "V", "Spark": "V", "PayPal": "L", "Coupang": "C", "Boeing": "C",
    "Twitter": "V", "Instagram": "C", "iPhone": "C", "Chatbot": "C", "Market": "C",
    "Internet": "C", "Robot": "C", "Program": "C", "Team": "C", "Game": "C", "Phone": "C",
    "Machine": "C", "Design": "C", "Shop": "C", "App": "C", "Startup": "C", "Group": "C",
    "Test": "V", "Light": "V", "Cloud": "V", "Data": "V", "Service": "V", "Core": "V",
    "Table": "L", "Mobile": "L", "Style": "L", "Email": "L", "Model": "L", "Tool": "L",
    "Server": "V", "Computer": "V", "Engineer": "V", "Manager": "V", "Developer": "V",
    "Blog": "V", "Bus": "V", "Box": "V", "Flash": "V", "Search": "V", "Health": "V",
    "Project": "V", "Marketing": "C", "Training": "C", "Mission": "C", "Vision": "C",
    "Platform": "C", "System": "C", "Web": "C", "Lab": "C", "Hub": "V", "Good": "C",
    "Type": "C", "Magic": "C", "Logic": "C", "Music": "C", "Network": "V", "Framework": "V",
    "Layout": "C", "Plan": "C", "Blue": "V", "Coffee": "V", "Cookie": "V", "Show": "V",
    "Golf": "V", "Bench": "V", "Smith": "V", "Camp": "V", "Help": "V", "Art": "V",
    "Boot": "V", "Point": "V", "Mail": "L", "Level": "L", "Goal": "L", "Skill": "L",
    "Kotlin": "C", "Swift": "V", "Rust": "V", "Django": "V", "Node.js": "V", "ASP.NET": "C",
    ".NET": "C", "C#": "C", "KAIST": "V", "POSCO": "V", "NASA": "V", "UNESCO": "V",
    "OPEC": "C", "DRAM": "C", "LINE": "C", "GOOGLE": "L", "NAVER": "V", "SAMSUNG": "C",
}  # fmt: skip

# Words whose reading is not certain: particle_for leaves the particle as given, checks say
# nothing, reuse leaves the name for the user.
UNCERTAIN = ("C++", "Climb", "Kiosk", "Rob", "Fork", "ABCD-", "漢字", "…", "")

# The same word in forms pasted text brings: decomposed (NFD), compatibility jamo, quoted,
# bracketed.
DECORATED: dict[str, str] = {
    unicodedata.normalize("NFD", "한빛물류"): "V",
    unicodedata.normalize("NFD", "다온은행"): "C",
    unicodedata.normalize("NFD", "서울"): "L",
    "ㄱ": "C", "ㄴ": "C", "ㄹ": "L", "ㅁ": "C", "ㅎ": "C", "ㅏ": "V", "ㅗ": "V",
    "강(江)": "C", "강(가)": "C", "사과(沙果)": "V", "삼성(Samsung)": "C",
    "네이버(Naver)": "V", '"Apple"': "L", "'Google'": "L", "“Naver”": "V",
    "「삼성」": "C", "[한빛물류]": "V", "(주)다온은행": "C", "서울)": "L",
    "U.S.": "V", "Apple,": "L", "Google!": "L", "삼성…": "C",
}  # fmt: skip


def cases() -> list[tuple[str, str, str]]:
    """Every (word, pair, expected) of ``WORDS`` and ``DECORATED`` under every pair."""
    table = {**WORDS, **DECORATED}
    return [(word, pair, form(pair, ending)) for word, ending in table.items() for pair in PAIRS]
