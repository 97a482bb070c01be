-- The most recent incidents inside the window.
select incident_id, event_type, country_iso, place, event_date, actor1, actor2,
       killed, injured, n_articles, n_sources, last_reported_at
from report_incidents
where event_date between $start and $end
order by event_date desc, last_reported_at desc nulls last, incident_id
limit $limit
