-- 0001 core tables: runs, sources, feeds, fetch log, raw documents, articles, versions, events.
-- Migrations only move forward: never edit an applied file, add a new numbered one.
-- Every table and column carries a COMMENT; docs/warehouse.md is rendered from them.
-- Times are TIMESTAMPTZ (instants, stored in UTC); calendar days are DATE.

create table runs (
    run_id      varchar primary key,
    flow        varchar not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    status      varchar not null,
    params      json,
    stats       json,
    error       varchar,
    host        varchar,
    pid         integer
);
comment on table runs is 'One row per pipeline run (nightly, backfill, demo). Written at start and updated at the end.';
comment on column runs.run_id is 'Unique run id (UUID4 hex).';
comment on column runs.flow is 'Which job ran: nightly, backfill or retag.';
comment on column runs.started_at is 'When the run took the writer slot and began.';
comment on column runs.finished_at is 'When the run ended; NULL while running or if the process died.';
comment on column runs.status is 'running | succeeded (no failures) | partial (finished, some feeds or articles failed) | failed (stopped by an error) | abandoned (process died; found by the next run).';
comment on column runs.params is 'The run''s parameters as JSON (sources file, date range, options).';
comment on column runs.stats is 'Counts as JSON: feeds polled/not_modified/failed, articles new/updated/unchanged/duplicate/failed, events by type.';
comment on column runs.error is 'Why the run failed, when it did.';
comment on column runs.host is 'Host name of the machine that ran it.';
comment on column runs.pid is 'Process id of the run, to tell a live run from an abandoned one.';

create table sources (
    source      varchar primary key,
    name        varchar not null,
    homepage    varchar,
    language    varchar,
    country     varchar,
    host_delay_s double,
    updated_at  timestamptz not null
);
comment on table sources is 'Outlets as declared in the sources file (TOML or imported OPML); refreshed at the start of every run.';
comment on column sources.source is 'Short stable key of the outlet (slug of its name unless given).';
comment on column sources.name is 'Display name of the outlet.';
comment on column sources.homepage is 'Outlet home page URL.';
comment on column sources.language is 'Main language of the outlet (ISO 639-1).';
comment on column sources.country is 'Country the outlet is based in (ISO 3166 alpha-2).';
comment on column sources.host_delay_s is 'Per-source minimum gap between requests to its hosts, overriding the global --host-delay; NULL = default.';
comment on column sources.updated_at is 'When this row was last refreshed from the sources file.';

create table feeds (
    feed_url             varchar primary key,
    source               varchar not null,
    title                varchar,
    format               varchar,
    etag                 varchar,
    last_modified        varchar,
    body_hash            varchar,
    last_status          integer,
    last_error           varchar,
    last_fetched_at      timestamptz,
    last_success_at      timestamptz,
    consecutive_failures integer not null default 0,
    next_fetch_at        timestamptz,
    entries_seen         integer,
    created_at           timestamptz not null
);
comment on table feeds is 'One row per feed URL with its fetch state: what to send for a conditional GET, and when to try again.';
comment on column feeds.feed_url is 'The feed URL as declared in the sources file.';
comment on column feeds.source is 'The outlet publishing it (sources.source).';
comment on column feeds.title is 'The feed''s own title, from its last successful parse.';
comment on column feeds.format is 'rss20, rss10 (RDF), atom10, ... as detected on the last successful parse.';
comment on column feeds.etag is 'ETag of the last 200 response, sent back as If-None-Match.';
comment on column feeds.last_modified is 'Last-Modified of the last 200 response, sent back as If-Modified-Since.';
comment on column feeds.body_hash is 'SHA-256 of the last body parsed; an unchanged body is treated as not modified whatever the server says.';
comment on column feeds.last_status is 'HTTP status of the last attempt (NULL when no response, e.g. timeout or refused).';
comment on column feeds.last_error is 'Readable reason the last attempt failed; NULL when it succeeded.';
comment on column feeds.last_fetched_at is 'When the feed was last attempted.';
comment on column feeds.last_success_at is 'When the feed last answered 200 or 304.';
comment on column feeds.consecutive_failures is 'Failed attempts since the last success; drives the back-off.';
comment on column feeds.next_fetch_at is 'Earliest time the next run polls this feed again (back-off after failures, Retry-After); NULL = any time.';
comment on column feeds.entries_seen is 'Number of entries in the last successfully parsed body.';
comment on column feeds.created_at is 'When the feed was first seen.';

