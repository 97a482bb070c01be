-- Events and the articles they came from inside the report's window [$start, $end].
select
    count(*)                                        as events,
    count(distinct article_id)                      as articles,
    count(*) filter (where lat is null or lon is null) as without_coordinates
from events
where event_date between $start and $end
