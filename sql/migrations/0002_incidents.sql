-- 0002 incidents: the same real-world event, reported by several outlets or several times, as one row.
-- Filled by ingest.warehouse.incidents.rebuild_incidents after each run's events are loaded (never by hand):
-- the rows are derived from events and articles and can be rebuilt from them at any time.

create table incidents (
    incident_id               varchar primary key,
    event_type                varchar not null,
    country_iso               varchar,
    admin1                    varchar,
    place                     varchar,
    lat                       double,
    lon                       double,
    geo_precision             varchar,
    event_date                date not null,
    first_event_date          date not null,
    last_event_date           date not null,
    actor1                    varchar,
    actor1_type               varchar,
    actor1_patron             varchar,
    actor2                    varchar,
    actor2_type               varchar,
    weapon                    varchar,
    killed                    integer,
    injured                   integer,
    first_reported_at         timestamptz,
    last_reported_at          timestamptz,
    n_articles                integer not null,
    n_sources                 integer not null,
    n_events                  integer not null,
    sources                   varchar[],
    confidence                double,
    representative_event_id   varchar not null,
    representative_article_id varchar not null,
    evidence                  varchar not null,
    rebuilt_at                timestamptz not null
);
comment on table incidents is 'One row per real-world incident: the events (mentions) that report the same happening, from several outlets, syndicated copies or several sentences, clustered by event type, place, date (within a day) and compatible actors. Derived from events; rebuilt for the affected days after every run and backfill.';
comment on column incidents.incident_id is 'First 16 hex digits of SHA-256 over the first report''s article, the event type, place and day: stable across re-runs and rebuilds while that first report stays.';
comment on column incidents.event_type is 'Event type shared by all its events (see events.event_type).';
comment on column incidents.country_iso is 'ISO 3166 alpha-2 country, from the representative event (else the best-ranked report that names one).';
comment on column incidents.admin1 is 'Province / governorate, from the representative event (else the best-ranked report that names one).';
comment on column incidents.place is 'Town, base or sea area, from the representative event (else the best-ranked report that names one).';
comment on column incidents.lat is 'Latitude of the representative event''s place.';
comment on column incidents.lon is 'Longitude of the representative event''s place.';
comment on column incidents.geo_precision is 'place | region | sea | country: precision of lat/lon (the representative event''s).';
comment on column incidents.event_date is 'Day it happened, from the representative event (the most precisely dated report).';
comment on column incidents.first_event_date is 'Earliest event_date among its reports (reports may disagree by a day).';
comment on column incidents.last_event_date is 'Latest event_date among its reports.';
comment on column incidents.actor1 is 'Who acted: the representative event''s actor1, else that of the best-ranked report that names one.';
comment on column incidents.actor1_type is 'Type of actor1, from the same report (see events.actor1_type).';
comment on column incidents.actor1_patron is 'Sponsor named for the attackers ("Iran-backed" -> Iran), from the best-ranked report that names one.';
comment on column incidents.actor2 is 'Who was acted upon (target), chosen as for actor1.';
comment on column incidents.actor2_type is 'Type of actor2, from the same report.';
comment on column incidents.weapon is 'Weapon, from the representative event else the best-ranked report that names one.';
comment on column incidents.killed is 'People killed: the largest number any report gives (reports are merged, not summed); NULL when none gives one.';
comment on column incidents.injured is 'People injured: the largest number any report gives; NULL when none gives one.';
comment on column incidents.first_reported_at is 'Earliest publication (else first-seen) time of an article reporting it, syndicated copies included.';
comment on column incidents.last_reported_at is 'Latest publication (else first-seen) time of an article reporting it.';
comment on column incidents.n_articles is 'Articles reporting it, syndicated copies (articles.duplicate_of) included.';
comment on column incidents.n_sources is 'Distinct outlets reporting it, syndicated copies included.';
comment on column incidents.n_events is 'Event rows (mentions) merged into it.';
comment on column incidents.sources is 'The outlets (sources.source) reporting it, sorted.';
comment on column incidents.confidence is 'Highest tagger confidence among its events.';
comment on column incidents.representative_event_id is 'The event chosen to describe it (the best-ranked report): most precise place, then day-precise date, then highest confidence, then first reported.';
comment on column incidents.representative_article_id is 'Article of the representative event.';
comment on column incidents.evidence is 'The sentence of the representative event.';
comment on column incidents.rebuilt_at is 'When this row was last computed.';

create table event_incident (
    event_id    varchar primary key,
    incident_id varchar not null
);
comment on table event_incident is 'Which incident each current event belongs to (every event row belongs to exactly one).';
comment on column event_incident.event_id is 'events.event_id.';
comment on column event_incident.incident_id is 'incidents.incident_id.';

create index event_incident_incident_idx on event_incident (incident_id);
create index incidents_date_idx on incidents (event_date);
