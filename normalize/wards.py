"""The offline ward gazetteer (vietnamadminunits 1.0.4 data) and ward matching for articles."""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from normalize.text import clean_text, fold

__all__ = ["Ward", "district_wards", "infer_district", "match_ward", "resolve_district"]


@dataclass(frozen=True)
class Ward:
    """A pre-2025 ward: Phường Bách Khoa 00277, since 2025 in Phường Bạch Mai 00292."""

    code: str
    name: str
    short_name: str
    district: str
    district_code: str
    province: str
    province_code: str
    latitude: float | None
    longitude: float | None
    new_code: str | None
    new_name: str | None


@dataclass(frozen=True)
class _District:
    """A pre-2025 district row: `Quận Hai Bà Trưng` (007) in `Thành phố Hà Nội` (01)."""

    name: str
    code: str
    kind: str
    province: str
    province_code: str
    province_short: str


def _data_dir() -> Path:
    """The package's data folder, found without importing it (its import costs ~1 s)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vietnamadminunits is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _new_units(data: Path, con: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Map `provincekey_districtkey_wardkey` (legacy) to the 2025 unit's (code, name).

    This mirrors `convert_address_2025` without a street: undivided wards first, then the
    default successor of a divided ward (a street would send the library to an online
    geocoder, which we never call).
    """
    with open(data / "converter_2025.json", encoding="utf-8") as fh:
        conv = json.load(fh)
    new_rows = {
        (p, w): (code, name)
        for p, w, code, name in con.execute(
            "SELECT provinceKey, wardKey, wardCode, ward FROM admin_units"
        )
    }
    old_province_to_new = {}
    for new_p, olds in conv["DICT_PROVINCE"].items():
        for old_p in olds:
            old_province_to_new.setdefault(old_p, new_p)
    result: dict[str, tuple[str, str]] = {}
    for new_p, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, old_keys in wards.items():
            unit = new_rows.get((new_p, new_w))
            if unit:
                for old_key in old_keys:
                    result.setdefault(old_key, unit)
    for new_p, divided in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, options in divided.items():
            if old_key in result:
                continue
            default = next((o["newWardKey"] for o in options if o.get("isDefaultNewWard")), None)
            unit = new_rows.get((new_p, default)) if default else None
            if unit and old_province_to_new.get(old_key.split("_")[0]) == new_p:
                result[old_key] = unit
    return result


@dataclass
class _Gazetteer:
    """Everything loaded once: wards by district, name indexes."""

    wards: list[Ward]
    districts: dict[tuple[str, str], _District]
    by_district: dict[tuple[str, str], list[Ward]]
    district_names: dict[str, list[_District]]
    ward_names: dict[str, list[Ward]]
    aliases: dict[str, tuple[str, ...]]  # ward code -> folded, space-less former names