create table fetch_log (
    run_id      varchar not null,
    url         varchar not null,
    kind        varchar not null,
    http_status integer,
    error       varchar,
    bytes       bigint,
    elapsed_ms  integer,
    fetched_at  timestamptz not null,
    final_url   varchar,
    feed_url    varchar
);
comment on table fetch_log is 'One row per HTTP fetch attempt (and per item that failed after fetching), append-only. The place to look when something is missing.';
comment on column fetch_log.run_id is 'The run that made the attempt (runs.run_id).';
comment on column fetch_log.url is 'URL requested.';
comment on column fetch_log.kind is 'feed | article.';
comment on column fetch_log.http_status is 'HTTP status of the final response; NULL when there was none.';
comment on column fetch_log.error is 'NULL on success; otherwise a readable reason (HTTP 404, timeout, refused address, parse error, ...).';
comment on column fetch_log.bytes is 'Body size after decompression.';
comment on column fetch_log.elapsed_ms is 'Wall time of the request including redirects.';
comment on column fetch_log.fetched_at is 'When the request started.';
comment on column fetch_log.final_url is 'URL after redirects.';
comment on column fetch_log.feed_url is 'For article fetches, the feed that listed the article.';

create table raw_documents (
    raw_id       varchar primary key,
    url          varchar not null,
    final_url    varchar,
    kind         varchar not null,
    run_id       varchar not null,
    fetched_at   timestamptz not null,
    http_status  integer,
    content_type varchar,
    headers      json,
    body_gz      blob not null,
    body_bytes   bigint not null,
    body_sha256  varchar not null
);
comment on table raw_documents is 'Raw layer: every fetched feed and article body, gzip-compressed, written before parsing so a parser bug loses nothing and backfills can redo the work.';
comment on column raw_documents.raw_id is 'SHA-256 of url + body (first 32 hex digits): the same bytes from the same URL are stored once.';
comment on column raw_documents.url is 'URL requested.';
comment on column raw_documents.final_url is 'URL after redirects.';
comment on column raw_documents.kind is 'feed | article.';
comment on column raw_documents.run_id is 'Run that first fetched these bytes.';
comment on column raw_documents.fetched_at is 'When these bytes were first fetched.';
comment on column raw_documents.http_status is 'HTTP status of the response.';
comment on column raw_documents.content_type is 'Content-Type header of the response.';
comment on column raw_documents.headers is 'All response headers as JSON.';
comment on column raw_documents.body_gz is 'The response body (after transfer decoding), gzip-compressed.';
comment on column raw_documents.body_bytes is 'Uncompressed body size.';
comment on column raw_documents.body_sha256 is 'SHA-256 of the uncompressed body.';

