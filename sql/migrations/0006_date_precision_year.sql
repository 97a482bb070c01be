-- Since tagger tag-21 an act dated "late last year" is dated to the year before publication with precision 'year'.
comment on column events.date_precision is 'How precise event_date is: day | week | month | year | range (since a day) | published (no date in the text: the article''s own date).';