def _add_aliases(index: dict[str, list[Ward]], wards: list[Ward]) -> None:
    """Index former (merged) ward names as '~' + space-less key, unless a ward has the name."""
    current = {k.replace(" ", "") for k in index}
    aliases = _gazetteer().aliases
    for ward in wards:
        for alias in aliases.get(ward.code, ()):
            if alias not in current and ward not in index.get("~" + alias, []):
                index.setdefault("~" + alias, []).append(ward)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Load the legacy ward table and the 2025 mapping (about 0.1 s, once per process)."""
    data = _data_dir()
    con = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        new_units = _new_units(data, con)
        rows = con.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
            " districtType, districtCode, districtKey, ward, wardShort, wardCode, wardKey,"
            " wardLat, wardLon, wardAlias FROM admin_units_legacy WHERE wardCode IS NOT NULL"
            " ORDER BY provinceCode, districtCode, wardCode"
        ).fetchall()
    finally:
        con.close()
    wards: list[Ward] = []
    districts: dict[tuple[str, str], _District] = {}
    by_district: dict[tuple[str, str], list[Ward]] = defaultdict(list)
    district_names: dict[str, list[_District]] = defaultdict(list)
    ward_names: dict[str, list[Ward]] = defaultdict(list)
    aliases: dict[str, tuple[str, ...]] = {}
    for row in rows:
        (prov, prov_short, prov_code, prov_key, dist, dist_short, dist_type, dist_code,
         dist_key, ward_name, ward_short, ward_code, ward_key, lat, lon, alias) = row  # fmt: skip
        new = new_units.get(f"{prov_key}_{dist_key}_{ward_key}")
        ward = Ward(
            code=ward_code,
            name=ward_name,
            short_name=ward_short,
            district=dist,
            district_code=dist_code,
            province=prov,
            province_code=prov_code,
            latitude=lat,
            longitude=lon,
            new_code=new[0] if new else None,
            new_name=new[1] if new else None,
        )
        wards.append(ward)
        if alias:
            # Names of wards merged into this one on 2025-01-01 ("cauden" in Bách Khoa):
            # an article about Phường Cầu Dền resolves to the ward that absorbed it.
            aliases[ward_code] = tuple(
                a for a in json.loads(alias) if not a.startswith(("phuong", "xa", "thitran"))
            )
        key = (prov_code, dist_code)
        by_district[key].append(ward)
        if key not in districts:
            d = _District(dist, dist_code, dist_type or "", prov, prov_code, prov_short)
            districts[key] = d
            for name in {fold(dist), fold(dist_short)}:
                district_names[name].append(d)
        for name in _ward_keys(ward):
            ward_names[name].append(ward)
    return _Gazetteer(
        wards, districts, dict(by_district), dict(district_names), dict(ward_names), aliases
    )


def _ward_keys(ward: Ward) -> set[str]:
    """Folded names a ward is written as: `bach khoa`; `14` for `Phường 14`."""
    short = fold(ward.short_name)
    keys = {short}
    m = re.fullmatch(r"(?:phuong|xa|thi tran)\s+0*(\d+)", short)
    if m:
        keys.add(m.group(1))
    return keys


_DISTRICT_PREFIX = re.compile(r"^(quan|huyen|thi xa|thanh pho|tp|q|h|tx)\s*\.?\s*(?=\S)")
_PROVINCE_PREFIX = re.compile(r"^(thanh pho|tinh|tp)\s*\.?\s*")
_KIND_OF = {
    "quan": "Quận",
    "q": "Quận",
    "huyen": "Huyện",
    "h": "Huyện",
    "thi xa": "Thị xã",
    "tx": "Thị xã",
    "thanh pho": "Thành phố",
    "tp": "Thành phố",
}


def _province_key(name: str) -> str:
    """`Thành phố Hà Nội` / `TP. Hà Nội` / `ha noi` -> `ha noi`."""
    f = fold(clean_text(name)).strip(" .,")
    f = _PROVINCE_PREFIX.sub("", f)
    return {"hcm": "ho chi minh", "tphcm": "ho chi minh", "hn": "ha noi"}.get(f, f)


@lru_cache(maxsize=1024)
def _find_district(name: str, province: str | None) -> _District | None:
    """The one district a name (and optional province) designates, else None."""
    if not name or not name.strip():
        return None
    g = _gazetteer()
    f = fold(clean_text(name)).strip(" .,")
    candidates = g.district_names.get(f, [])
    kind = None
    if not candidates:
        m = _DISTRICT_PREFIX.match(f)
        if m:
            kind = _KIND_OF.get(m.group(1))
            rest = f[m.end() :]
            # "Q.3" -> "quan 3": numbered districts keep their type word in the short name.
            candidates = g.district_names.get(rest) or g.district_names.get(f"quan {rest}", [])
            if kind:
                candidates = [d for d in candidates if d.kind == kind] or candidates
    if province:
        pk = _province_key(province)
        candidates = [
            d for d in candidates if fold(d.province_short) == pk or fold(d.province) == pk
        ]
    unique = {(d.province_code, d.code): d for d in candidates}
    return next(iter(unique.values())) if len(unique) == 1 else None


def resolve_district(name: str, province: str | None = None) -> tuple[str, str] | None:
    """District and province: `"Hai Bà Trưng"` -> `("Quận Hai Bà Trưng", "Thành phố Hà Nội")`."""
    try:
        d = _find_district(name, province)
    except Exception:
        return None
    return (d.name, d.province) if d else None


def district_wards(district: str, province: str | None = None) -> list[Ward]:
    """A district's wards: `district_wards("Hai Bà Trưng")[0].name` -> `"Phường Nguyễn Du"`."""
    d = _find_district(district, province)
    if d is None:
        return []
    return list(_gazetteer().by_district.get((d.province_code, d.code), []))