create table articles (
    article_id        varchar primary key,
    url               varchar not null,
    canonical_url     varchar not null,
    source            varchar,
    feed_url          varchar,
    guid              varchar,
    title             varchar,
    authors           varchar[],
    published_at      timestamptz,
    feed_updated_at   timestamptz,
    language          varchar,
    summary           varchar,
    text              varchar,
    content_hash      varchar,
    simhash           bigint,
    duplicate_of      varchar,
    version           integer not null,
    raw_id            varchar,
    relevance         double,
    topics            varchar[],
    extractor_version varchar,
    tagger_version    varchar,
    first_seen_run    varchar,
    last_seen_run     varchar,
    first_seen_at     timestamptz,
    changed_at        timestamptz
);
comment on table articles is 'One row per canonical article, holding its current version. Older versions are in article_versions.';
comment on column articles.article_id is 'First 16 hex digits of SHA-256 of canonical_url: stable across runs and machines.';
comment on column articles.url is 'URL as it was fetched (the feed link).';
comment on column articles.canonical_url is 'Canonical URL: the page''s rel=canonical when it has one, else the fetched URL; lower-case host, no tracking parameters or fragment.';
comment on column articles.source is 'Outlet key (sources.source).';
comment on column articles.feed_url is 'Feed that listed the article first.';
comment on column articles.guid is 'The feed entry''s guid/id.';
comment on column articles.title is 'Headline, from the page (feed title as fallback).';
comment on column articles.authors is 'Author names from the page (feed authors as fallback).';
comment on column articles.published_at is 'Publication time from the page, else the feed; NULL when neither gives one.';
comment on column articles.feed_updated_at is 'The feed entry''s updated time at the last fetch; a newer one triggers a re-fetch.';
comment on column articles.language is 'ISO 639-1 language of the text.';
comment on column articles.summary is 'The feed entry''s summary (HTML stripped).';
comment on column articles.text is 'Clean main text of the current version; evidence offsets in events point into it.';
comment on column articles.content_hash is 'SHA-256 of the lower-cased word sequence of text; equal hashes = same story.';
comment on column articles.simhash is '64-bit SimHash of the text''s word 3-shingles: copies that differ by a credit line or a small edit are a few bits apart.';
comment on column articles.duplicate_of is 'article_id of an earlier article with the same story (same content_hash, or SimHash within 6 bits and published within 3 days): a syndicated copy; it gets no events of its own.';
comment on column articles.version is 'Version number of the current text (1 = as first fetched).';
comment on column articles.raw_id is 'raw_documents row the current version was extracted from.';
comment on column articles.relevance is 'Tagger''s 0..1 score that this is Middle East security news.';
comment on column articles.topics is 'Tagger''s topic tags.';
comment on column articles.extractor_version is 'Extractor version that produced text and metadata.';
comment on column articles.tagger_version is 'Tagger version that produced the events.';
comment on column articles.first_seen_run is 'Run that first loaded the article.';
comment on column articles.last_seen_run is 'Last run whose feeds listed the article.';
comment on column articles.first_seen_at is 'When the article was first loaded.';
comment on column articles.changed_at is 'When the current version was loaded.';

create table article_versions (
    article_id        varchar not null,
    version           integer not null,
    title             varchar,
    text              varchar,
    content_hash      varchar,
    raw_id            varchar,
    run_id            varchar,
    loaded_at         timestamptz not null,
    extractor_version varchar,
    primary key (article_id, version)
);
comment on table article_versions is 'Every version of every article''s text, kept when a publisher updates a story.';
comment on column article_versions.article_id is 'articles.article_id.';
comment on column article_versions.version is '1, 2, ... in the order the versions were fetched.';
comment on column article_versions.title is 'Headline of this version.';
comment on column article_versions.text is 'Clean text of this version.';
comment on column article_versions.content_hash is 'Content hash of this version.';
comment on column article_versions.raw_id is 'raw_documents row it was extracted from.';
comment on column article_versions.run_id is 'Run that loaded this version.';
comment on column article_versions.loaded_at is 'When this version was loaded.';
comment on column article_versions.extractor_version is 'Extractor version that produced it.';

create table article_urls (
    url        varchar primary key,
    article_id varchar not null
);
comment on table article_urls is 'Every canonicalised URL an article is known by (feed link, final URL after redirects, rel=canonical): how a feed entry is recognised as already loaded.';
comment on column article_urls.url is 'A canonicalised URL.';
comment on column article_urls.article_id is 'The article it leads to.';

