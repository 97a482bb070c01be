-- Which outlets report which event types in which countries; a syndicated copy counts for the outlet
-- that ran it, with the events of its original.
create or replace view source_coverage as
with reports as (
    select a.source, a.article_id, e.event_id, e.incident_id, e.event_type, e.country_iso,
           coalesce(a.published_at, a.first_seen_at) as reported_at, false as syndicated
    from current_events e join articles a on a.article_id = e.article_id
    union all
    select d.source, d.article_id, e.event_id, e.incident_id, e.event_type, e.country_iso,
           coalesce(d.published_at, d.first_seen_at), true
    from current_events e join articles d on d.duplicate_of = e.article_id
)
select source, event_type, country_iso,
       count(distinct article_id) as n_articles,
       count(distinct article_id) filter (where syndicated) as n_syndicated_articles,
       count(*) as n_events,
       count(distinct incident_id) as n_incidents,
       min(reported_at) as first_published_at,
       max(reported_at) as last_published_at
from reports
group by all;
comment on view source_coverage is 'Per outlet, event type and country: how many articles and events it carried and when it first and last did. Syndicated copies count for the outlet that ran them.';
comment on column source_coverage.source is 'Outlet (sources.source).';
comment on column source_coverage.event_type is 'Event type.';
comment on column source_coverage.country_iso is 'ISO 3166 alpha-2 country of the events; NULL at sea or unplaced.';
comment on column source_coverage.n_articles is 'Articles of this outlet with such events (its syndicated copies included).';
comment on column source_coverage.n_syndicated_articles is 'Of those, copies of another outlet''s story (articles.duplicate_of).';
comment on column source_coverage.n_events is 'Event mentions in those articles (a copy carries its original''s).';
comment on column source_coverage.n_incidents is 'Distinct incidents those events belong to.';
comment on column source_coverage.first_published_at is 'Earliest publication (else first-seen) time of those articles.';
comment on column source_coverage.last_published_at is 'Latest publication (else first-seen) time of those articles.';