# --- Matching ----------------------------------------------------------------------
# A ward mention is a type word then the name: "phường Bách Khoa", "P. Bách Khoa",
# "P.Bách Khoa", "xã Vân Canh", "thị trấn Trâu Quỳ", "TT. Trâu Quỳ". Matched on the
# folded text; folding keeps one character per character, so the original text tells us
# whether the name was capitalised ("xã hội" is society, not a commune called Hội).
_MENTION = re.compile(
    # (?<![a-z0-9]) after each type word's first letter, not before it: the same test, but
    # the regex engine can then skip ahead to the next p, x or t.
    r"(p(?<![a-z0-9]p)huong|x(?<![a-z0-9]x)a|t(?<![a-z0-9]t)hi tran|p(?<![a-z0-9]p)\s*\."
    r"|t(?<![a-z0-9]t)t\s*\.|x(?<![a-z0-9]x)\s*\.)\s*"
    # look-ahead: the words after a name may hold the next mention ("... và phường Y")
    r"(?=([a-z0-9]+(?:[ -][a-z0-9]+){0,4}))"
)
_TYPE_OF = {
    "phuong": "Phường",
    "p": "Phường",
    "xa": "Xã",
    "x": "Xã",
    "thi tran": "Thị trấn",
    "tt": "Thị trấn",
}
_LEAD_CHARS = 600
_SPACE_OR_DOT = re.compile(r"[\s.]")


def _mentions(text: str | None, index: dict[str, list[Ward]]) -> list[list[Ward]]:
    """Ward candidates for each ward mention in a text (longest name wins)."""
    if not text:
        return []
    # NFC only (not clean_text): folding erases tone placement anyway, and this runs on
    # every article's lead.
    clean = unicodedata.normalize("NFC", text)
    f = fold(clean)
    check_case = len(f) == len(clean) and clean != clean.lower()
    found: list[list[Ward]] = []
    for m in _MENTION.finditer(f):
        kind = _TYPE_OF.get(_SPACE_OR_DOT.sub("", m.group(1)))
        words = m.group(2).replace("-", " ").split()
        start = m.start(2)
        for k in range(len(words), 0, -1):
            key = " ".join(words[:k])
            wards = index.get(key) or index.get("~" + key.replace(" ", ""))
            if not wards:
                continue
            if check_case and not (clean[start].isupper() or clean[start].isdigit()):
                break  # "xã hội", "phường mình": a common noun, not a name
            typed = [w for w in wards if w.name.startswith(kind or "")]
            found.append(typed or wards)
            break
    return found


@lru_cache(maxsize=4096)
def _district_index(province_code: str, district_code: str) -> dict[str, list[Ward]]:
    """Folded ward names of one district."""
    index: dict[str, list[Ward]] = defaultdict(list)
    wards = _gazetteer().by_district.get((province_code, district_code), [])
    for ward in wards:
        for key in _ward_keys(ward):
            index[key].append(ward)
    index = dict(index)
    _add_aliases(index, wards)
    return index


@lru_cache(maxsize=128)
def _province_index(province: str) -> dict[str, list[Ward]]:
    """Folded ward names of one province."""
    pk = _province_key(province)
    index: dict[str, list[Ward]] = defaultdict(list)
    for key, wards in _gazetteer().ward_names.items():
        for ward in wards:
            if fold(ward.province) == pk or _province_key(ward.province) == pk:
                index[key].append(ward)
    index = dict(index)
    _add_aliases(index, [w for ws in index.values() for w in ws])
    return index


_DISTRICT_MENTION = re.compile(
    r"(?<![a-z0-9])(quan|huyen|thi xa|thanh pho|tp|q\s*\.)\s*\.?\s*"
    r"(?=([a-z0-9]+(?: [a-z0-9]+){0,3}))"
)


def _district_hints(texts: list[str | None]) -> set[tuple[str, str]]:
    """(province code, district code) of every district named in the texts."""
    g = _gazetteer()
    hints: set[tuple[str, str]] = set()
    for text in texts:
        if not text:
            continue
        for m in _DISTRICT_MENTION.finditer(fold(text)):
            found = _district_at(g, m)
            if found:
                hints.update((x.province_code, x.code) for x in found)
    return hints