create table events (
    event_id             varchar primary key,
    article_id           varchar not null,
    article_version      integer not null,
    event_type           varchar not null,
    acled_event_type     varchar,
    acled_sub_event_type varchar,
    cameo_root           varchar,
    actor1               varchar,
    actor1_type          varchar,
    actor1_patron        varchar,
    actor2               varchar,
    actor2_type          varchar,
    country_iso          varchar,
    admin1               varchar,
    place                varchar,
    lat                  double,
    lon                  double,
    geo_precision        varchar,
    event_date           date,
    date_precision       varchar,
    killed               integer,
    injured              integer,
    attack_count         integer,
    counts_lower_bound   boolean,
    weapon               varchar,
    evidence             varchar not null,
    evidence_start       integer not null,
    evidence_end         integer not null,
    confidence           double,
    tagger_version       varchar not null,
    run_id               varchar,
    tagged_at            timestamptz
);
comment on table events is 'Security events tagged in the current version of each article: one row per event mention, traceable to its sentence.';
comment on column events.event_id is 'First 16 hex digits of SHA-256 over article, version, type, evidence span, actors and place: re-tagging the same text gives the same ids.';
comment on column events.article_id is 'Article the event was read from (articles.article_id).';
comment on column events.article_version is 'Version of the article text the offsets refer to.';
comment on column events.event_type is 'armed_clash | air_or_drone_strike | shelling_artillery_missile | remote_explosive | suicide_bomb | maritime_attack | attack | military_deployment | diplomacy | threat | sanctions | arrest_or_seizure | protest.';
comment on column events.acled_event_type is 'The ACLED event type this maps to.';
comment on column events.acled_sub_event_type is 'The ACLED sub-event type this maps to.';
comment on column events.cameo_root is 'CAMEO root code (two digits) this maps to.';
comment on column events.actor1 is 'Who acted (normalised actor name from the actor dictionary).';
comment on column events.actor1_type is 'state_forces | government | militia | rebel_group | terrorist_group | external_force | civilians | ...';
comment on column events.actor1_patron is 'Sponsor the text names for actor1 ("Iran-backed" -> Iran).';
comment on column events.actor2 is 'Who was acted upon (target), normalised.';
comment on column events.actor2_type is 'Type of actor2, as for actor1_type.';
comment on column events.country_iso is 'ISO 3166 alpha-2 country where it happened.';
comment on column events.admin1 is 'Province / governorate.';
comment on column events.place is 'Town, base or sea area.';
comment on column events.lat is 'Latitude (WGS84) of the place, region or country centre.';
comment on column events.lon is 'Longitude (WGS84).';
comment on column events.geo_precision is 'place | region | country | sea: how precise lat/lon are.';
comment on column events.event_date is 'Date of the event, resolved against the publication date ("on Thursday").';
comment on column events.date_precision is 'day | week | month | range | ...: how precise event_date is.';
comment on column events.killed is 'People killed; NULL when the text gives no number.';
comment on column events.injured is 'People injured; 0 when the text says nobody was hurt.';
comment on column events.attack_count is 'Number of attacks the sentence reports ("at least 23 attacks").';
comment on column events.counts_lower_bound is 'True when the counts are lower bounds ("at least", "dozens").';
comment on column events.weapon is 'rocket | drone | ballistic_missile | cruise_missile | anti_ship_missile | mortar | ied | small_arms | air_strike | ...';
comment on column events.evidence is 'The sentence the event was read from.';
comment on column events.evidence_start is 'Character offset of evidence in articles.text (article_version).';
comment on column events.evidence_end is 'End offset (exclusive): text[evidence_start:evidence_end] = evidence.';
comment on column events.confidence is 'Tagger confidence 0..1.';
comment on column events.tagger_version is 'Tagger version that produced the row.';
comment on column events.run_id is 'Run that tagged it.';
comment on column events.tagged_at is 'When it was tagged.';

create index events_article_idx on events (article_id);
create index fetch_log_run_idx on fetch_log (run_id);
