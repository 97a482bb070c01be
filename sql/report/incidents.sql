-- report_incidents / report_incident_articles from the warehouse's incidents table (migration 0002),
-- where events reported by several articles are already merged into one incident.
create or replace temp view report_incidents as
select incident_id, event_type, country_iso, place, lat, lon, event_date, actor1, actor2,
       first_reported_at, last_reported_at, n_articles, n_sources, killed, injured
from incidents;

create or replace temp view report_incident_articles as
select distinct ei.incident_id, e.article_id
from event_incident ei
join events e using (event_id);
