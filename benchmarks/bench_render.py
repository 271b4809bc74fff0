"""Render speed against the budgets in design.md (figures printed; this is not a test).

    python benchmarks/bench_render.py [--runs N]

1. Cold ``drafter render`` of the bundled example, each a new process, against two floors
   measured in the same run, interleaved: the import floor ``python -c "import click,
   jinja2.sandbox, yaml"`` (goal ≤ 1.15×) and pandoc converting the same report's markup
   (``drafter render --markup``) to a .docx (goal ≤ 2.5×; pandoc from pypandoc_binary or the
   PATH, skipped when there is none). The very first run on a machine also fills the user
   cache (compiled templates, parsed data files); it is reported on its own.
2. In-process render (validate + template + typeset + save), median, for reports of about
   5,000 and 15,000 characters built from the example (goals ≤ 20 ms and ≤ 40 ms).
3. Whether rendering loaded jieba (it must not).
"""

from __future__ import annotations

import argparse
import compileall
import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例县2025.yaml"

# Filler measures in the project's own words, to grow the example to a target length.
FILLER = [
    ("细化工作台账", "对照年度任务清单逐项明确责任单位和完成时限，每月调度一次进展，对滞后事项及时提醒督办，确保各项任务按期完成。"),
    ("加强业务培训", "围绕新修订的法律法规分批次开展专题培训，采取案例教学、模拟庭审和现场观摩相结合的方式，提高工作人员依法办事能力。"),
    ("完善协作机制", "与相关部门建立信息共享和定期会商机制，对跨领域、跨部门的问题联合研究处理，形成工作合力。"),
    ("注重总结提炼", "及时总结基层探索的好做法，选树一批典型案例在全县推广，以点带面推动工作整体提升。"),
]


def drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "drafter"]


def timed(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def pandoc_path() -> str | None:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return shutil.which("pandoc")


def cold(runs: int) -> None:
    work = Path(tempfile.mkdtemp())
    out = work / "bench.docx"
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp()
    render = drafter_command() + ["render", str(EXAMPLE), "-o", str(out), "--force"]
    floor = [sys.executable, "-c", "import click, jinja2.sandbox, yaml"]
    first = timed(render, env)  # fills the cache
    subprocess.run(drafter_command() + ["render", str(EXAMPLE), "-o", str(work / "md.docx"), "--markup"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    pandoc = pandoc_path()
    convert = [pandoc, str(work / "md.md"), "-f", "markdown", "-o", str(work / "pandoc.docx")] if pandoc else None
    timed(floor, env)
    floors, renders, pandocs = [], [], []
    for _ in range(runs):  # interleaved, so machine noise hits all alike
        floors.append(timed(floor, env))
        renders.append(timed(render, env))
        if convert:
            pandocs.append(timed(convert, env))
    f, r = statistics.median(floors), statistics.median(renders)
    print(f"冷启动 render（首次，填充缓存）：{first * 1000:.0f} ms")
    print(f"导入下限 import click, jinja2.sandbox, yaml：中位数 {f * 1000:.0f} ms（{runs} 次）")
    print(f"冷启动 drafter render 示例：中位数 {r * 1000:.0f} ms（{runs} 次）")
    print(f"比值 {r / f:.2f}×（目标 ≤ 1.15×）")
    if pandocs:
        p = statistics.median(pandocs)
        print(f"pandoc 把同一份报告的标记文本转成 .docx：中位数 {p * 1000:.0f} ms")
        print(f"比值 {r / p:.2f}×（目标 ≤ 2.5×）")
    else:
        print("没有找到 pandoc，未比较")
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)


def grown_form(target_chars: int):
    """The example, with filler measures added until the report reaches ``target_chars``."""
    import yaml

    from drafter.jobs.pipeline import build
    from drafter.files.yamlsource import load_text

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    base = copy.deepcopy(data)
    k = 0
    while True:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        n = build(load_text(text, "bench.yaml")).report.text_length()
        if n >= target_chars:
            return text, n
        entry = data["成效"][k % len(base["成效"])]
        title, body = FILLER[k % len(FILLER)]
        entry["做法"].append({"标题": f"{title}（{k + 1}）", "内容": body})
        k += 1


def in_process(target: int, runs: int) -> None:
    from drafter.jobs.pipeline import build
    from drafter.typeset.layout import load_layout
    from drafter.typeset.writer import typeset
    from drafter.files.yamlsource import load_text

    text, n = grown_form(target)
    lay = load_layout()
    out = Path(tempfile.mkdtemp()) / "bench.docx"
    times = []
    for _ in range(runs + 3):
        t = time.perf_counter()
        result = build(load_text(text, "bench.yaml"))
        doc = typeset(result.report, lay)
        doc.save(out)
        times.append(time.perf_counter() - t)
    med = statistics.median(times[3:]) * 1000
    goal = 20 if target <= 5000 else 40
    print(f"进程内渲染 {n} 字：中位数 {med:.1f} ms（{runs} 次，目标 ≤ {goal} ms）")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    compileall.compile_dir(str(ROOT / "drafter"), quiet=1)  # as an installed package would be
    cold(args.runs)
    in_process(5000, args.runs * 3)
    in_process(15000, args.runs * 3)
    print("渲染过程是否加载 jieba：" + ("是（不应当）" if "jieba" in sys.modules else "否"))


if __name__ == "__main__":
    main()
