"""Build src/ingest/report/data/middle_east.geojson: simplified country outlines for the report's map.

The outlines are Natural Earth 1:110m admin-0 countries (public domain), as bundled by geopandas 0.14.x
(`naturalearth_lowres`; later geopandas releases dropped the bundled copy). Run once with the dev extras
installed, e.g. in a throw-away venv: `pip install -c constraints.txt geopandas==0.14.4 && python
tools/build_basemap.py`. The output is committed, so the report draws it with matplotlib alone and needs no
geopandas (nor any download) at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box, mapping

OUT = Path(__file__).resolve().parents[1] / "src" / "ingest" / "report" / "data" / "middle_east.geojson"
# Egypt and Libya's east to Afghanistan, Yemen to the Caucasus: the region the tagger places events in,
# with a margin so neighbours frame it.
BBOX = (20.0, 8.0, 68.0, 46.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE_DEG = 0.05  # Douglas-Peucker tolerance: keeps coasts recognisable at report size
DECIMALS = 2  # ~1 km: far below what a 1:110m outline resolves


def _round(coords: object) -> object:
    if isinstance(coords, list | tuple) and coords and isinstance(coords[0], float | int):
        return [round(float(c), DECIMALS) for c in coords]
    return [_round(c) for c in coords]  # type: ignore[union-attr]


def main() -> None:
    world = gpd.read_file(gpd.datasets.get_path("naturalearth_lowres"))
    frame = box(*BBOX)
    region = world[world.intersects(frame)].copy()
    region["geometry"] = region.geometry.intersection(frame).simplify(TOLERANCE_DEG, preserve_topology=True)
    region = region[~region.geometry.is_empty].sort_values("name")
    features = []
    for row in region.itertuples():
        geometry = mapping(row.geometry)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row.name, "iso_a3": row.iso_a3},
                "geometry": {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14 naturalearth_lowres; "
        f"clipped to {list(BBOX)}, simplified {TOLERANCE_DEG} deg. Built by tools/build_basemap.py.",
        "bbox": list(BBOX),
        "features": features,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} countries -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
