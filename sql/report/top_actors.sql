-- Actors named most often inside the window, as the one acting (actor1) or acted upon (actor2).
with mentions as (
    select nullif(trim(actor1), '') as actor, 1 as acting, 0 as targeted
    from events where event_date between $start and $end
    union all
    select nullif(trim(actor2), ''), 0, 1
    from events where event_date between $start and $end
)
select actor, sum(acting) as acting, sum(targeted) as targeted, count(*) as total
from mentions
where actor is not null
group by actor
order by total desc, actor
limit $limit
