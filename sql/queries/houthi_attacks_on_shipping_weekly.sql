-- Houthi attacks on shipping and warships per week and sea area (maritime attacks and strikes at sea).
select date_trunc('week', event_date)::date as week,
       coalesce(place, country_iso, 'unknown') as area,
       count(*) as attacks,
       count(*) filter (where actor2_type = 'external_force') as on_warships,
       sum(n_sources)::bigint as outlet_reports,
       list_sort(list(distinct weapon) filter (where weapon is not null)) as weapons
from incidents
where actor1 = 'Houthis'
  and (event_type = 'maritime_attack' or geo_precision = 'sea')
group by all
order by week, attacks desc, area;
