-- Reserve first, then decide (issue 12): one call counts an attempt against several fixed-window
-- limits at once, or against none. It takes the counters' row locks in key order, so reservations
-- that share a counter queue one behind another (and never deadlock), reads them as they are
-- now, and counts the attempt only if every counter still has room. N parallel attempts
-- therefore count exactly N, and never more than a limit allows.
CREATE OR REPLACE FUNCTION rate_limit_reserve(p_keys text[], p_max integer[], p_seconds integer[])
RETURNS TABLE (limit_key text, used integer, window_began timestamptz, reserved boolean)
LANGUAGE plpgsql AS $$
DECLARE
	t_now timestamptz;
	room boolean;
BEGIN
	INSERT INTO rate_limit (key, window_start, count)
	SELECT k, 'epoch'::timestamptz, 0 FROM unnest(p_keys) AS k ORDER BY k
	ON CONFLICT (key) DO NOTHING;
	PERFORM 1 FROM rate_limit r WHERE r.key = ANY (p_keys) ORDER BY r.key FOR UPDATE;
	-- Read after the locks were granted: the clock and the counters as they are now (the clock in
	-- milliseconds, as JavaScript keeps it, so a release can name the window it gives back to).
	t_now := date_trunc('milliseconds', clock_timestamp());
	SELECT coalesce(bool_and(r.window_start <= t_now - make_interval(secs => w.secs) OR r.count < w.max), false)
	INTO room
	FROM rate_limit r JOIN unnest(p_keys, p_max, p_seconds) AS w(key, max, secs) ON w.key = r.key;
	IF room THEN
		UPDATE rate_limit r SET
			count = CASE WHEN r.window_start <= t_now - make_interval(secs => w.secs) THEN 1 ELSE r.count + 1 END,
			window_start = CASE WHEN r.window_start <= t_now - make_interval(secs => w.secs) THEN t_now ELSE r.window_start END
		FROM unnest(p_keys, p_max, p_seconds) AS w(key, max, secs)
		WHERE w.key = r.key;
	END IF;
	RETURN QUERY
	SELECT r.key,
		CASE WHEN r.window_start <= t_now - make_interval(secs => w.secs) THEN 0 ELSE r.count END,
		r.window_start,
		room
	FROM rate_limit r JOIN unnest(p_keys, p_max, p_seconds) AS w(key, max, secs) ON w.key = r.key;
END;
$$;
