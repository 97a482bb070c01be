-- Per-batch cost independent of the warehouse's size (issue 7).
--
-- 1. articles, article_versions, article_urls and events lose their PRIMARY KEY constraints, and events its
--    index on article_id. Their keys are hashes (article_id, event_id) or URLs, so every batch inserted keys
--    all over each ART index, and DuckDB 1.4 writes every changed index buffer at each checkpoint; a write
--    transaction checkpoints when it closes the file (once per nightly batch, so that readers get in between).
--    With random keys nearly every buffer changes, so each batch of 200 articles rewrote all five indexes
--    whole: the checkpoint and the inserts took about 0.2 s more per batch at 100,000 articles than in an
--    empty warehouse, and kept growing. The indexes answered no query: DuckDB uses an ART only for `=` or
--    IN with constants, not for the joins and semi-joins of the loader, the views and the report.
--    The keys stay unique: the loader (ingest.pipeline.load) looks up, in the same transaction, which
--    articles and URLs of a batch are stored and inserts only the others, and writes are serialised (one
--    process holds the file for writing, one transaction at a time inside it).
-- 2. Lookup keys: articles.article_key, articles.content_key and article_urls.url_key are the first 60 bits
--    of SHA-256 of article_id, content_hash and url, as BIGINT. The loader finds a batch's stored articles,
--    exact copies and known URLs by scanning these narrow integer columns, then reads the few matching rows
--    by rowid and compares the full strings, so a key collision cannot make a false match. Scanning the
--    64-character content hashes of every article cost about 60 ms a batch at 100,000 articles; the keys
--    cost a few.
--
-- Rows are copied in the order they were loaded, so zone maps on first_seen_at / published_at stay tight.
-- Views are re-created after every migration.

create table articles_0005 (
    article_id        varchar not null,
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
    changed_at        timestamptz,
    article_key       bigint,
    content_key       bigint
);
insert into articles_0005
select *, ('0x' || substr(sha256(article_id), 1, 15))::bigint, ('0x' || substr(sha256(content_hash), 1, 15))::bigint
from articles order by first_seen_at, article_id;
drop table articles;
alter table articles_0005 rename to articles;
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
comment on column articles.article_key is 'Lookup key: first 60 bits of SHA-256 of article_id as an integer, (''0x'' || substr(sha256(article_id), 1, 15))::bigint. Not unique by itself: compare article_id too.';
comment on column articles.content_key is 'Lookup key of content_hash, computed the same way (NULL when content_hash is).';

create table article_versions_0005 (
    article_id        varchar not null,
    version           integer not null,
    title             varchar,
    text              varchar,
    content_hash      varchar,
    raw_id            varchar,
    run_id            varchar,
    loaded_at         timestamptz not null,
    extractor_version varchar
);
insert into article_versions_0005 select * from article_versions order by loaded_at, article_id, version;
drop table article_versions;
alter table article_versions_0005 rename to article_versions;
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

create table article_urls_0005 (
    url        varchar not null,
    article_id varchar not null,
    url_key    bigint
);
insert into article_urls_0005 select *, ('0x' || substr(sha256(url), 1, 15))::bigint from article_urls order by rowid;
drop table article_urls;
alter table article_urls_0005 rename to article_urls;
comment on table article_urls is 'Every canonicalised URL an article is known by (feed link, final URL after redirects, rel=canonical): how a feed entry is recognised as already loaded.';
comment on column article_urls.url is 'A canonicalised URL.';
comment on column article_urls.article_id is 'The article it leads to.';
comment on column article_urls.url_key is 'Lookup key: (''0x'' || substr(sha256(url), 1, 15))::bigint. Not unique by itself: compare url too.';

create table events_0005 (
    event_id             varchar not null,
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
insert into events_0005 select * from events order by tagged_at, event_id;
drop table events;
alter table events_0005 rename to events;
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
comment on column events.evidence is 'The text the event was read from: its sentence, or the clause of it that reports this act when one sentence reports several.';
comment on column events.evidence_start is 'Character offset of evidence in articles.text (article_version).';
comment on column events.evidence_end is 'End offset (exclusive): text[evidence_start:evidence_end] = evidence.';
comment on column events.confidence is 'Tagger confidence 0..1.';
comment on column events.tagger_version is 'Tagger version that produced the row.';
comment on column events.run_id is 'Run that tagged it.';
comment on column events.tagged_at is 'When it was tagged.';
