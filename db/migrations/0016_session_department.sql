-- Every published session has its commune's department (written by the trigger of 0009; communes.department
-- is required): the catalogue search reads « a session is shown in a department » from each
-- department's last start alone. A check rather than NOT NULL, so that inserts leave it to the trigger.
ALTER TABLE "published_sessions" ADD CONSTRAINT "published_sessions_department" CHECK ("published_sessions"."department" is not null);
