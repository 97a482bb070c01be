-- Header of the report: what the warehouse holds, over its whole history.
select
    (select count(*) from articles)                                as articles,
    (select count(*) from articles where duplicate_of is not null) as duplicates,
    (select count(*) from sources)                                 as sources,
    (select count(*) from events)                                  as events,
    (select min(event_date) from events)                           as first_event,
    (select max(event_date) from events)                           as last_event,
    (select min(published_at) from articles)                       as first_published,
    (select max(published_at) from articles)                       as last_published,
    (select max(finished_at) from runs)                            as last_run
