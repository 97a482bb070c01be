-- One row per feed: its fetch state from feeds plus its history from fetch_log and articles.
create or replace view feed_health as
with polls as (
    select url as feed_url, count(*) as n_fetches, count(error) as n_failed_fetches, max(fetched_at) as last_logged_at
    from fetch_log where kind = 'feed' group by url
),
article_fetches as (
    select feed_url, count(*) as n_article_fetches, count(error) as n_failed_article_fetches
    from fetch_log where kind = 'article' and feed_url is not null group by feed_url
),
loaded as (
    select feed_url, count(*) as n_articles, max(first_seen_at) as last_new_article_at
    from articles where feed_url is not null group by feed_url
)
select f.feed_url, f.source, f.title, f.format,
       case when f.last_fetched_at is null then 'never_fetched'
            when f.last_error is null then 'ok'
            when f.next_fetch_at > now() then 'backing_off'
            else 'failing' end as state,
       f.last_status, f.last_error, f.consecutive_failures, f.last_fetched_at, f.last_success_at, f.next_fetch_at,
       f.entries_seen,
       coalesce(p.n_fetches, 0) as n_fetches,
       coalesce(p.n_failed_fetches, 0) as n_failed_fetches,
       round((p.n_fetches - p.n_failed_fetches) / p.n_fetches, 3) as success_rate,
       coalesce(l.n_articles, 0) as n_articles,
       coalesce(af.n_failed_article_fetches, 0) as n_failed_article_fetches,
       l.last_new_article_at
from feeds f
left join polls p on p.feed_url = f.feed_url
left join article_fetches af on af.feed_url = f.feed_url
left join loaded l on l.feed_url = f.feed_url;
comment on view feed_health is 'Per feed: is it working, why not, when it is tried next, and how it has done over all runs (fetch_log).';
comment on column feed_health.feed_url is 'The feed URL.';
comment on column feed_health.source is 'Outlet publishing it.';
comment on column feed_health.title is 'The feed''s own title.';
comment on column feed_health.format is 'rss20, rss10, atom10, ...';
comment on column feed_health.state is 'ok (last attempt succeeded) | backing_off (failing, next attempt scheduled later) | failing (failing, due now) | never_fetched.';
comment on column feed_health.last_status is 'HTTP status of the last attempt (NULL when there was no response).';
comment on column feed_health.last_error is 'Why the last attempt failed; NULL when it succeeded.';
comment on column feed_health.consecutive_failures is 'Failed attempts since the last success.';
comment on column feed_health.last_fetched_at is 'When the feed was last attempted.';
comment on column feed_health.last_success_at is 'When the feed last answered 200 or 304.';
comment on column feed_health.next_fetch_at is 'Earliest time the next run polls it again; NULL = any time.';
comment on column feed_health.entries_seen is 'Entries (items) in the last successfully parsed body.';
comment on column feed_health.n_fetches is 'Attempts recorded in fetch_log, all runs.';
comment on column feed_health.n_failed_fetches is 'Of those, failed attempts.';
comment on column feed_health.success_rate is 'Share of attempts that succeeded (0..1); NULL when never attempted.';
comment on column feed_health.n_articles is 'Articles first listed by this feed (articles.feed_url).';
comment on column feed_health.n_failed_article_fetches is 'Article fetches or extractions from this feed that failed (fetch_log).';
comment on column feed_health.last_new_article_at is 'When an article first listed by this feed was last loaded.';
