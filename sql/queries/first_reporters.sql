-- Outlets that reported an incident first, among incidents that more than one outlet reported.
with reports as (  -- every article carrying an incident: originals and their syndicated copies
    select e.incident_id, a.source, coalesce(a.published_at, a.first_seen_at) as reported_at
    from current_events e join articles a on a.article_id = e.article_id
    union all
    select e.incident_id, d.source, coalesce(d.published_at, d.first_seen_at)
    from current_events e join articles d on d.duplicate_of = e.article_id
),
firsts as (
    select incident_id, arg_min(source, reported_at) as first_source,
           min(reported_at) as first_at, max(reported_at) as last_at
    from reports group by incident_id
)
select f.first_source as source,
       count(*) as incidents_reported_first,
       round(avg(epoch(f.last_at - f.first_at)) / 3600, 1) as avg_hours_ahead_of_last,
       list_sort(list(distinct i.event_type)) as event_types
from firsts f join incidents i using (incident_id)
where i.n_sources >= 2
group by all
order by incidents_reported_first desc, source;
