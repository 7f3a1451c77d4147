package org.loginservice.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.loginservice.password.PasswordHasher;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the tutorial's users, keeping their MD5 hashes until each one logs in: the
 * first successful login replaces the hash with BCrypt of the same password (see
 * {@link LoginService}). The password policy is not applied: it applies when they next
 * choose a password.
 */
@Component
class TutorialImport {

	private final UserRepository users;

	private final Clock clock;

	TutorialImport(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	/** Imports every valid entry whose name is free, in one transaction. */
	@Transactional
	Report importAll(TutorialFile file) {
		Report report = new Report();
		Set<String> names = new HashSet<>();
		for (TutorialFile.Entry entry : file.entries()) {
			Username name = Username.of(entry.username());
			Optional<String> invalid = name.problem();
			if (entry.problem() != null) {
				report.skip(entry.username(), "malformed entry", entry.problem());
			}
			else if (invalid.isPresent()) {
				report.skip(entry.username(), "invalid name", invalid.get());
			}
			else if (!names.add(name.skeleton())
					|| this.users.existsByCanonicalUsernameOrUsernameSkeleton(name.canonical(), name.skeleton())) {
				report.skip(entry.username(), "taken", null);
			}
			else {
				this.users.save(new User(name, PasswordHasher.TUTORIAL_MD5 + entry.md5Hex(), entry.data(),
						this.clock.instant()));
				report.imported++;
			}
		}
		this.users.flush();
		return report;
	}

	/** What an import did, to be printed. */
	static final class Report {

		private int imported;

		private final List<String> skipped = new ArrayList<>();

		private final Map<String, Integer> reasons = new LinkedHashMap<>();

		private void skip(String username, String reason, String detail) {
			this.skipped.add("'" + username + "': " + reason + ((detail != null) ? " (" + detail + ")" : ""));
			this.reasons.merge(reason, 1, Integer::sum);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			this.skipped.forEach((line) -> text.append("skipped ").append(line).append('\n'));
			text.append("imported ").append(this.imported).append(", skipped ").append(this.skipped.size());
			if (!this.reasons.isEmpty()) {
				text.append(" (");
				this.reasons.forEach((reason, count) -> text.append(reason).append(": ").append(count).append(", "));
				text.setLength(text.length() - 2);
				text.append(')');
			}
			// Nothing fails alone: a failing insert rolls the whole import back, and
			// ImportCommand reports every entry as failed.
			return text.append(", failed 0").toString();
		}

	}

}
