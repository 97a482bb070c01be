-- Killed and injured per country inside the window, summed over incidents (not over article mentions).
select
    coalesce(country_iso, '')               as country_iso,
    count(*)                                as incidents,
    count(*) filter (where killed is not null or injured is not null) as with_figures,
    coalesce(sum(killed), 0)                as killed,
    coalesce(sum(injured), 0)               as injured
from report_incidents
where event_date between $start and $end
group by 1
having sum(killed) > 0 or sum(injured) > 0
order by killed desc, injured desc, country_iso
