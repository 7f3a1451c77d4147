package org.loginservice.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered account. Its canonical username and the skeleton of that name are unique
 * in the database, which settles simultaneous registrations of one name or of two names
 * that look alike. The skeleton is missing only on the few accounts made before it, whose
 * look-alike had an account already.
 */
@Entity
@Table(name = "users")
public class User {

	/** The most a user may store, in bytes of UTF-8 (64 KiB). */
	public static final int MAX_DATA_BYTES = 65_536;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String canonicalUsername;

	private String usernameSkeleton;

	private String passwordHash;

	private String data;

	private Instant createdAt;

	protected User() {
	}

	User(Username username, String passwordHash, String data, Instant createdAt) {
		this.username = username.display();
		this.canonicalUsername = username.canonical();
		this.usernameSkeleton = username.skeleton();
		this.passwordHash = passwordHash;
		this.data = data;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getData() {
		return this.data;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void changeData(String data) {
		this.data = data;
	}

}
