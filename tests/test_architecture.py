"""Each concern has one home (issue 15 item 3): checked on the source, so a relapse fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("screening/**/*.py"), *ROOT.glob("web/**/*.py")])

#: Modules that may touch os.environ, and why.
ENV_ALLOWED = {
    "screening/settings.py": "the one place settings are read",
    "screening/bulk/preflight.py": "passes the environment on to its child process unread",
}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_environment_is_read_only_in_settings():
    readers = [rel(p) for p in SOURCES
               if re.search(r"os\.environ|os\.getenv|getenv\(|envvar=|from_prefixed_env",
                            p.read_text(encoding="utf-8")) and rel(p) not in ENV_ALLOWED]
    assert readers == []


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            out.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_the_ui_does_not_import_the_api_blueprint():
    assert not imports(ROOT / "web/ui.py") & {".api", "web.api"}


def test_views_use_store_methods_not_sql():
    text = (ROOT / "web/views.py").read_text(encoding="utf-8")
    assert ".db." not in text and "execute(" not in text


def test_web_overrides_still_come_from_the_environment(monkeypatch):
    from screening import settings

    monkeypatch.setenv("SCREENING_WEB_RATE_LIMIT", "7")
    monkeypatch.setenv("SCREENING_WEB_SESSION_COOKIE_NAME", "s")
    assert settings.web_config() == {"RATE_LIMIT": 7, "SESSION_COOKIE_NAME": "s"}


def test_gc_tuning_lives_in_one_module():
    tuners = [rel(p) for p in SOURCES
              if re.search(r"\bgc\.(disable|enable|freeze|unfreeze|collect)\(",
                           p.read_text(encoding="utf-8"))]
    assert tuners == ["screening/heap.py"]


def test_the_rules_name_lists_through_the_catalog():
    for name in ("screening/rules/determination.py", "screening/rules/triggers.py"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert re.findall(r"[\"'](?:cn|us)-[a-z-]+[\"']", text) == [], name


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolved_imports(path: Path) -> set[str]:
    """Modules ``path`` imports (at the top or inside functions), as absolute names."""
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    out = set()
    for name in imports(path):
        if name.startswith("."):
            level = len(name) - len(name.lstrip("."))
            base = package.rsplit(".", level - 1)[0] if level > 1 else package
            name = f"{base}.{name.lstrip('.')}".rstrip(".")
        out.add(name)
    return out


#: Pairs that imported each other (issue 15 item 3) and must not again.
UNTANGLED = [("screening.bulk.engine", "screening.bulk.dask_engine"),
             ("screening.matching.resources", "screening.matching.names")]


def test_untangled_modules_do_not_import_each_other():
    graph = {module_name(p): resolved_imports(p) for p in SOURCES}
    for a, b in UNTANGLED:
        assert not (b in graph[a] and a in graph[b]), (a, b)
