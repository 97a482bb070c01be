-- Events (mentions) and incidents per day, country and event type.
create or replace view daily_event_counts as
select event_date, country_iso, event_type,
       count(*) as n_events,
       count(distinct incident_id) as n_incidents
from current_events
where event_date is not null
group by all;
comment on view daily_event_counts is 'Per day, country and event type: how many event mentions were tagged and how many distinct incidents they describe (a story reported by three outlets is three events but one incident).';
comment on column daily_event_counts.event_date is 'Day of the events (events.event_date).';
comment on column daily_event_counts.country_iso is 'ISO 3166 alpha-2 country; NULL for events at sea or unplaced.';
comment on column daily_event_counts.event_type is 'Event type.';
comment on column daily_event_counts.n_events is 'Event mentions (rows of current_events).';
comment on column daily_event_counts.n_incidents is 'Distinct incidents those mentions belong to (an incident whose reports disagree by a day counts on both days).';
