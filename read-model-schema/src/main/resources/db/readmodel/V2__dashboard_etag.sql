-- A strong validator of the document, computed once by the writer so that reads only compare strings.
alter table dashboard add column etag text not null default '';
