-- Incidents reported by more than one outlet or article, most corroborated first, with what each says.
select i.event_date, i.event_type, coalesce(i.place, i.admin1, i.country_iso) as location,
       i.actor1, i.actor2, i.killed, i.injured, i.n_sources, i.n_articles, i.n_events, i.sources,
       i.evidence as representative_sentence
from incidents i
where i.n_sources >= 2 or i.n_articles >= 2
order by i.n_sources desc, i.n_articles desc, i.event_date desc, i.incident_id;
