-- report_incidents / report_incident_articles for a warehouse without an incidents table: events of the
-- same type, country, place and day are one incident. Counts take the largest figure any report gives
-- (max, not sum), so an attack reported by five articles is not counted five times.
create or replace temp view report_incident_events as
select
    e.*,
    md5(concat_ws('|', e.event_type, coalesce(e.country_iso, ''), coalesce(lower(e.place), ''),
                  cast(e.event_date as varchar)))[:16] as incident_id
from events e
where e.event_date is not null;

create or replace temp view report_incidents as
select
    e.incident_id,
    any_value(e.event_type)        as event_type,
    any_value(e.country_iso)       as country_iso,
    mode(e.place)                  as place,
    avg(e.lat)                     as lat,
    avg(e.lon)                     as lon,
    any_value(e.event_date)        as event_date,
    mode(nullif(trim(e.actor1), '')) as actor1,
    mode(nullif(trim(e.actor2), '')) as actor2,
    min(a.published_at)            as first_reported_at,
    max(a.published_at)            as last_reported_at,
    count(distinct e.article_id)   as n_articles,
    count(distinct a.source)       as n_sources,
    max(e.killed)                  as killed,
    max(e.injured)                 as injured
from report_incident_events e
join articles a using (article_id)
group by e.incident_id;

create or replace temp view report_incident_articles as
select distinct incident_id, article_id
from report_incident_events;
