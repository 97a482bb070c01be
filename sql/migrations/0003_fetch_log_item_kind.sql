-- fetch_log also records feed items whose link is refused without a request (file:, javascript:, ...),
-- so a user sees every URL that was not loaded and why.
comment on column fetch_log.kind is 'feed | article | item (a feed item whose link was refused without a request: url is the link as written, feed_url the feed that listed it).';
