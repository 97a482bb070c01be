-- Events as analysts usually want them: only the current version of each article, only originals
-- (syndicated copies carry no events), with the outlet and the incident each event belongs to.
create or replace view current_events as
select e.event_id, e.article_id, ei.incident_id, a.source, a.published_at, a.title,
       e.event_type, e.actor1, e.actor1_type, e.actor1_patron, e.actor2, e.actor2_type,
       e.country_iso, e.admin1, e.place, e.lat, e.lon, e.geo_precision, e.event_date, e.date_precision,
       e.killed, e.injured, e.attack_count, e.counts_lower_bound, e.weapon,
       e.evidence, e.evidence_start, e.evidence_end, e.confidence
from events e
join articles a on a.article_id = e.article_id and a.version = e.article_version
left join event_incident ei on ei.event_id = e.event_id
where a.duplicate_of is null;
comment on view current_events is 'Events of the current version of each original article (syndicated copies have none), with outlet, headline and incident: the starting point for most questions.';
comment on column current_events.event_id is 'events.event_id.';
comment on column current_events.article_id is 'Article the event was read from.';
comment on column current_events.incident_id is 'The incident this mention belongs to (incidents.incident_id); NULL until incidents are rebuilt.';
comment on column current_events.source is 'Outlet that published the article (sources.source).';
comment on column current_events.published_at is 'When the article was published.';
comment on column current_events.title is 'Headline of the article.';
comment on column current_events.event_type is 'Event type (see events.event_type).';
comment on column current_events.actor1 is 'Who acted (normalised actor name).';
comment on column current_events.actor1_type is 'Type of actor1.';
comment on column current_events.actor1_patron is 'Sponsor the text names for actor1 ("Iran-backed" -> Iran).';
comment on column current_events.actor2 is 'Who was acted upon (target).';
comment on column current_events.actor2_type is 'Type of actor2.';
comment on column current_events.country_iso is 'ISO 3166 alpha-2 country where it happened.';
comment on column current_events.admin1 is 'Province / governorate.';
comment on column current_events.place is 'Town, base or sea area.';
comment on column current_events.lat is 'Latitude (WGS84).';
comment on column current_events.lon is 'Longitude (WGS84).';
comment on column current_events.geo_precision is 'place | region | country | sea.';
comment on column current_events.event_date is 'Date of the event.';
comment on column current_events.date_precision is 'How precise event_date is.';
comment on column current_events.killed is 'People killed this sentence reports; NULL when it gives no number.';
comment on column current_events.injured is 'People injured this sentence reports.';
comment on column current_events.attack_count is 'Number of attacks the sentence reports.';
comment on column current_events.counts_lower_bound is 'True when the counts are lower bounds.';
comment on column current_events.weapon is 'Weapon (see events.weapon).';
comment on column current_events.evidence is 'The text the event was read from: its sentence, or the clause of it that reports this act when one sentence reports several.';
comment on column current_events.evidence_start is 'Offset of evidence in articles.text.';
comment on column current_events.evidence_end is 'End offset (exclusive) of evidence in articles.text.';
comment on column current_events.confidence is 'Tagger confidence 0..1.';
