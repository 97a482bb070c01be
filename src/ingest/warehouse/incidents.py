"""Incidents: the events (mentions) that report the same real-world happening, merged into one row.

Two events are *compatible* when they have the same event type, their days are at most one apart, their
places agree (same place name, or places within 25 km, or one of them only names the province or country
it shares with the other; at sea the sea area must match) and their actors do not contradict each other
(equal, or unknown on one side). Incidents are the connected groups of compatible events, with two guards
against chaining distinct happenings together:

- an event that names no place (only a province or a country) does not join the events of *named* places
  when they form several groups it could belong to (places that are not one incident among themselves);
  it then stays with other unplaced reports;
- a group is cut into two-day windows from its first day, so daily attacks on one base stay separate
  incidents instead of becoming one long chain.

Events that name neither a country nor a place are never merged: there is nothing to tell two apart.
Syndicated copies (``articles.duplicate_of``) carry no events of their own; they count as reports of
their original's incidents (``n_articles``, ``n_sources``, report times).

Everything is set-based SQL inside the caller's transaction. ``rebuild_incidents(con)`` recomputes all;
``rebuild_incidents(con, since_date=d)`` recomputes only incidents that have a report dated ``d - 1`` or
later (plus any left stale by deleted or new events, wherever they are), so a nightly run or a backfill
touches only the days it changed. Incident ids hash the first report's article, type, place, day and
actors, so a rebuild that sees the same events writes the same ids.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import duckdb

MERGE_DISTANCE_KM = 25.0

# The events an incident is built from: current version of an original (not syndicated) article, with a
# day to place it on (the event's own, else the article's publication or first-seen day).
_CANDIDATES = """
    select e.*, a.source,
           coalesce(e.event_date, cast(a.published_at as date), cast(a.first_seen_at as date)) as d,
           coalesce(a.published_at, a.first_seen_at) as reported_at,
           nullif(lower(trim(e.place)), '') as place_key,
           nullif(lower(trim(e.admin1)), '') as admin_key
    from events e
    join articles a on a.article_id = e.article_id and a.version = e.article_version
    where a.duplicate_of is null
      and coalesce(e.event_date, cast(a.published_at as date), cast(a.first_seen_at as date)) is not null
