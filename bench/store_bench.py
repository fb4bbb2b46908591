"""Store at scale: 10,000 applications x 5 questions. List load and search latency, with the
trigram FTS index side by side with a plain LIKE scan of the same rows.

Run: python bench/store_bench.py [--apps N]. Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from desktop.store import Database
from desktop.store.applications import NewQuestion, create_application, list_applications
from desktop.store.search import search

WORDS = (
    "물류",
    "재고",
    "오차율",
    "입고",
    "검수",
    "데이터",
    "분석",
    "고객",
    "협업",
    "갈등",
    "해결",
    "프로젝트",
    "개선",
    "성과",
    "지원",
    "직무",
    "역량",
    "경험",
    "목표",
    "팀원",
    "설비",
    "정비",
    "품질",
    "관리",
    "서비스",
    "기획",
    "운영",
    "효율",
    "매출",
    "신뢰",
)
COMPANIES = ("한빛물류", "다온은행", "하늘소프트", "누리바이오", "모아커머스", "한결에너지공사")


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(12)) + "습니다."


def fill(db: Database, apps: int) -> float:
    rng = random.Random(7)
    start = time.perf_counter()
    with db.session() as session:
        for i in range(apps):
            create_application(
                session,
                company=f"{rng.choice(COMPANIES)}{i}",
                role="직무",
                questions=[
                    NewQuestion(
                        f"문항 {q} (1,000자)", answer=" ".join(sentence(rng) for _ in range(8))
                    )
                    for q in range(5)
                ],
            )
    return time.perf_counter() - start


def median_ms(function: Callable[[], object], repeat: int = 15) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def like_scan(db: Database, query: str) -> list[object]:
    with db.engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT q.id FROM question q JOIN application a ON a.id = q.application_id "
                    "WHERE (q.text LIKE :q OR q.answer LIKE :q) AND q.deleted_at IS NULL "
                    "AND a.deleted_at IS NULL ORDER BY a.deadline IS NULL, a.deadline, q.position "
                    "LIMIT 200"
                ),
                {"q": f"%{query}%"},
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10_000)
    args = parser.parse_args()
    db = Database(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    seconds = fill(db, args.apps)
    size_mb = db.path.stat().st_size / 1e6
    print(
        f"{args.apps:,} applications x 5 questions inserted in {seconds:.1f} s "
        f"({args.apps * 5 / seconds:,.0f} questions/s), file {size_mb:.0f} MB"
    )
    print(
        f"list all applications (sorted by deadline): "
        f"{median_ms(lambda: db.run(list_applications)):.1f} ms"
    )
    print(f"{'query':<12}{'hits':>6}{'FTS ms':>10}{'LIKE scan ms':>14}{'scan/FTS':>10}")
    for query in ("오차율", "프로젝트 개선", "한빛물류12", "물류", "zzz없는말"):
        hits = db.run(search, query=query)
        fts = median_ms(lambda q=query: db.run(search, query=q))
        scan = median_ms(lambda q=query: like_scan(db, q))
        print(f"{query:<12}{len(hits):>6}{fts:>10.1f}{scan:>14.1f}{scan / fts:>10.1f}")
    print(
        "(same join and order in both columns; queries under 3 characters cannot use trigrams "
        "and scan in both; search also matches company names)"
    )
    db.close()


if __name__ == "__main__":
    main()