def _district_at(g: _Gazetteer, m: re.Match[str]) -> list[_District]:
    """The districts a district mention names ("quận Hai Bà Trưng", "TP. Thủ Dầu Một")."""
    kind = {"q": "quan", "tp": "thanh pho"}.get(m.group(1).rstrip(" ."), m.group(1))
    words = m.group(2).split()
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        found = g.district_names.get(f"{kind} {name}") or (
            g.district_names.get(name) if kind != "thanh pho" else None
        )
        if found:
            return found
    return []


def infer_district(texts: list[str | None]) -> tuple[str, str] | None:
    """The district a site is about, from its chrome (title, header, footer address).

    `infer_district(["Cổng TTĐT quận Hai Bà Trưng", "Địa chỉ: 30 Lê Đại Hành, Hà Nội"])`
    -> `("Quận Hai Bà Trưng", "Thành phố Hà Nội")`. The district named most often wins when
    it has a clear majority; otherwise None.
    """
    g = _gazetteer()
    votes: dict[tuple[str, str], float] = defaultdict(float)
    provinces: set[str] = set()
    for text in texts:
        if not text:
            continue
        folded = fold(text)
        for m in re.finditer(r"(?:thanh pho|tinh|tp)\s*\.?\s*([a-z]+(?: [a-z]+){0,3})", folded):
            provinces.add(_province_key(m.group(1)))
        for m in _DISTRICT_MENTION.finditer(folded):
            found = {(x.province_code, x.code): x for x in _district_at(g, m)}
            for key in found:
                votes[key] += 1 / len(found)  # an ambiguous name splits its vote
    if not votes:
        return None
    if provinces:
        # Prefer districts in a province the texts name ("Quận 1" is in several cities).
        named = {
            k: v for k, v in votes.items() if _province_key(g.districts[k].province) in provinces
        }
        votes = named or votes
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] * 2 > score:
        return None
    d = g.districts[best]
    return d.name, d.province


def _candidates(found: list[list[Ward]]) -> set[Ward]:
    """All wards a source's mentions could mean."""
    return {w for wards in found for w in wards}


def match_ward(
    *,
    title: str | None = None,
    org: str | None = None,
    category: str | None = None,
    text: str | None = None,
    district: str | None = None,
    province: str | None = None,
) -> Ward | None:
    """The article's ward: `match_ward(title="Phường Bách Khoa ...").code` -> `"00277"`."""
    try:
        return _match_ward(title, org, category, text, district, province)
    except Exception:  # a normaliser never breaks a crawl
        return None


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _match_ward(
    title: str | None,
    org: str | None,
    category: str | None,
    text: str | None,
    district: str | None,
    province: str | None,
) -> Ward | None:
    """match_ward without the safety net."""
    d = _find_district(district, province) if district else None
    if d is not None:
        index = _district_index(d.province_code, d.code)
    elif province and _province_key(province):
        index = _province_index(province)
    else:
        index = _gazetteer().ward_names
    # The lead, the last source, is only cut out of the text when it is needed.
    sources = [title, org, category, None]
    lead_pending = bool(text)

    def source(i: int) -> str | None:
        nonlocal lead_pending
        if i == 3 and lead_pending:
            lead_pending = False
            paragraphs = [p for p in _PARAGRAPH_BREAK.split((text or "").strip()) if p.strip()]
            sources[3] = "\n\n".join(paragraphs[:2])[:_LEAD_CHARS]
        return sources[i]

    def candidates(i: int) -> set[Ward]:
        wards = _candidates(_mentions(source(i), index))
        if i == 2 and not wards and category:
            # A category is often just the ward's name ("Bách Khoa"), with no type word.
            wards = set(index.get(fold(clean_text(category)).strip(" ."), []))
        return wards

    for i in range(len(sources)):
        wards = candidates(i)
        if len(wards) == 1:
            return next(iter(wards))
        if len(wards) > 1 and d is None:
            # "Phường Đồng Tâm" is in many districts: a district the article names decides.
            source(3)
            hinted = _district_hints(sources)
            narrowed = {w for w in wards if (w.province_code, w.district_code) in hinted}
            if len(narrowed) == 1:
                return next(iter(narrowed))
        if len(wards) > 1:
            # Two wards in the title: a later source naming exactly one of them decides.
            for j in range(i + 1, len(sources)):
                both = wards & candidates(j)
                if len(both) == 1:
                    return next(iter(both))
            return None
    return None
