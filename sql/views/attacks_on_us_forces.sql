-- Attacks on US and coalition forces (targets as normalised by src/ingest/tag/data/actors.toml),
-- counted as incidents so a strike reported by three outlets counts once.
create or replace view attacks_on_us_forces as
with coalition(actor) as (
    values ('US forces'), ('United States'), ('UK forces'), ('United Kingdom'), ('French forces')
)
select date_trunc('month', i.event_date)::date as month,
       coalesce(i.actor1,
                case when i.actor1_patron is not null then i.actor1_patron || '-backed group' end,
                'unidentified') as actor_group,
       i.actor1_patron as patron,
       count(*) as n_attacks,
       sum(i.n_events)::bigint as n_reports,
       sum(i.killed)::bigint as killed,
       sum(i.injured)::bigint as injured,
       list_sort(list(distinct i.country_iso) filter (where i.country_iso is not null)) as countries,
       list_sort(list(distinct i.actor2)) as targets,
       list_sort(list(distinct i.weapon) filter (where i.weapon is not null)) as weapons
from incidents i
where i.actor2 in (select actor from coalition)
  and (i.actor1 is null or i.actor1 not in (select actor from coalition))
  and i.event_type in ('armed_clash', 'air_or_drone_strike', 'shelling_artillery_missile', 'remote_explosive',
                       'suicide_bomb', 'maritime_attack', 'attack')
group by all;
comment on view attacks_on_us_forces is 'Attacks (violent incidents) whose target is US or coalition forces (US, UK, French forces or governments), per month and attacking group.';
comment on column attacks_on_us_forces.month is 'First day of the month of the incidents.';
comment on column attacks_on_us_forces.actor_group is 'Attacking group (incidents.actor1); "<patron>-backed group" when only the sponsor is named; "unidentified" when neither is.';
comment on column attacks_on_us_forces.patron is 'Sponsor named for the attackers ("Iran-backed" -> Iran); NULL when none is named.';
comment on column attacks_on_us_forces.n_attacks is 'Incidents (each counted once however many outlets reported it).';
comment on column attacks_on_us_forces.n_reports is 'Event mentions behind those incidents.';
comment on column attacks_on_us_forces.killed is 'Killed, summed over incidents (each incident''s largest reported figure); NULL when none gives a number.';
comment on column attacks_on_us_forces.injured is 'Injured, summed over incidents as for killed.';
comment on column attacks_on_us_forces.countries is 'Countries the attacks were in (ISO alpha-2).';
comment on column attacks_on_us_forces.targets is 'Which of the coalition actors were targeted.';
comment on column attacks_on_us_forces.weapons is 'Weapons reported.';
