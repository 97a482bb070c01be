-- Drone and rocket attacks on US bases and forces in Iraq and Syria per week, by claimed group.
-- Counted as incidents: an attack reported by several outlets counts once.
select date_trunc('week', event_date)::date as week,
       coalesce(actor1, actor1_patron || '-backed group', 'unclaimed') as claimed_by,
       count(*) as attacks,
       sum(injured)::bigint as injured,
       sum(killed)::bigint as killed,
       list_sort(list(distinct coalesce(place, admin1, country_iso))) as places,
       list_sort(list(distinct weapon)) as weapons
from incidents
where country_iso in ('IQ', 'SY')
  and actor2 in ('US forces', 'United States')
  and weapon in ('drone', 'rocket', 'mortar', 'missile', 'ballistic_missile', 'cruise_missile')
group by all
order by week, attacks desc, claimed_by;
