-- Killed and injured per country and month, summed over incidents (not articles or mentions).
create or replace view casualties_by_country_month as
select date_trunc('month', event_date)::date as month,
       country_iso,
       count(*) as n_incidents,
       count(*) filter (where killed is not null or injured is not null) as n_incidents_with_counts,
       sum(n_events)::bigint as n_events,
       coalesce(sum(killed), 0)::bigint as killed,
       coalesce(sum(injured), 0)::bigint as injured
from incidents
group by all;
comment on view casualties_by_country_month is 'Killed and injured per country and month, summed over incidents: each incident contributes the largest figure any of its reports gives, so a story told three times counts once.';
comment on column casualties_by_country_month.month is 'First day of the month (incidents.event_date).';
comment on column casualties_by_country_month.country_iso is 'ISO 3166 alpha-2 country; NULL for incidents at sea or unplaced.';
comment on column casualties_by_country_month.n_incidents is 'Incidents of any type in that country and month.';
comment on column casualties_by_country_month.n_incidents_with_counts is 'Incidents with a reported killed or injured figure.';
comment on column casualties_by_country_month.n_events is 'Event mentions behind those incidents (how much the same news was repeated).';
comment on column casualties_by_country_month.killed is 'People killed, summed over incidents (0 when none gives a number).';
comment on column casualties_by_country_month.injured is 'People injured, summed over incidents (0 when none gives a number).';
