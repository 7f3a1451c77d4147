-- Consecutive failed logins per canonical username, existing or not.
CREATE TABLE login_failures (
	canonical_username VARCHAR(256) PRIMARY KEY,
	failures INT NOT NULL,
	locked_until TIMESTAMP WITH TIME ZONE,
	last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Counts per client address and kind of attempt, in fixed windows.
CREATE TABLE address_counts (
	address VARCHAR(128) NOT NULL,
	kind VARCHAR(32) NOT NULL,
	window_start TIMESTAMP WITH TIME ZONE NOT NULL,
	hits INT NOT NULL,
	PRIMARY KEY (address, kind, window_start)
);

CREATE INDEX address_counts_window_start ON address_counts (window_start);
