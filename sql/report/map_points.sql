-- Event locations inside the window: one point per coordinate pair (~1 km), sized by its event count.
select
    round(lat, 2)                                  as lat,
    round(lon, 2)                                  as lon,
    mode(coalesce(place, admin1))                  as place,
    mode(country_iso)                              as country_iso,
    count(*)                                       as n
from events
where event_date between $start and $end and lat is not null and lon is not null
group by 1, 2
order by n desc, place, country_iso
