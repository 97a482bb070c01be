-- How much the same news is repeated: event mentions and articles per incident, by country.
select coalesce(country_iso, '(sea or unplaced)') as country,
       count(*) as incidents,
       sum(n_events)::bigint as mentions,
       sum(n_articles)::bigint as articles,
       round(sum(n_events) / count(*), 2) as mentions_per_incident,
       count(*) filter (where n_sources >= 2) as reported_by_several_outlets
from incidents
group by all
order by mentions desc, country;
