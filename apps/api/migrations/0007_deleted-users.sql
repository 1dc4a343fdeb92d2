CREATE TABLE "deleted_users" (
	"user_id" text PRIMARY KEY NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Whether `owner` may still get new rows: a create's own statement asks it (accounts/deleted-users.ts).
-- The shared lock makes an account's deletion (which takes it exclusively) wait for the creates
-- already past it, and the creates after it wait for the deletion; the query after the lock takes
-- a fresh snapshot (a PL/pgSQL statement of a VOLATILE function does), so a create that waited
-- sees the deletion and inserts nothing.
CREATE FUNCTION account_open(owner text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM pg_advisory_xact_lock_shared(1684368485, hashtext(owner));
	RETURN NOT EXISTS (SELECT 1 FROM deleted_users WHERE user_id = owner);
END
$$;
