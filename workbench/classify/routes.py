"""Finding route files: the built-in ones in ``resources/routes`` and the user's own.

Users add or edit routes by putting TOML files in the user folder
``user_subdir("routes")`` (for example a copy of ``wood_chips.toml`` with their boiler's
moisture limit). A user file whose ``id`` equals a built-in route's id replaces it, and
the replacement is reported (``RouteLibrary.messages``) and recorded in every verdict it
produces. A malformed user file is reported and skipped, so one typo does not stop the
whole classification; a malformed built-in file is an error (it ships with the app).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workbench.classify.spec import RouteSpec, load_route_file
from workbench.errors import SpecificationError
from workbench.paths import resources_dir, user_subdir


def builtin_routes_dir() -> Path:
    return resources_dir() / "routes"


def user_routes_dir() -> Path:
    return user_subdir("routes")


@dataclass
class RouteLibrary:
    """The routes in effect, in a stable order, with what happened while loading them."""

    routes: list[RouteSpec]
    messages: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[RouteSpec]:
        return iter(self.routes)

    def __len__(self) -> int:
        return len(self.routes)

    def get(self, route_id: str) -> RouteSpec:
        for r in self.routes:
            if r.id == route_id:
                return r
        known = ", ".join(r.id for r in self.routes)
        raise SpecificationError(f"no route with id {route_id!r} (known routes: {known})")


def _read_dir(folder: Path, origin: str, messages: list[str], strict: bool) -> dict[str, RouteSpec]:
    found: dict[str, RouteSpec] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.toml")):
        try:
            spec = load_route_file(path, origin)
        except SpecificationError as exc:
            if strict:
                raise
            messages.append(f"skipped: {exc}")
            continue
        if spec.id in found:
            msg = (
                f"route file {path.name}: id {spec.id!r} is also used by {found[spec.id].file_name}"
            )
            if strict:
                raise SpecificationError(msg)
            messages.append(f"skipped: {msg}")
            continue
        found[spec.id] = spec
    return found


def load_routes(
    *, builtin_dir: Path | None = None, user_dir: Path | None = None, include_user: bool = True
) -> RouteLibrary:
    """Load the built-in routes, then let the user's route files add to or replace them."""
    messages: list[str] = []
    routes = _read_dir(builtin_dir or builtin_routes_dir(), "built-in", messages, strict=True)
    if include_user:
        user = _read_dir(user_dir or user_routes_dir(), "user", messages, strict=False)
        for rid, spec in user.items():
            if rid in routes:
                old = routes[rid]
                spec.overrides = old.file_name
                messages.append(
                    f"user route file {spec.file_name} (version {spec.version}) replaces the "
                    f"built-in route {rid!r} ({old.file_name}, version {old.version})"
                )
            else:
                messages.append(f"user route file {spec.file_name} adds route {rid!r}")
            routes[rid] = spec
    ordered = sorted(routes.values(), key=lambda r: (r.group or r.id, r.id))
    return RouteLibrary(ordered, messages)
