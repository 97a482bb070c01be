-- Events per day and type inside the window (days without events are filled in by the chart).
select event_date as day, event_type, count(*) as n
from events
where event_date between $start and $end
group by all
order by day, event_type
