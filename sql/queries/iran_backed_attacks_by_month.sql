-- Attacks by groups the reports call Iran-backed, per month, target and country.
select date_trunc('month', event_date)::date as month,
       coalesce(actor1, 'unnamed Iran-backed group') as attacker,
       coalesce(actor2, 'unknown') as target,
       country_iso,
       count(*) as attacks,
       sum(injured)::bigint as injured,
       sum(killed)::bigint as killed
from incidents
where actor1_patron = 'Iran'
  and event_type in ('armed_clash', 'air_or_drone_strike', 'shelling_artillery_missile', 'remote_explosive',
                     'suicide_bomb', 'maritime_attack', 'attack')
group by all
order by month, attacks desc, attacker, target;
