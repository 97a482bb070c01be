-- The deadliest incidents of the 30 days up to the latest event day in the warehouse.
with latest as (select max(event_date) as day from incidents)
select i.event_date, i.event_type, i.country_iso, coalesce(i.place, i.admin1) as place,
       i.actor1, i.actor2, i.killed, i.injured, i.n_sources, i.evidence
from incidents i, latest
where i.event_date > latest.day - 30
  and (i.killed > 0 or i.injured > 0)
order by coalesce(i.killed, 0) desc, coalesce(i.injured, 0) desc, i.event_date desc, i.incident_id
limit 20;
