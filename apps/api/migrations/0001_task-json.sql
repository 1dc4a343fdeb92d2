-- A task as the API answers it: JSON.stringify(toTaskJson(row)), byte for byte (the same fields
-- in the same order, strings escaped by to_json, timestamps as ISO 8601 UTC with milliseconds).
-- Declared IMMUTABLE so that a generated column can use it: to_char is only STABLE because some
-- of its patterns follow the locale, and this format uses none of them; the time zone is fixed.
CREATE FUNCTION task_json(
	id uuid, user_id text, title text, description text, is_completed boolean,
	created_at timestamptz, updated_at timestamptz
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT '{"id":"' || id::text
		|| '","user_id":' || to_json(user_id)::text
		|| ',"title":' || to_json(title)::text
		|| ',"description":' || coalesce(to_json(description)::text, 'null')
		|| ',"is_completed":' || is_completed::text
		|| ',"created_at":"' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
		|| '","updated_at":"' || to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
		|| '"}'
$$;
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "as_json" text GENERATED ALWAYS AS (task_json(id, user_id, title, description, is_completed, created_at, updated_at)) STORED NOT NULL;