"""

_TEMP = (
    "_inc_ev",
    "_inc_keyed",
    "_inc_pair",
    "_inc_named",
    "_inc_named_comp",
    "_inc_edge",
    "_inc_comp",
    "_inc_cl",
    "_inc_rows",
)


@dataclass(frozen=True)
class IncidentStats:
    events: int  # events (re)assigned
    incidents: int  # incidents (re)written
    since: date | None  # first day recomputed; None = everything


def _stale_since(con: duckdb.DuckDBPyConnection) -> date | None:
    """Earliest day with an event that has no incident, or an incident that lost one of its events."""
    row = con.execute(
        f"""
        with cand as not materialized ({_CANDIDATES})
        select min(d) from (
            select c.d from cand c anti join event_incident ei on ei.event_id = c.event_id
            union all
            select i.first_event_date from incidents i
            where i.incident_id in (
                select ei.incident_id from event_incident ei anti join cand c on c.event_id = ei.event_id)
        )
        """
    ).fetchone()
    return row[0] if row else None


def dirty_since(con: duckdb.DuckDBPyConnection, run_id: str) -> date | None:
    """First day a run's loads touched: its events' days, and the incidents of originals it found copies of."""
    row = con.execute(
        f"""
        with cand as not materialized ({_CANDIDATES})
        select min(d) from (
            select d from cand where run_id = $run
            union all
            select c.d from cand c join articles dup on dup.duplicate_of = c.article_id
            where dup.first_seen_run = $run
        )
        """,
        {"run": run_id},
    ).fetchone()
    return row[0] if row else None


def rebuild_incidents(con: duckdb.DuckDBPyConnection, since_date: date | None = None) -> IncidentStats:
    """Recompute incidents (all of them, or those touching ``since_date - 1`` and later) in the caller's
    transaction. Also repairs, wherever they are, incidents left stale by events deleted or added since."""
    since = None
    if since_date is not None:
        since = since_date - timedelta(days=1)  # a report a day earlier may belong to the same incident
        stale = _stale_since(con)
        if stale is not None:
            since = min(since, stale)
    try:
        _select_events(con, since)
        _cluster(con)
        n_incidents = _write(con)
        n_events = con.execute("select count(*) from _inc_ev").fetchone()[0]  # type: ignore[index]
    finally:
        # After an error the transaction is aborted and rolling it back drops them; don't mask the error.
        with suppress(duckdb.Error):
            for name in _TEMP:
                con.execute(f"drop table if exists {name}")
    return IncidentStats(events=n_events, incidents=n_incidents, since=since)


def _select_events(con: duckdb.DuckDBPyConnection, since: date | None) -> None:
    """Delete the incidents to recompute and gather their events (plus unassigned ones) into _inc_ev."""
    if since is None:
        con.execute("delete from event_incident")
        con.execute("delete from incidents")
        con.execute(f"create temp table _inc_ev as {_CANDIDATES}")
        return
    # An incident is recomputed when any of its current reports is dated on or after `since`, or when it
    # lost an event; its other reports (possibly earlier) come along so it is rebuilt whole.
    con.execute(
        f"""
        create temp table _inc_redo as
        with cand as not materialized ({_CANDIDATES})
        select distinct ei.incident_id from event_incident ei left join cand c on c.event_id = ei.event_id
        where c.event_id is null or c.d >= $since
        union
        select incident_id from incidents where last_event_date >= $since
        """,
        {"since": since},
    )
    try:
        con.execute(
            f"""
            create temp table _inc_ev as
            with cand as not materialized ({_CANDIDATES})
            select c.* from cand c
            left join event_incident ei on ei.event_id = c.event_id
            where ei.incident_id is null and c.d >= $since
               or ei.incident_id in (select incident_id from _inc_redo)
            """,
            {"since": since},
        )
        con.execute("delete from event_incident where incident_id in (select incident_id from _inc_redo)")
        con.execute("delete from incidents where incident_id in (select incident_id from _inc_redo)")
    finally:
        con.execute("drop table if exists _inc_redo")


def _cluster(con: duckdb.DuckDBPyConnection) -> None:
    """Compatible pairs -> connected groups -> two-day windows: _inc_cl(event_id, cluster)."""
    # Blocking: each event looks for partners of its type on its own day and the days either side, in its
    # own country, or (when either side has no country, as at sea) at the same place name. Equi-joins
    # only, with the event's columns carried along: temp tables made inside the transaction have no
    # statistics, and a second join lets the planner pick a nested loop.
    con.execute(
        "create temp table _inc_keyed as select event_id, event_type, actor1, actor2, country_iso, place_key,"
        " admin_key, geo_precision, lat, lon, unnest([d - 1, d, d + 1]) as day from _inc_ev"
    )
    same_actors = """
          and (a.actor1 is null or b.actor1 is null or a.actor1 = b.actor1)
          and (a.actor2 is null or b.actor2 is null or a.actor2 = b.actor2)"""
    con.execute(
        f"""
        create temp table _inc_pair as
        select a.event_id as a, b.event_id as b, a.place_key is null as a_vague,
               b.place_key is null as b_vague, a.place_key as a_place, b.place_key as b_place
        from _inc_keyed a
        join _inc_ev b on b.event_type = a.event_type and b.d = a.day and b.country_iso = a.country_iso
        where a.event_id < b.event_id {same_actors}
          and (a.place_key = b.place_key
               or (a.geo_precision = 'place' and b.geo_precision = 'place'
                   and 2 * 6371 * asin(sqrt(
                         pow(sin(radians(b.lat - a.lat) / 2), 2)
                         + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2)
                       )) <= {MERGE_DISTANCE_KM})
               or ((a.place_key is null or b.place_key is null)
                   and (a.admin_key is null or b.admin_key is null or a.admin_key = b.admin_key)))
        union all
        select a.event_id, b.event_id, false, false, a.place_key, b.place_key
        from _inc_keyed a
        join _inc_ev b on b.event_type = a.event_type and b.d = a.day and b.place_key = a.place_key
        where a.event_id < b.event_id {same_actors}
          and (a.country_iso is null or b.country_iso is null)
        """
    )
    # An unplaced event that could join more than one named-place group (named places that are not
    # themselves one incident) keeps away from named places: it would bridge two happenings.
    con.execute("create temp table _inc_named as select a, b from _inc_pair where not a_vague and not b_vague")
    _components(con, "_inc_named", "_inc_named_comp")
    con.execute(
        """
        create temp table _inc_edge as
        with ambiguous as (
            select v.vague from (
                select a as vague, b as named from _inc_pair where a_vague and not b_vague
                union all
                select b, a from _inc_pair where b_vague and not a_vague) v
            join _inc_named_comp c on c.event_id = v.named
            group by v.vague having count(distinct c.component) > 1
        )
        select p.a, p.b from _inc_pair p
        where not (p.a_vague and not p.b_vague and p.a in (select vague from ambiguous))
          and not (p.b_vague and not p.a_vague and p.b in (select vague from ambiguous))
        """
    )
    _components(con, "_inc_edge", "_inc_comp")
    con.execute(
        """
        create temp table _inc_cl as
        select c.event_id,
               c.component || '/' || cast(floor((e.d - min(e.d) over (partition by c.component)) / 2) as bigint)
                   as cluster
        from _inc_comp c join _inc_ev e using (event_id)
        """
    )


def _components(con: duckdb.DuckDBPyConnection, edges: str, out: str) -> None:
    """Connected components of _inc_ev's events under ``edges(a, b)``: ``out(event_id, component)``, the
    component named by its smallest event id (events without edges are their own component)."""
    con.execute(
        f"""
        create temp table {out} as
        with recursive adj(x, y) as (select a, b from {edges} union all select b, a from {edges}),
        walk(node, seen) as (  -- only events with an edge walk; the rest are alone
            select distinct x, x from adj
            union
            select w.node, adj.y from walk w join adj on adj.x = w.seen
        ),
        joined as (select node, min(seen) as component from walk group by node)
        select e.event_id, coalesce(j.component, e.event_id) as component
        from _inc_ev e left join joined j on j.node = e.event_id
        """
    )


def _write(con: duckdb.DuckDBPyConnection) -> int:
    """Aggregate each cluster into an incident row with a deterministic id; insert both tables."""
    con.execute(
        """
        create temp table _inc_rows as
        with ev as (select e.*, cl.cluster from _inc_ev e join _inc_cl cl using (event_id)),
        ranked as (
            select ev.*,
                   row_number() over (partition by cluster order by
                       case geo_precision when 'place' then 0 when 'sea' then 1 when 'region' then 2
                                          when 'country' then 3 else 4 end,
                       (date_precision = 'day') desc nulls last, confidence desc nulls last,
                       reported_at nulls last, event_id) as rep_rank,
                   row_number() over (partition by cluster order by reported_at nulls last, article_id, event_id)
                       as first_rank
            from ev
        ),
        reports as (  -- every article carrying the cluster's events: originals and their syndicated copies
            select distinct cluster, article_id, source, reported_at from (
                select cluster, article_id, source, reported_at from ev
                union all
                select ev.cluster, dup.article_id, dup.source, coalesce(dup.published_at, dup.first_seen_at)
                from ev join articles dup on dup.duplicate_of = ev.article_id)
        ),
        report_stats as (
            select cluster, count(distinct article_id) as n_articles, count(distinct source) as n_sources,
                   list_sort(list(distinct source) filter (where source is not null)) as sources,
                   min(reported_at) as first_reported_at, max(reported_at) as last_reported_at
            from reports group by cluster
        ),
        agg as (  -- what the representative lacks comes from the best-ranked report that has it
            select cluster, count(*) as n_events, min(d) as first_event_date, max(d) as last_event_date,
                   max(killed) as killed, max(injured) as injured, max(confidence) as confidence,
                   arg_min(actor1, rep_rank) filter (where actor1 is not null) as actor1,
                   arg_min(actor1_type, rep_rank) filter (where actor1 is not null) as actor1_type,
                   arg_min(actor1_patron, rep_rank) filter (where actor1_patron is not null) as actor1_patron,
                   arg_min(actor2, rep_rank) filter (where actor2 is not null) as actor2,
                   arg_min(actor2_type, rep_rank) filter (where actor2 is not null) as actor2_type,
                   arg_min(weapon, rep_rank) filter (where weapon is not null) as weapon,
                   arg_min(country_iso, rep_rank) filter (where country_iso is not null) as country_iso,
                   arg_min(admin1, rep_rank) filter (where admin1 is not null) as admin1,
                   arg_min(place, rep_rank) filter (where place is not null) as place
            from ranked group by cluster
        ),
        first_report as (
            select cluster, article_id || '|' || event_type || '|' || coalesce(country_iso, '') || '|'
                   || coalesce(place_key, admin_key, '') || '|' || cast(d as varchar) || '|'
                   || coalesce(actor1, '') || '|' || coalesce(actor2, '') as id_key
            from ranked where first_rank = 1
        )
        select r.cluster,
               left(sha256(f.id_key || case when n > 1 then '#' || n else '' end), 16) as incident_id,
               r.event_type, g.country_iso, g.admin1, g.place,
               r.lat, r.lon, r.geo_precision, r.d as event_date, g.first_event_date, g.last_event_date,
               g.actor1, g.actor1_type, g.actor1_patron, g.actor2, g.actor2_type,
               g.weapon, g.killed, g.injured,
               s.first_reported_at, s.last_reported_at, s.n_articles, s.n_sources, g.n_events, s.sources,
               g.confidence, r.event_id as representative_event_id, r.article_id as representative_article_id,
               r.evidence
        from ranked r
        join agg g using (cluster)
        join report_stats s using (cluster)
        join (select cluster, id_key, row_number() over (partition by id_key order by cluster) as n
              from first_report) f using (cluster)
        where r.rep_rank = 1
        """
    )
    now = datetime.now(UTC)
    n = con.execute(
        """
        insert into incidents by name
        select * exclude (cluster), $now as rebuilt_at from _inc_rows
        """,
        {"now": now},
    ).fetchone()[0]  # type: ignore[index]
    con.execute(
        """
        insert into event_incident (event_id, incident_id)
        select cl.event_id, r.incident_id from _inc_cl cl join _inc_rows r using (cluster)
        """
    )
    return int(n)
